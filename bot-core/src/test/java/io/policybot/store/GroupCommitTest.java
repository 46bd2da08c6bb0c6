package io.policybot.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.policybot.people.Person;
import io.policybot.testing.TestDatabase;
import io.policybot.training.AnswerOutcome;
import io.policybot.training.Modules;
import io.policybot.training.RecordedAnswer;
import io.policybot.training.SessionStatus;
import io.policybot.training.TrainingSession;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import io.policybot.people.sql.SqlPersonRepository;
import io.policybot.training.sql.SqlTrainingRepository;

/** Writes that queue up are committed together, and each caller still gets its own result or failure. */
class GroupCommitTest {
    private static final Instant T0 = Instant.parse("2026-11-10T09:00:00Z");
    private static final int QUESTIONS = 10;

    @RegisterExtension
    final TestDatabase db = new TestDatabase();

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void manyConcurrentAnswersAreEachRecordedExactlyOnce() throws Exception {
        int sessions = 50;
        SqlTrainingRepository training = new SqlTrainingRepository(db.database());
        List<String> ids = createSessions(sessions);
        // Every answer is pressed twice at the same time: exactly one of the two counts.
        List<Callable<AnswerOutcome>> presses = new ArrayList<>();
        for (String id : ids) {
            for (int i = 0; i < QUESTIONS; i++) {
                RecordedAnswer a = new RecordedAnswer(id, i, "q" + i, i % 4, i % 3 != 0, T0);
                presses.add(() -> training.recordAnswer(a, "{}", null, T0));
                presses.add(() -> training.recordAnswer(a, "{}", null, T0));
            }
        }
        Database.WriteStats before = db.database().writeStats();
        int recorded = 0;
        int refused = 0;
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Future<AnswerOutcome> f : pool.invokeAll(presses)) {
                switch (f.get()) {
                    case RECORDED -> recorded++;
                    case ALREADY_ANSWERED -> refused++;
                    case SESSION_NOT_ACTIVE -> throw new AssertionError("session not active");
                }
            }
        }
        assertEquals(sessions * QUESTIONS, recorded);
        assertEquals(sessions * QUESTIONS, refused);
        for (String id : ids) {
            List<RecordedAnswer> answers = training.answers(id);
            assertEquals(QUESTIONS, answers.size(), id);
            for (int i = 0; i < QUESTIONS; i++) {
                assertEquals(i, answers.get(i).index());
            }
        }
        assertEquals(sessions * QUESTIONS, count("SELECT COUNT(*) FROM training_answer"));
        Database.WriteStats after = db.database().writeStats();
        assertEquals(presses.size(), after.writes() - before.writes());
        assertTrue(after.commits() - before.commits() <= after.writes() - before.writes());
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aFailingWriteFailsOnlyItsOwnCallerInABatch() throws Exception {
        Database database = db.database();
        SqlTrainingRepository training = new SqlTrainingRepository(database);
        String session = createSessions(1).getFirst();
        assertEquals(AnswerOutcome.RECORDED,
                training.recordAnswer(new RecordedAnswer(session, 0, "q0", 1, true, T0), "{}", null, T0));

        // Hold the write lock so that the writes below queue up, then let them go as one batch.
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<Object> holder = pool.submit(() -> database.inTransaction(c -> {
                holding.countDown();
                await(release);
                return null;
            }));
            holding.await();
            Database.WriteStats before = database.writeStats();

            List<Future<AnswerOutcome>> good = new ArrayList<>();
            for (int i = 1; i < QUESTIONS; i++) {
                RecordedAnswer a = new RecordedAnswer(session, i, "q" + i, 0, i % 2 == 0, T0);
                good.add(pool.submit(() -> training.recordAnswer(a, "{}", null, T0)));
            }
            // A replayed answer: the repository says so, no failure.
            Future<AnswerOutcome> replay = pool.submit(() -> training.recordAnswer(
                    new RecordedAnswer(session, 0, "q0", 3, false, T0), "{}", null, T0));
            // A write that breaks a UNIQUE constraint after writing something: only it fails, and what it wrote
            // before failing is undone.
            Future<Integer> duplicate = pool.submit(() -> database.inTransaction(c -> {
                insertPerson(c, "p-dup-1", "U-dup-1");
                return insertPerson(c, "p-dup-2", "U1"); // U1 exists
            }));
            IllegalStateException boom = new IllegalStateException("boom");
            Future<Integer> throwing = pool.submit(() -> database.inTransaction(c -> {
                insertPerson(c, "p-boom", "U-boom");
                throw boom;
            }));
            Future<Integer> person = pool.submit(() -> database.inTransaction(c -> insertPerson(c, "p-ok", "U-ok")));
            int queued = good.size() + 4;
            while (database.queuedWrites() < queued) {
                Thread.onSpinWait();
            }
            release.countDown();
            holder.get();

            for (Future<AnswerOutcome> f : good) {
                assertEquals(AnswerOutcome.RECORDED, f.get());
            }
            assertEquals(AnswerOutcome.ALREADY_ANSWERED, replay.get());
            ExecutionException failed = assertThrows(ExecutionException.class, duplicate::get);
            assertTrue(failed.getCause() instanceof StoreException, failed.getCause().toString());
            assertTrue(failed.getCause().getMessage().contains("UNIQUE"), failed.getCause().getMessage());
            assertSame(boom, assertThrows(ExecutionException.class, throwing::get).getCause());
            assertEquals(1, person.get());

            Database.WriteStats after = database.writeStats();
            // The holder's commit, then one commit for everything that queued behind it.
            assertEquals(2, after.commits() - before.commits());
            assertEquals(1 + queued - 2, after.writes() - before.writes());
        }
        assertEquals(QUESTIONS, training.answers(session).size());
        assertEquals(1, training.answers(session).getFirst().choice());
        assertEquals(0, count("SELECT COUNT(*) FROM person WHERE id IN ('p-dup-1', 'p-dup-2', 'p-boom')"));
        assertEquals(1, count("SELECT COUNT(*) FROM person WHERE id = 'p-ok'"));
    }

    @Test
    void aFailingWriteAloneLeavesNothingAndTheNextOneCommits() {
        Database database = db.database();
        assertThrows(StoreException.class, () -> database.inTransaction(c -> {
            insertPerson(c, "p1", "U1");
            return insertPerson(c, "p2", "U1");
        }));
        assertEquals(0, count("SELECT COUNT(*) FROM person"));
        assertEquals(1, (int) database.inTransaction(c -> insertPerson(c, "p1", "U1")));
        assertEquals(1, count("SELECT COUNT(*) FROM person"));
    }

    private List<String> createSessions(int n) {
        SqlPersonRepository people = new SqlPersonRepository(db.database());
        SqlTrainingRepository training = new SqlTrainingRepository(db.database());
        List<String> ids = new ArrayList<>();
        for (int u = 0; u < n; u++) {
            Person p = people.findOrCreate("slack", "U" + (u + 1), "Person " + u, T0);
            String id = "s" + u;
            assertTrue(training.create(new TrainingSession(id, p.id(), Modules.QUIZ, "social-media", "1.0", "en",
                    SessionStatus.ACTIVE, "{}", T0, T0)));
            ids.add(id);
        }
        return ids;
    }

    private static int insertPerson(java.sql.Connection c, String id, String userId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO person (id, platform, platform_user_id, "
                + "display_name, first_seen_at) VALUES (?, 'slack', ?, 'X', 0)")) {
            ps.setString(1, id);
            ps.setString(2, userId);
            return ps.executeUpdate();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private int count(String sql) {
        return db.database().read(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }
}
