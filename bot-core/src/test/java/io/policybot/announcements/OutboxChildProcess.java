package io.policybot.announcements;

import java.util.List;
import java.util.Set;
import io.policybot.chat.Actor;
import io.policybot.chat.ChatGateway;
import io.policybot.chat.Reply;
import io.policybot.store.Database;
import io.policybot.testing.TestServices;
import io.policybot.testing.TrainingDriver;
import io.policybot.wiring.Services;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The bot process the crash tests kill ({@link ChildProcesses}): drains the outbox of the database given as first
 * argument through a {@link FileGateway} on the file given as second, at 500 messages a second of real time.
 * With a third argument {@code WORKLOG:SLOT:SLOTS:COUNT} it also does what people do meanwhile: the first COUNT people
 * whose number modulo SLOTS is SLOT each acknowledge the announcement and answer the first quiz question, through
 * the services; each one is appended to WORKLOG ("ack U00004", "quiz U00004") only once its write has committed.
 */
public final class OutboxChildProcess {
    private OutboxChildProcess() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        Database db = Database.open(args[0]); // a SQLite file, or a jdbc:postgresql: URL shared with other replicas
        Services services = services(db, Clock.systemUTC(), Sleeper.system());
        Announcements a = deliver(services, Path.of(args[1]));
        a.dispatcher().resumeInFlight();
        out.println("STARTED");
        CompletableFuture<Void> people = args.length > 2
                ? CompletableFuture.runAsync(() -> peopleAtWork(services, args[2].split(":")))
                : CompletableFuture.completedFuture(null);
        a.dispatcher().drain();
        people.get();
        out.println("DONE");
        db.close();
    }

    /** Acknowledgements and quiz answers, as people press the buttons while the announcement goes out. */
    private static void peopleAtWork(Services services, String[] work) {
        Path log = Path.of(work[0]);
        int slot = Integer.parseInt(work[1]);
        int slots = Integer.parseInt(work[2]);
        int count = Integer.parseInt(work[3]);
        AnnouncementService announcing = services.announcements().service();
        String announcement = announcing.status().getFirst().announcement().id();
        TrainingDriver driver = new TrainingDriver(services.training(), services.content().get());
        for (int n = 0; n < count; n++) {
            String user = String.format("U%05d", n * slots + slot);
            Actor actor = new Actor("slack", user, null, null);
            announcing.acknowledge(actor, announcement);
            append(log, "ack " + user);
            List<Reply> question = services.training().startQuiz(actor, TrainingDriver.dm(actor), "en", null);
            driver.press(actor, driver.quizButton(question.getLast(), "en", true), "en");
            append(log, "quiz " + user);
        }
    }

    private static void append(Path log, String line) {
        try {
            Files.writeString(log, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Services services(Database db, Clock clock, Sleeper sleeper) {
        return TestServices.builder(db, Fixtures::v11, clock, 1).sleeper(sleeper)
                .announcing(AnnouncementSettings.defaults().withRate("slack", 500)).platforms(Set.of("slack")).build();
    }

    private static Announcements deliver(Services services, Path sent) {
        Announcements a = services.announcements();
        a.delivery(Map.<String, ChatGateway>of("slack", new FileGateway("slack", sent)));
        return a;
    }

    static Announcements wire(Database db, Path sent, Clock clock, Sleeper sleeper) {
        return deliver(services(db, clock, sleeper), sent);
    }
}
