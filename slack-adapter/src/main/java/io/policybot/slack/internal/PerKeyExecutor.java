package io.policybot.slack.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs tasks on the worker executor, one at a time per key (a user): two quick messages or button presses
 * of one person are answered in the order they came, while different people are answered in parallel.
 * A queued task is handed to the executor only when the one before it ends, so shutting down means
 * {@link #drain} first, then the executor.
 */
public final class PerKeyExecutor {
    private static final Logger log = LoggerFactory.getLogger(PerKeyExecutor.class);

    private final Executor workers;
    private final Map<String, CompletableFuture<Void>> tails = new ConcurrentHashMap<>();
    private volatile boolean closed;

    public PerKeyExecutor(Executor workers) {
        this.workers = workers;
    }

    /** Queues the task behind the key's earlier ones; returns false (and drops it) once draining began. */
    public boolean execute(String key, Runnable task) {
        if (closed) {
            return false;
        }
        CompletableFuture<Void> next = tails.compute(key, (k, tail) ->
                (tail == null ? CompletableFuture.<Void>completedFuture(null) : tail.exceptionally(e -> null))
                        .thenRunAsync(task, workers));
        next.whenComplete((ok, failure) -> {
            tails.remove(key, next);
            if (failure != null) {
                log.warn("A Slack task did not complete: {}", failure.getClass().getName());
            }
        });
        return true;
    }

    /** Takes no new tasks and waits for the queued ones; true when all finished in time. */
    public boolean drain(Duration timeout) {
        closed = true;
        CompletableFuture<?>[] pending = tails.values().stream()
                .map(f -> f.exceptionally(e -> null)).toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(pending).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        }
    }
}
