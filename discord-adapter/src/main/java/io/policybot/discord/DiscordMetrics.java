package io.policybot.discord;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.policybot.chat.AnswerPool;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * What the Discord adapter counts: what became of each event (queued, told busy), how many wait, and every REST
 * call to Discord by route and outcome, with its latency. Routes have their ids and tokens replaced
 * ({@code PATCH webhooks/{id}/{token}/messages/@original}), so the number of series stays small.
 */
final class DiscordMetrics {
    private static final Pattern ID = Pattern.compile("^\\d{5,}$");
    private final MeterRegistry registry;

    DiscordMetrics(MeterRegistry registry) {
        this.registry = registry == null ? new CompositeMeterRegistry() : registry;
    }

    void event(String outcome) {
        Counter.builder("policybot.chat.events").description("Inbound events by what became of them")
                .tags("platform", "discord", "outcome", outcome).register(registry).increment();
    }

    void apiCall(String httpMethod, String path, int status, Duration took) {
        String outcome = status < 0 ? "network" : status < 300 ? "ok" : status >= 500 ? "http_5xx" : "http_" + status;
        String method = httpMethod + " " + route(path);
        Counter.builder("policybot.chat.api.calls").description("Chat platform API calls by method and outcome")
                .tags("platform", "discord", "method", method, "outcome", outcome).register(registry).increment();
        Timer.builder("policybot.discord.api.latency").description("Discord REST call latency")
                .tags("method", method).register(registry).record(took);
    }

    /** {@code /api/v10/interactions/123/abc.../callback} -> {@code interactions/{id}/{token}/callback}. */
    static String route(String path) {
        String p = path.replaceFirst("^/api/v\\d+/", "").replaceFirst("^/", "");
        StringBuilder out = new StringBuilder();
        for (String segment : p.split("/")) {
            if (!out.isEmpty()) {
                out.append('/');
            }
            out.append(ID.matcher(segment).matches() ? "{id}" : segment.length() > 32 ? "{token}" : segment);
        }
        return out.length() > 120 ? out.substring(0, 120) : out.toString();
    }

    void watch(AnswerPool pool) {
        Gauge.builder("policybot.chat.event.queue", pool, AnswerPool::pending)
                .description("Events acknowledged and waiting for an answer, or being answered")
                .tags("platform", "discord").register(registry);
        Gauge.builder("policybot.chat.event.queue.capacity", pool, AnswerPool::capacity)
                .description("The most events that may wait; beyond it people are told to retry")
                .tags("platform", "discord").register(registry);
    }
}
