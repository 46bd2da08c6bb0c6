package io.policybot.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.policybot.chat.Actor;
import io.policybot.chat.Reply;
import io.policybot.people.Person;
import io.policybot.store.Database;
import io.policybot.people.sql.SqlPersonRepository;
import io.policybot.training.sql.SqlTrainingRepository;
import io.policybot.testing.Replies;
import io.policybot.testing.TestClock;
import io.policybot.testing.TestContent;
import io.policybot.testing.TestDatabase;
import io.policybot.testing.TestServices;
import io.policybot.testing.TrainingDriver;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Many people training at once on one SQLite file: no failure reaches anyone, and every result is kept. */
class ConcurrencyTest {
    private static final int USERS = 200;

    @RegisterExtension
    final TestDatabase db = new TestDatabase();
    private final TestClock clock = TestClock.at("2026-11-10T09:00:00Z");

    /** User {@code u} answers question {@code i} right unless (u + i) is a multiple of 4. */
    private static boolean right(int u, int i) {
        return (u + i) % 4 != 0;
    }

    private static int expectedCorrect(int u) {
        int n = 0;
        for (int i = 0; i < 10; i++) {
            n += right(u, i) ? 1 : 0;
        }
        return n;
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void twoHundredPeopleTakeTheQuizAtOnce() throws Exception {
        TrainingService service = TestServices.training(db.database(), clock, 42);
        runQuizzes(List.of(service), USERS);
        assertAllRecorded(db.database(), USERS);
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void twoDatabaseHandlesOnOneFileWaitForEachOther() throws Exception {
        // Two handles have two write locks, so SQLite's own file lock and the busy timeout decide, as between
        // two processes. Nobody may see SQLITE_BUSY.
        try (Database second = Database.sqlite(db.file())) {
            runQuizzes(List.of(TestServices.training(db.database(), clock, 1), TestServices.training(second, clock, 2)), 60);
        }
        assertAllRecorded(db.database(), 60);
    }

    private void runQuizzes(List<TrainingService> services, int users) throws Exception {
        List<Callable<List<Reply>>> people = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            int user = u;
            TrainingService service = services.get(u % services.size());
            TrainingDriver driver = new TrainingDriver(service, TestContent.bundled());
            Actor actor = new Actor("slack", "U" + u, "Person " + u, null);
            people.add(() -> {
                List<Reply> done = driver.playQuiz(actor, "en", i -> right(user, i));
                service.status(actor, "en"); // reads alongside the writes
                return done;
            });
        }
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Future<List<Reply>> f : pool.invokeAll(people)) {
                List<Reply> last = f.get(); // rethrows whatever a person's thread hit
                assertTrue(Replies.text(last.get(1)).startsWith("Quiz finished:"), Replies.text(last));
            }
        }
    }

    private static void assertAllRecorded(Database database, int users) {
        SqlPersonRepository people = new SqlPersonRepository(database);
        SqlTrainingRepository training = new SqlTrainingRepository(database);
        assertEquals(users, people.all().size());
        assertEquals(users, training.completionsOfPolicy("social-media").size());
        for (int u = 0; u < users; u++) {
            Person p = people.find("slack", "U" + u).orElseThrow();
            List<Completion> done = training.completions(p.id());
            assertEquals(1, done.size());
            assertEquals(expectedCorrect(u), done.getFirst().correct(), "user " + u);
            assertEquals(10, training.answers(done.getFirst().sessionId()).size());
        }
    }
}
