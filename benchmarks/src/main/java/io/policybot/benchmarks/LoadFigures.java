package io.policybot.benchmarks;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What one load run saw, per event: when it was due, when it was acknowledged and how, and whether the person got
 * an answer or the "busy" note; plus the process's resident memory and the deepest queue. Prints the figures and
 * the targets of issue 12 (ack p99 <= 100 ms, no ack over 3 s, every event answered or told busy).
 */
final class LoadFigures {
    static final long THREE_SECONDS = Duration.ofSeconds(3).toNanos();

    final String[] users;
    final long[] due;
    private final long[] ackedAt;
    private final int[] status;
    private final int total;
    private final int seconds;
    private final Map<String, Long> answered;
    private final Map<String, Long> busy;
    private long start;
    private long sentAt;
    private volatile int maxQueue;
    private final java.util.concurrent.atomic.AtomicInteger busyByMessage = new java.util.concurrent.atomic.AtomicInteger();
    private final long rssStart = rssBytes();
    private volatile long rssMax = rssStart;

    LoadFigures(int total, int seconds, Map<String, Long> answered, Map<String, Long> busy) {
        this.total = total;
        this.seconds = seconds;
        this.users = new String[total];
        this.due = new long[total];
        this.ackedAt = new long[total];
        this.status = new int[total];
        this.answered = answered;
        this.busy = busy;
    }

    void start(long nanos) {
        start = nanos;
    }

    void sent(long nanos) {
        sentAt = nanos;
    }

    void acked(int k, long nanos, int httpStatus) {
        ackedAt[k] = nanos;
        status[k] = httpStatus;
    }

    /** A busy note that went as a fresh message, matched to no event (Discord, after a refused late response). */
    void toldBusyByMessage() {
        busyByMessage.incrementAndGet();
    }

    int busyByMessage() {
        return busyByMessage.get();
    }

    void sampleQueue(int depth) {
        if (depth > maxQueue) {
            maxQueue = depth;
        }
        long rss = rssBytes();
        if (rss > rssMax) {
            rssMax = rss;
        }
    }

    private int outcomes() {
        int n = 0;
        for (String u : users) {
            if (answered.containsKey(u) || busy.containsKey(u)) {
                n++;
            }
        }
        return n;
    }

    private int acks() {
        int n = 0;
        for (long a : ackedAt) {
            if (a != 0) {
                n++;
            }
        }
        return n;
    }

    /** Waits (a benchmark may sleep) until every event was acknowledged and answered or told busy, or the limit. */
    void awaitOutcomes(Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while ((outcomes() < total || acks() < total) && System.nanoTime() < deadline) {
            sampleQueue(0);
            Thread.sleep(100);
        }
    }

    void print(String platform, PrintStream out) {
        long[] ack = new long[total];
        int ok = 0;
        int failed = 0;
        int over3s = 0;
        int missing = 0;
        for (int k = 0; k < total; k++) {
            if (ackedAt[k] == 0) {
                missing++;
                ack[k] = Long.MAX_VALUE;
                continue;
            }
            ack[k] = ackedAt[k] - due[k];
            if (status[k] >= 200 && status[k] < 300) {
                ok++;
            } else {
                failed++;
            }
            if (ack[k] > THREE_SECONDS) {
                over3s++;
            }
        }
        long[] sorted = ack.clone();
        Arrays.sort(sorted);
        int answers = 0;
        int toldBusy = 0;
        int neither = 0;
        int answeredDuringLoad = 0;
        long loadEnd = start + Duration.ofSeconds(seconds).toNanos();
        long[] answerLatency = new long[total];
        int a = 0;
        long lastAnswer = start;
        for (int k = 0; k < total; k++) {
            Long at = answered.get(users[k]);
            if (at != null) {
                answers++;
                answerLatency[a++] = at - due[k];
                if (at <= loadEnd) {
                    answeredDuringLoad++;
                }
                lastAnswer = Math.max(lastAnswer, at);
            } else if (busy.containsKey(users[k])) {
                toldBusy++;
            } else {
                neither++;
            }
        }
        long[] answerSorted = Arrays.copyOf(answerLatency, a);
        Arrays.sort(answerSorted);
        System.gc();
        long heap = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
        double sendSeconds = (sentAt - start) / 1e9;

        out.printf(Locale.ROOT, "%s load: %d events in %.1f s (%.0f/s)%n", platform, total, sendSeconds, total / sendSeconds);
        out.printf(Locale.ROOT, "  acks                 %d ok, %d refused, %d never; over 3 s: %d%n", ok, failed, missing, over3s);
        out.printf(Locale.ROOT, "  ack latency          p50 %s, p90 %s, p99 %s, max %s%n", ms(pct(sorted, 50)),
                ms(pct(sorted, 90)), ms(pct(sorted, 99)), ms(sorted[total - 1]));
        int byMessage = Math.min(busyByMessage.get(), neither);
        neither -= byMessage;
        toldBusy += byMessage;
        out.printf(Locale.ROOT, "  outcome              %d answered, %d told busy%s, %d neither%n", answers, toldBusy,
                byMessage > 0 ? " (" + byMessage + " of them by a fresh message after a late response)" : "", neither);
        out.printf(Locale.ROOT, "  answer rate          %.1f/s sustained during the load (%d answers in %d s), %.1f/s overall "
                        + "(last answer %.1f s after the start)%n", answeredDuringLoad / (double) seconds,
                answeredDuringLoad, seconds, answers / Math.max(0.001, (lastAnswer - start) / 1e9), (lastAnswer - start) / 1e9);
        if (a > 0) {
            out.printf(Locale.ROOT, "  answer latency       p50 %s, p99 %s, max %s (from when the event was due)%n",
                    ms(pct(answerSorted, 50)), ms(pct(answerSorted, 99)), ms(answerSorted[a - 1]));
        }
        out.printf(Locale.ROOT, "  queue                at most %d events waiting or being answered%n", maxQueue);
        out.printf(Locale.ROOT, "  memory               RSS %d MB at start, %d MB at most; heap %d MB after GC%n",
                rssStart >> 20, rssMax >> 20, heap >> 20);
        boolean p99 = pct(sorted, 99) <= Duration.ofMillis(100).toNanos();
        out.printf(Locale.ROOT, "  targets              ack p99 <= 100 ms: %s; no ack over 3 s: %s; every event answered or told busy: %s%n",
                p99 ? "met" : "MISSED", over3s == 0 && missing == 0 && failed == 0 ? "met" : "MISSED",
                neither == 0 ? "met" : "MISSED");
    }

    private static long pct(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static String ms(long nanos) {
        return nanos == Long.MAX_VALUE ? "never" : String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
    }

    /** This process's resident set size (Linux), or 0 elsewhere. */
    static long rssBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }

    /** The data directory's embedding cache, so the bench's fresh database does not embed every passage again. */
    static void copyVectors(Path dataDir, Path to) throws IOException {
        Path vectors = dataDir.resolve("vectors");
        if (!Files.isDirectory(vectors)) {
            return;
        }
        try (Stream<Path> files = Files.walk(vectors)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path target = to.resolve("vectors").resolve(vectors.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
