package io.policybot.questions;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The retention purge in the background: tried every {@code every} (an hour), it runs once a day, whichever
 * replica gets there first ({@link QuestionRetention#runScheduled}).
 */
public final class RetentionSchedule implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RetentionSchedule.class);
    private final QuestionRetention retention;
    private ScheduledExecutorService executor; // guarded by this

    public RetentionSchedule(QuestionRetention retention) {
        this.retention = retention;
    }

    public synchronized void start(Duration every) {
        if (executor != null || retention.period().isEmpty()) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "policybot-retention");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(() -> {
            try {
                if (retention.runScheduled()) {
                    log.info("retention: questions older than {} days purged", retention.period().orElseThrow().toDays());
                }
            } catch (RuntimeException e) {
                log.error("retention purge failed; trying again in {}", every, e);
            }
        }, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void close() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }
}
