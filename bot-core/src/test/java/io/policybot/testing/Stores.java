package io.policybot.testing;

import io.policybot.announcements.AcknowledgementRepository;
import io.policybot.announcements.AnnouncementOutbox;
import io.policybot.announcements.AnnouncementStore;
import io.policybot.announcements.sql.SqlAcknowledgementRepository;
import io.policybot.announcements.sql.SqlAnnouncementOutbox;
import io.policybot.announcements.sql.SqlAnnouncementStore;
import io.policybot.audit.AuditLog;
import io.policybot.audit.sql.SqlAuditLog;
import io.policybot.people.PersonRepository;
import io.policybot.people.RosterRepository;
import io.policybot.people.sql.SqlPersonRepository;
import io.policybot.people.sql.SqlRosterRepository;
import io.policybot.questions.QuestionLogRepository;
import io.policybot.questions.sql.SqlQuestionLogRepository;
import io.policybot.reports.ReportRepository;
import io.policybot.reports.sql.SqlReportRepository;
import io.policybot.store.Database;
import io.policybot.store.Transactions;
import io.policybot.training.TrainingRepository;
import io.policybot.training.sql.SqlTrainingRepository;
import io.policybot.versions.PolicyVersionStore;
import io.policybot.versions.sql.SqlPolicyVersionStore;
import java.time.Duration;

/** Every store port, as the contract suites see them: interfaces only. */
public record Stores(PersonRepository people, RosterRepository roster, TrainingRepository training,
                     QuestionLogRepository questions, ReportRepository reports, AuditLog audit,
                     PolicyVersionStore versions, AnnouncementStore announcements, AnnouncementOutbox outbox,
                     AcknowledgementRepository acknowledgements, Transactions transactions,
                     io.policybot.people.PersonalData personalData, io.policybot.dedupe.RunOnce runOnce,
                     io.policybot.signin.SignInLinkStore signInLinks) {

    /** The SQL implementations on one database (SQLite or PostgreSQL: the dialect comes with it). */
    public static Stores sql(Database db) {
        return sql(db, SqlAnnouncementOutbox.DEFAULT_LEASE);
    }

    /** {@link #sql(Database)} with the outbox's claim lease. */
    public static Stores sql(Database db, Duration outboxLease) {
        return new Stores(new SqlPersonRepository(db), new SqlRosterRepository(db), new SqlTrainingRepository(db),
                new SqlQuestionLogRepository(db), new SqlReportRepository(db), new SqlAuditLog(db),
                new SqlPolicyVersionStore(db), new SqlAnnouncementStore(db), new SqlAnnouncementOutbox(db, outboxLease),
                new SqlAcknowledgementRepository(db), db, new io.policybot.people.sql.SqlPersonalData(db),
                new io.policybot.dedupe.sql.SqlRunOnce(db), new io.policybot.signin.sql.SqlSignInLinkStore(db));
    }
}
