package io.policybot.slack.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.policybot.chat.AnswerPool;

import java.time.Duration;

/**
 * What the Slack adapter counts, for an operator's graphs: how fast Slack's requests are acknowledged, what became of
 * each event (queued, told busy, dropped), how many wait, and every Web API call by method and outcome. Names are
 * Micrometer's dotted ones; Prometheus shows {@code policybot_slack_ack_seconds} and so on.
 */
public final class SlackMetrics {
    private final MeterRegistry registry;
    private final Timer ack;

    public SlackMetrics(MeterRegistry registry) {
        this.registry = registry == null ? new CompositeMeterRegistry() : registry;
        this.ack = Timer.builder("policybot.slack.ack")
                .description("Time from a Slack request's arrival to its HTTP response (Slack allows 3 s)")
                .publishPercentileHistogram()
                .serviceLevelObjectives(Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofSeconds(3))
                .register(this.registry);
    }

    /** No meters anywhere (tests, benches that do not look). */
    public static SlackMetrics none() {
        return new SlackMetrics(null);
    }

    public void ack(Duration took) {
        ack.record(took);
    }

    /** @param outcome queued (will be answered), busy (the person was told to retry), dropped (not even that) */
    public void event(String outcome) {
        Counter.builder("policybot.chat.events").description("Inbound events by what became of them")
                .tags("platform", "slack", "outcome", outcome).register(registry).increment();
    }

    /** @param outcome "ok", Slack's error code, "http_429", "http_5xx" or "network" */
    public void apiCall(String method, String outcome) {
        Counter.builder("policybot.chat.api.calls").description("Chat platform API calls by method and outcome")
                .tags("platform", "slack", "method", method, "outcome", outcome).register(registry).increment();
    }

    public void watch(AnswerPool pool) {
        Gauge.builder("policybot.chat.event.queue", pool, AnswerPool::pending)
                .description("Events acknowledged and waiting for an answer, or being answered")
                .tags("platform", "slack").register(registry);
        Gauge.builder("policybot.chat.event.queue.capacity", pool, AnswerPool::capacity)
                .description("The most events that may wait; beyond it people are told to retry")
                .tags("platform", "slack").register(registry);
    }
}
