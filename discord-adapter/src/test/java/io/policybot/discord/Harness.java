package io.policybot.discord;

import io.policybot.chat.Block;
import io.policybot.chat.Button;
import io.policybot.chat.ConversationEngine;
import io.policybot.chat.Reply;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** One listener wired to fakes: the JDA mocks, a hand-moved clock and virtual threads, as in production. */
final class Harness implements AutoCloseable {
    static final Instant START = Instant.parse("2026-11-02T09:00:00Z");

    final FakeDiscord discord = new FakeDiscord();
    final MutableClock clock = new MutableClock(START);
    final DiscordConfig config = new DiscordConfig("test-token-not-real", null, FakeDiscord.HR_CHANNEL_ID, null);
    private final io.policybot.chat.AnswerPool pool = new io.policybot.chat.AnswerPool("test-answer", 2, 100, 10);

    DiscordListener listener(ConversationEngine engine) {
        return new DiscordListener(engine, pool, clock, new ReplayGuard(clock, Duration.ofMinutes(20), 1000),
                new LocaleMemory(100), new Responder(clock, config), new DiscordMetrics(null));
    }

    static void await(CompletableFuture<?> future) {
        try {
            future.get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the delivery did not finish", e);
        }
    }

    static Reply reply(Reply.Placement placement, String title, String text) {
        return new Reply(placement, List.of(new Block.Heading(title), new Block.Text(text)), title);
    }

    static Reply quizQuestion(Reply.Placement placement) {
        return new Reply(placement, List.of(
                new Block.Heading("Question 1 of 5"),
                new Block.Text("A journalist messages you on LinkedIn. What do you do?"),
                new Block.Buttons(List.of(
                        new Button("quiz.answer", "Answer them", "q1:a"),
                        new Button("quiz.answer", "Forward to Communications", "q1:b")))),
                "Question 1 of 5");
    }

    @Override
    public void close() {
        pool.close();
    }
}
