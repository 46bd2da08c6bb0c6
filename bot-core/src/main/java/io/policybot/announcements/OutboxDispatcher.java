package io.policybot.announcements;

import io.policybot.chat.ChatGateway;
import io.policybot.chat.DeliveryResult;
import io.policybot.chat.Reply;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains the outbox through each platform's {@link ChatGateway}, at the platform's pace ({@link Pacer}), retrying
 * transient failures with exponential backoff (or after the platform's Retry-After, which also pauses the whole
 * platform) and recording permanent ones with their reason.
 *
 * <p><b>Why nobody gets an announcement twice.</b> A row is marked {@code sending} and committed <i>before</i>
 * the platform is called, and {@code sent} after. A crash can only leave rows in {@code sending} whose call may or
 * may not have reached the platform: at most one claimed batch per platform (the batch is about one second's worth
 * of messages). On restart {@link AnnouncementOutbox#resumeInFlight(Instant)} makes them pending again and they go again
 * with the <i>same idempotency key</i> (announcement id + recipient): delivery is at-least-once, and it is the key
 * that turns it into exactly-once for the person. Rows already {@code sent} are never claimed again, so only the
 * in-flight ones are repeated, and a gateway that deduplicates by key (the console and test platforms record the
 * keys they delivered; Discord can enforce a message nonce) delivers each of them once. A platform that cannot
 * deduplicate (Slack's chat.postMessage has no idempotency key) can show those few in-flight messages twice after
 * a crash, never more, and never any message that was recorded as sent.
 */
public final class OutboxDispatcher {
    private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);
    private final AnnouncementOutbox outbox;
    private final AnnouncementMessages messages;
    private final Map<String, ChatGateway> gateways;
    private final Map<String, Pacer> pacers = new TreeMap<>();
    private final AnnouncementSettings settings;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Predicate<OutboxMessage> stillWanted;
    private final AttemptListener attempts;

    /** What one send attempt came to, per platform (the meters of {@code serve}). */
    public enum Outcome { SENT, RETRY, FAILED }

    /** Told of every send attempt: its platform, which attempt of the message it was (1, 2, ...) and its outcome. */
    @FunctionalInterface
    public interface AttemptListener {
        AttemptListener NONE = (platform, attempt, outcome) -> { };

        void attempted(String platform, int attempt, Outcome outcome);
    }

    /**
     * @param stillWanted false for a reminder that is no longer needed when its turn comes (the person completed):
     *                    it is skipped, not sent
     */
    /**
     * The announcement DMs already sent to this person that they have not acknowledged, newest first, as sent:
     * the console shows them when the person opens the chat, since they were printed by whichever process sent them.
     */
    public java.util.List<java.util.List<io.policybot.chat.Block>> unacknowledgedDms(String platform,
                                                                                           String userId) {
        return outbox.sentUnacknowledged(platform, userId).stream().map(messages::render)
                .flatMap(java.util.Optional::stream).map(AnnouncementMessages.Rendered::blocks).toList();
    }

    OutboxDispatcher(AnnouncementOutbox outbox, AnnouncementMessages messages, Map<String, ChatGateway> gateways,
                     AnnouncementSettings settings, Clock clock, Sleeper sleeper, Predicate<OutboxMessage> stillWanted,
                     AttemptListener attempts) {
        this.attempts = attempts;
        this.outbox = outbox;
        this.messages = messages;
        this.gateways = Map.copyOf(gateways);
        this.settings = settings;
        this.clock = clock;
        this.sleeper = sleeper;
        this.stillWanted = stillWanted;
        gateways.keySet().forEach(p -> pacers.put(p, new Pacer(settings.rate(p), clock, sleeper)));
    }

    public java.util.Set<String> platforms() {
        return pacers.keySet();
    }

    /** Makes messages left in flight by a crashed process pending again; call once at start, before dispatching. */
    public int resumeInFlight() {
        int n = outbox.resumeInFlight(clock.instant());
        if (n > 0) {
            log.info("{} outbox messages were in flight when the bot stopped; sending them again with their keys", n);
        }
        return n;
    }

    /** Sends the platform's messages that are due now, until none is; returns how many were handled. */
    public int dispatchDue(String platform) throws InterruptedException {
        ChatGateway gateway = gateways.get(platform);
        Pacer pacer = pacers.get(platform);
        if (gateway == null) {
            return 0;
        }
        int batch = (int) Math.max(1, Math.min(100, Math.ceil(settings.rate(platform))));
        int handled = 0;
        while (true) {
            List<OutboxMessage> due = outbox.claim(platform, clock.instant(), batch);
            if (due.isEmpty()) {
                return handled;
            }
            for (int i = 0; i < due.size(); i++) {
                try {
                    deliver(gateway, pacer, due.get(i));
                    handled++;
                } catch (InterruptedException e) {
                    // Stopped while waiting for the pace, before sending: what was claimed and not sent goes back.
                    for (OutboxMessage m : due.subList(i, due.size())) {
                        outbox.markRetry(m.key(), m.attempts(), m.nextAttemptAt(), m.lastError(), clock.instant());
                    }
                    throw e;
                }
            }
        }
    }

    /** Sends everything pending on every platform, waiting (through the sleeper) for retries due later. */
    public int drain() throws InterruptedException {
        int handled = 0;
        for (String platform : pacers.keySet()) {
            while (true) {
                handled += dispatchDue(platform);
                Optional<Instant> next = outbox.nextDue(platform);
                if (next.isEmpty()) {
                    break;
                }
                Duration wait = Duration.between(clock.instant(), next.get());
                if (!wait.isNegative() && !wait.isZero()) {
                    sleeper.sleep(wait);
                }
            }
        }
        return handled;
    }

    private void deliver(ChatGateway gateway, Pacer pacer, OutboxMessage m) throws InterruptedException {
        Optional<AnnouncementMessages.Rendered> rendered = messages.render(m);
        if (rendered.isEmpty()) {
            outbox.markFailed(m.key(), m.attempts(), "the announcement no longer exists", clock.instant());
            return;
        }
        if (!stillWanted.test(m)) {
            outbox.markSkipped(m.key(), "no longer due", clock.instant());
            return;
        }
        pacer.acquire();
        DeliveryResult result;
        try {
            result = m.kind() == OutboxMessage.Kind.CHANNEL
                    ? gateway.sendToChannel(Reply.ChannelRole.ANNOUNCEMENTS, rendered.get().blocks(),
                            rendered.get().fallback(), m.key())
                    : gateway.sendDirect(m.recipient(), rendered.get().blocks(), rendered.get().fallback(), m.key());
        } catch (RuntimeException e) {
            log.warn("{} gateway threw on an outbox message: {}", m.platform(), e.toString());
            result = new DeliveryResult.RetryLater(Duration.ZERO, e.getClass().getSimpleName());
        }
        record(pacer, m, result);
    }

    private void record(Pacer pacer, OutboxMessage m, DeliveryResult result) {
        int attempts = m.attempts() + 1;
        Instant now = clock.instant();
        switch (result) {
            case DeliveryResult.Sent s -> {
                outbox.markSent(m.key(), s.messageRef(), attempts, now);
                this.attempts.attempted(m.platform(), attempts, Outcome.SENT);
            }
            case DeliveryResult.Failed f -> {
                outbox.markFailed(m.key(), attempts, f.reason(), now);
                this.attempts.attempted(m.platform(), attempts, Outcome.FAILED);
            }
            case DeliveryResult.RetryLater r -> {
                if (attempts >= settings.maxAttempts()) {
                    outbox.markFailed(m.key(), attempts, "gave up after " + attempts + " attempts: " + r.reason(), now);
                    this.attempts.attempted(m.platform(), attempts, Outcome.FAILED);
                    return;
                }
                this.attempts.attempted(m.platform(), attempts, Outcome.RETRY);
                boolean told = r.after() != null && r.after().isPositive();
                Duration wait = told ? r.after() : settings.backoff(attempts);
                if (told) {
                    pacer.pauseUntil(now.plus(r.after())); // a rate limit holds for the whole platform
                }
                outbox.markRetry(m.key(), attempts, now.plus(wait), r.reason(), now);
            }
        }
    }
}
