package io.policybot.store;

import io.policybot.announcements.AnnouncementStoresContract;
import io.policybot.audit.AuditLogContract;
import io.policybot.dedupe.EventDedupeContract;
import io.policybot.dedupe.RunOnceContract;
import io.policybot.people.PersonRepositoryContract;
import io.policybot.people.PersonalDataContract;
import io.policybot.people.RosterRepositoryContract;
import io.policybot.questions.QuestionLogRepositoryContract;
import io.policybot.reports.ReportRepositoryContract;
import io.policybot.signin.ConsoleSessionsContract;
import io.policybot.training.TrainingRepositoryContract;
import io.policybot.versions.PolicyVersionStoreContract;
import io.policybot.testing.TestStore;
import org.junit.jupiter.api.Nested;

/**
 * Every repository contract, once: a runner for one database extends this and says how to make a fresh store
 * ({@code SqliteStoreContractsTest}, {@code PostgresStoreContractsTest}). A new contract suite is one more nested
 * class here, and so runs on every database.
 */
abstract class StoreContracts {
    /** A new, empty database for one test. */
    abstract TestStore store();

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
    class PersonalRecords extends PersonalDataContract {
        @Override
        protected TestStore newStore() {
            return store();
        }
    }

    @Nested
    class ScheduledRuns extends RunOnceContract {
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
