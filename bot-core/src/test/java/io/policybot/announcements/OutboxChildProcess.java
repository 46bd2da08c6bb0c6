package io.policybot.announcements;

import java.util.Set;
import io.policybot.chat.ChatGateway;
import io.policybot.store.Database;
import io.policybot.people.sql.SqlPersonRepository;
import io.policybot.testing.TestClock;
import io.policybot.testing.TestServices;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * The bot process {@link OutboxCrashTest} kills: drains the outbox of the database given as first argument through
 * a {@link FileGateway} on the file given as second, at 500 messages a second of real time.
 */
public final class OutboxChildProcess {
    private OutboxChildProcess() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        Database db = Database.open(args[0]); // a SQLite file, or a jdbc:postgresql: URL shared with other replicas
        Announcements a = wire(db, Path.of(args[1]), Clock.systemUTC(), Sleeper.system());
        a.dispatcher().resumeInFlight();
        out.println("STARTED");
        a.dispatcher().drain();
        out.println("DONE");
        db.close();
    }

    static Announcements wire(Database db, Path sent, Clock clock, Sleeper sleeper) {
        Announcements a = TestServices.builder(db, Fixtures::v11, clock, 1).sleeper(sleeper)
                .announcing(AnnouncementSettings.defaults().withRate("slack", 500)).platforms(Set.of("slack")).build()
                .announcements();
        a.delivery(Map.<String, ChatGateway>of("slack", new FileGateway("slack", sent)));
        return a;
    }
}
