package io.policybot.store;

import io.policybot.announcements.AnnouncementStoresContract;
import io.policybot.audit.AuditLogContract;
import io.policybot.dedupe.EventDedupeContract;
import io.policybot.people.PersonRepositoryContract;
import io.policybot.people.RosterRepositoryContract;
import io.policybot.questions.QuestionLogRepositoryContract;
import io.policybot.reports.ReportRepositoryContract;
import io.policybot.signin.ConsoleSessionsContract;
import io.policybot.testing.PostgresTestDatabase;
import io.policybot.testing.TestStore;
import io.policybot.training.TrainingRepositoryContract;
import io.policybot.versions.PolicyVersionStoreContract;
import org.junit.jupiter.api.Nested;

/** Every repository contract on a real PostgreSQL 17 (embedded, started once per JVM): a fresh database per test. */
class PostgresStoreContractsTest {
    static TestStore store() {
        return new PostgresTestDatabase();
    }

    @Nested
    class People extends PersonRepositoryContract {
        @Override
        protected TestStore newStore() {
            return store();
        }
    }

    @Nested
    class Training extends TrainingRepositoryContract {
        @Override
        protected TestStore newStore() {
            return store();
        }
    }

    @Nested
    class Questions extends QuestionLogRepositoryContract {
        @Override
        protected TestStore newStore() {
            return store();
        }
    }

    @Nested
    class Audit extends AuditLogContract {
        @Override
        protected TestStore newStore() {
            return store();
        }
    }

    @Nested
    class Versions extends PolicyVersionStoreContract {
        @Override
        protected TestStore newStore() {
            return store();
        }
    }

    @Nested
    class Announcements extends AnnouncementStoresContract {
        @Override
        protected TestStore newStore() {
            return store();
        }
    }

    @Nested
    class Roster extends RosterRepositoryContract {
        @Override
        protected TestStore newStore() {
            return store();
        }
    }

    @Nested
    class Reports extends ReportRepositoryContract {
        @Override
        protected TestStore newStore() {
            return store();
        }
    }

    @Nested
    class Dedupe extends EventDedupeContract {
        @Override
        protected TestStore newStore() {
            return store();
        }
    }

    @Nested
    class ConsoleSessions extends ConsoleSessionsContract {
        @Override
        protected TestStore newStore() {
            return store();
        }
    }
}
