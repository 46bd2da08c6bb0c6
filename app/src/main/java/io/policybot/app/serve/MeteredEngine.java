package io.policybot.app.serve;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.policybot.chat.Actor;
import io.policybot.chat.Block;
import io.policybot.chat.ConversationEngine;
import io.policybot.chat.Inbound;
import io.policybot.chat.Reply;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.slf4j.MDC;

/**
 * The engine as the adapters see it in {@code serve}: every call timed (the answer latency histogram, by platform and
 * kind of inbound), and the event's id and platform put in the log context while it runs, so every log line about
 * one event can be found by its id (never the person's text).
 */
public final class MeteredEngine implements ConversationEngine {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(MeteredEngine.class);
    private final ConversationEngine engine;
    private final MeterRegistry registry;

    public MeteredEngine(ConversationEngine engine, MeterRegistry registry) {
        this.engine = engine;
        this.registry = registry;
    }

    @Override
    public List<Reply> handle(Inbound inbound) {
        String kind = switch (inbound) {
            case Inbound.Message m -> m.kind().name().toLowerCase(Locale.ROOT);
            case Inbound.ButtonPress b -> "button";
        };
        String platform = inbound.actor().platform();
        String deliveryId = switch (inbound) {
            case Inbound.Message m -> m.deliveryId();
            case Inbound.ButtonPress b -> b.deliveryId();
        };
        long t0 = System.nanoTime();
        try (var e = MDC.putCloseable(LogContext.EVENT, deliveryId == null ? "-" : deliveryId);
             var p = MDC.putCloseable(LogContext.PLATFORM, platform)) {
            List<Reply> replies = engine.handle(inbound);
            // One line per event at INFO (a service's JSON log): what kind, how long, how many replies; never the text.
            log.info("handled a {} in {} ms: {} replies", kind, (System.nanoTime() - t0) / 1_000_000, replies.size());
            return replies;
        } finally {
            Timer.builder("policybot.engine.handle")
                    .description("Time the engine takes for one inbound (a question's answer, a button press)")
                    .tags("platform", platform, "kind", kind)
                    .publishPercentileHistogram()
                    .maximumExpectedValue(Duration.ofSeconds(10))
                    .register(registry).record(Duration.ofNanos(System.nanoTime() - t0));
        }
    }

    @Override
    public List<Block> home(Actor actor) {
        return engine.home(actor);
    }
}
