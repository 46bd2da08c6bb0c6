package io.policybot.chat;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Where an adapter answers what it has acknowledged: a fixed number of platform threads (about one per core) and a
 * bounded number of tasks waiting, one at a time per key (a person), in the order they came.
 *
 * <p>Why platform threads: answering is CPU work (search, embeddings in native code). On virtual threads it shares
 * the few carrier threads with the requests that only need to be acknowledged, and the acknowledgements wait behind
 * the answers (Slack field report B6). On their own threads the answers compete with the acknowledgements only
 * through the OS scheduler, which gives a waiting request thread the CPU within milliseconds.
 *
 * <p>Why bounded: a queue that never refuses grows without limit under a burst (memory) and answers minutes late.
 * {@link #offer} says no at once when {@code capacity} tasks are waiting or running, or when one person already has
 * {@code perKeyLimit} of them, and the adapter tells the person it is busy instead.
 */
public final class AnswerPool implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AnswerPool.class);

    private final ThreadPoolExecutor threads;
    private final int capacity;
    private final int perKeyLimit;
    private final Object lock = new Object();
    /** Keys with a task running or handed to the threads; the tasks of that key waiting behind it. */
    private final Map<String, ArrayDeque<Runnable>> waiting = new HashMap<>();
    private final Map<String, Integer> perKey = new HashMap<>();
    private int pending;
    private boolean closed;
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong completed = new AtomicLong();

    /**
     * @param name        thread names start with it
     * @param threads     how many tasks run at once
     * @param capacity    how many tasks may be waiting or running in all
     * @param perKeyLimit how many of them one key may have
     */
    public AnswerPool(String name, int threads, int capacity, int perKeyLimit) {
        if (threads < 1 || capacity < 1 || perKeyLimit < 1) {
            throw new IllegalArgumentException("threads, capacity and perKeyLimit must be at least 1");
        }
        this.capacity = capacity;
        this.perKeyLimit = perKeyLimit;
        AtomicInteger n = new AtomicInteger();
        // The queue is unbounded, but never holds more than `capacity` tasks: offer() counts them first.
        this.threads = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                r -> {
                    Thread t = new Thread(r, name + "-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
    }

    /** One thread per core (at least one), room for {@code capacity} tasks, ten per person. */
    public static AnswerPool perCore(String name, int capacity) {
        return new AnswerPool(name, Math.max(1, Runtime.getRuntime().availableProcessors()), capacity, 10);
    }

    /**
     * Queues {@code task} behind the key's earlier ones. Returns false, and runs nothing, when the pool is full, the
     * key has its limit, or the pool is closing; never blocks.
     */
    public boolean offer(String key, Runnable task) {
        String k = key == null ? "" : key;
        synchronized (lock) {
            int mine = perKey.getOrDefault(k, 0);
            if (closed || pending >= capacity || mine >= perKeyLimit) {
                refused.incrementAndGet();
                return false;
            }
            pending++;
            perKey.put(k, mine + 1);
            ArrayDeque<Runnable> queue = waiting.get(k);
            if (queue != null) {
                queue.add(task);
                return true;
            }
            waiting.put(k, new ArrayDeque<>());
        }
        threads.execute(() -> run(k, task));
        return true;
    }

    private void run(String key, Runnable task) {
        try {
            task.run();
        } catch (RuntimeException | Error e) {
            log.error("An answer task failed: {}", e.getClass().getName());
        }
        Runnable next;
        synchronized (lock) {
            pending--;
            int mine = perKey.getOrDefault(key, 1) - 1;
            if (mine <= 0) {
                perKey.remove(key);
            } else {
                perKey.put(key, mine);
            }
            ArrayDeque<Runnable> queue = waiting.get(key);
            next = queue == null ? null : queue.poll();
            if (next == null) {
                waiting.remove(key);
            }
            lock.notifyAll();
        }
        completed.incrementAndGet();
        if (next != null) {
            Runnable then = next;
            // Back of the line: one person's many messages do not hold a thread while others wait.
            threads.execute(() -> run(key, then));
        }
    }

    /** Tasks waiting or running now. */
    public int pending() {
        synchronized (lock) {
            return pending;
        }
    }

    public int capacity() {
        return capacity;
    }

    public int threads() {
        return threads.getCorePoolSize();
    }

    /** Tasks refused since start (full, or one key over its limit, or closing). */
    public long refused() {
        return refused.get();
    }

    /** Tasks run to the end since start. */
    public long completed() {
        return completed.get();
    }

    /** Takes no new tasks and waits for the queued ones; true when all finished in time. */
    public boolean drain(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            closed = true;
            while (pending > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    lock.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return true;
        }
    }

    /** Stops the threads; tasks still waiting are dropped (call {@link #drain} first to let them finish). */
    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
        }
        threads.shutdownNow();
    }

    /**
     * A pool bound (workers, queue) from the environment, for the adapters that size their pool from settings:
     * {@code otherwise} when unset, else a whole number of at least 1.
     */
    public static int bound(Map<String, String> env, String name, int otherwise) {
        String v = env.getOrDefault(name, "").strip();
        if (v.isEmpty()) {
            return otherwise;
        }
        try {
            int n = Integer.parseInt(v);
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException(name + " must be a whole number of at least 1, not " + v);
    }
}
