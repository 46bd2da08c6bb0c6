package io.policybot.app.discord;

import static io.policybot.app.discord.DiscordWorld.callback;
import static io.policybot.app.discord.DiscordWorld.editOriginal;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.policybot.discord.testing.FakeDiscordServer;
import io.policybot.discord.testing.FakeDiscordServer.Interaction;
import io.policybot.discord.testing.FakeDiscordServer.Request;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Discord load figure (a benchmark, not part of {@code ./verify}): slash commands at a steady rate for a while
 * through the real JDA and the real engine against the fake Discord on loopback, and how long each took to be
 * acknowledged (Discord allows 3 s) and answered. Run it with
 * <pre>./mvnw -o -q -B -pl app -am test -Dtest=DiscordLoadBench -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dpolicybot.discord.load=true [-Dpolicybot.discord.rate=100 -Dpolicybot.discord.seconds=30]</pre>
 * (with {@code source scripts/find-jdk.sh} first). It prints one line of figures.
 */
@EnabledIfSystemProperty(named = "policybot.discord.load", matches = "true")
class DiscordLoadBench {
    private static final List<String> QUESTIONS = List.of(
            "Can I mention my employer on LinkedIn?", "can I post photos of colleagues?",
            "a journalist messaged me, what do I do?", "who approves posts on the company account?",
            "what is the cafeteria menu on Friday?");

    @Test
    void interactionsAtASteadyRate(@TempDir Path tmp) throws Exception {
        int rate = Integer.getInteger("policybot.discord.rate", 100);
        int seconds = Integer.getInteger("policybot.discord.seconds", 30);
        int total = rate * seconds;
        try (DiscordWorld world = new DiscordWorld(tmp, null, 41_250)) {
            FakeDiscordServer discord = world.discord;
            List<String> users = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                String id = String.valueOf(1500000000000001000L + i);
                discord.addUser(id, "user" + i, "User " + i, false, FakeDiscordServer.STAFF_ROLE);
                users.add(id);
            }
            // Warm-up: one of each, then the measured run.
            for (String sub : List.of("ask", "status", "help")) {
                int since = world.mark();
                Interaction i = discord.slash(users.get(0), true, sub, sub.equals("ask")
                        ? Map.of("question", QUESTIONS.get(0)) : Map.of());
                world.calls(since, i, editOriginal(), 1);
            }
            int start = world.mark();
            List<Interaction> sent = new CopyOnWriteArrayList<>();
            AtomicInteger n = new AtomicInteger();
            ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
            Instant began = Instant.now();
            ticker.scheduleAtFixedRate(() -> {
                int k = n.getAndIncrement();
                if (k >= total) {
                    return;
                }
                String user = users.get(k % users.size());
                String sub = k % 10 < 8 ? "ask" : (k % 10 == 8 ? "status" : "help");
                sent.add(discord.slash(user, true, sub,
                        sub.equals("ask") ? Map.of("question", QUESTIONS.get(k % QUESTIONS.size())) : Map.of()));
            }, 0, 1_000_000 / rate, TimeUnit.MICROSECONDS);
            discord.await(start, callback(), total, Duration.ofSeconds(seconds + 60));
            Duration sending = Duration.between(began, Instant.now());
            ticker.shutdownNow();
            try {
                discord.await(start, editOriginal(), total, Duration.ofSeconds(Integer.getInteger(
                        "policybot.discord.answerWait", 300)));
            } catch (AssertionError e) {
                System.out.println("discord load: not every answer arrived in time");
            }

            Map<String, Instant> acked = new HashMap<>();
            Map<String, Instant> answered = new HashMap<>();
            int refused = 0;
            for (Request r : discord.requestsSince(start)) {
                String[] p = r.path().split("/");
                if (callback().test(r)) {
                    if (r.status() < 300) {
                        acked.putIfAbsent(p[1], r.at());
                    } else {
                        refused++;
                    }
                } else if (editOriginal().test(r)) {
                    answered.putIfAbsent(p[2], r.at());
                }
            }
            List<Long> ack = new ArrayList<>();
            List<Long> answer = new ArrayList<>();
            int late = 0;
            for (Interaction i : sent) {
                Instant a = acked.get(i.id());
                if (a == null) {
                    late++;
                    continue;
                }
                long ms = Duration.between(i.dispatchedAt(), a).toMillis();
                ack.add(ms);
                if (ms >= 3000) {
                    late++;
                }
                Instant done = answered.get(i.token());
                if (done != null) {
                    answer.add(Duration.between(i.dispatchedAt(), done).toMillis());
                }
            }
            ack.sort(null);
            answer.sort(null);
            System.out.printf("discord load: %d interactions in %.1f s (%.0f/s): acknowledged %d, within 3 s %d, "
                            + "refused %d; ack p50 %d ms, p99 %d ms, max %d ms; answer p50 %d ms, p99 %d ms, max %d ms%n",
                    sent.size(), sending.toMillis() / 1000.0, sent.size() * 1000.0 / sending.toMillis(), ack.size(),
                    sent.size() - late, refused, pct(ack, 50), pct(ack, 99), pct(ack, 100), pct(answer, 50),
                    pct(answer, 99), pct(answer, 100));
            assertEquals(0, late, "every interaction acknowledged within Discord's 3 s");
        }
    }

    private static long pct(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return -1;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
