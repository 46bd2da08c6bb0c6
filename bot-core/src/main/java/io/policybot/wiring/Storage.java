package io.policybot.wiring;

import io.policybot.announcements.AcknowledgementRepository;
import io.policybot.announcements.AnnouncementOutbox;
import io.policybot.announcements.AnnouncementStore;
import io.policybot.announcements.sql.SqlAcknowledgementRepository;
import io.policybot.announcements.sql.SqlAnnouncementOutbox;
import io.policybot.announcements.sql.SqlAnnouncementStore;
import io.policybot.audit.AuditLog;
import io.policybot.audit.sql.SqlAuditLog;
import io.policybot.dedupe.EventDedupe;
import io.policybot.dedupe.RunOnce;
import io.policybot.dedupe.sql.SqlEventDedupe;
import io.policybot.dedupe.sql.SqlRunOnce;
import io.policybot.people.PersonRepository;
import io.policybot.people.PersonalData;
import io.policybot.people.RosterRepository;
import io.policybot.people.sql.SqlPersonRepository;
import io.policybot.people.sql.SqlPersonalData;
import io.policybot.people.sql.SqlRosterRepository;
import io.policybot.questions.QuestionLogRepository;
import io.policybot.questions.sql.SqlQuestionLogRepository;
import io.policybot.reports.ReportRepository;
import io.policybot.reports.sql.SqlReportRepository;
import io.policybot.signin.ConsoleSessionStore;
import io.policybot.signin.OidcLoginStore;
import io.policybot.signin.SignInLinkStore;
import io.policybot.signin.sql.SqlConsoleSessionStore;
import io.policybot.signin.sql.SqlOidcLoginStore;
import io.policybot.signin.sql.SqlSignInLinkStore;
import io.policybot.store.Database;
import io.policybot.training.TrainingRepository;
import io.policybot.training.sql.SqlTrainingRepository;
import io.policybot.versions.PolicyVersionStore;
import io.policybot.versions.sql.SqlPolicyVersionStore;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The database and every capability's store on it, seen through the capabilities' interfaces: the one place that
 * names the SQL implementations. Building it does no I/O beyond opening the database.
 */
public final class Storage implements AutoCloseable {
    private final Database database;
    private final PersonRepository people;
    private final RosterRepository roster;
    private final TrainingRepository training;
    private final QuestionLogRepository questions;
    private final ReportRepository reports;
    private final AuditLog audit;
    private final PolicyVersionStore versions;
    private final AnnouncementStore announcements;
    private final AnnouncementOutbox outbox;
    private final AcknowledgementRepository acknowledgements;
    private final EventDedupe deliveries;
    private final SignInLinkStore signInLinks;
    private final PersonalData personalData;
    private final RunOnce runOnce;
    private final ConsoleSessionStore consoleSessions;
    private final OidcLoginStore oidcLogins;

    private Storage(Database database) {
        this.database = database;
        this.people = new SqlPersonRepository(database);
        this.roster = new SqlRosterRepository(database);
        this.training = new SqlTrainingRepository(database);
        this.questions = new SqlQuestionLogRepository(database);
        this.reports = new SqlReportRepository(database);
        this.audit = new SqlAuditLog(database);
        this.versions = new SqlPolicyVersionStore(database);
        this.announcements = new SqlAnnouncementStore(database);
        this.outbox = new SqlAnnouncementOutbox(database);
        this.acknowledgements = new SqlAcknowledgementRepository(database);
        // Longer than any platform retries a delivery (Slack: minutes); shared by every replica on the database.
        this.deliveries = new SqlEventDedupe(database, Duration.ofMinutes(30));
        this.signInLinks = new SqlSignInLinkStore(database);
        this.personalData = new SqlPersonalData(database);
        this.runOnce = new SqlRunOnce(database);
        this.consoleSessions = new SqlConsoleSessionStore(database);
        this.oidcLogins = new SqlOidcLoginStore(database);
    }

    /**
     * Opens the database a URL names ({@code jdbc:postgresql://...}, {@code jdbc:sqlite:FILE} or a file path), and
     * brings its schema up to date; see {@link Database#open}.
     */
    public static Storage open(String url) {
        return new Storage(Database.open(url));
    }

    /**
     * The database the deployment names ({@code DATABASE_URL}, or {@code database.url} in the config file), else
     * the embedded SQLite file {@code defaultFile}.
     */
    public static Storage open(String urlOrBlank, Path defaultFile) {
        return urlOrBlank == null || urlOrBlank.isBlank() ? sqlite(defaultFile) : open(urlOrBlank.strip());
    }

    /** Opens (creating it if needed, and bringing its schema up to date) the SQLite database in {@code file}. */
    public static Storage sqlite(Path file) {
        return new Storage(Database.sqlite(file));
    }

    /** The stores on a database already open (tests, benchmarks); closing this closes it. */
    public static Storage on(Database database) {
        return new Storage(database);
    }

    public Database database() {
        return database;
    }

    public PersonRepository people() {
        return people;
    }

    public RosterRepository roster() {
        return roster;
    }

    public TrainingRepository training() {
        return training;
    }

    public QuestionLogRepository questions() {
        return questions;
    }

    public ReportRepository reports() {
        return reports;
    }

    public AuditLog audit() {
        return audit;
    }

    public PolicyVersionStore versions() {
        return versions;
    }

    public AnnouncementStore announcements() {
        return announcements;
    }

    public AnnouncementOutbox outbox() {
        return outbox;
    }

    public AcknowledgementRepository acknowledgements() {
        return acknowledgements;
    }

    /** Deliveries already handled, shared through the database (a retry reaching another replica is seen there). */
    public EventDedupe deliveries() {
        return deliveries;
    }

    /** The web console's one-time sign-in links (hashed). */
    public SignInLinkStore signInLinks() {
        return signInLinks;
    }

    /** Everything held about one person: export and pseudonymisation (data-protection requests). */
    public PersonalData personalData() {
        return personalData;
    }

    /** Scheduled work claimed once per period across the replicas on the database. */
    public RunOnce runOnce() {
        return runOnce;
    }

    /** The web console's sessions, shared by every replica on this database. */
    public ConsoleSessionStore consoleSessions() {
        return consoleSessions;
    }

    /** Single sign-on logins under way (state, nonce, PKCE verifier). */
    public OidcLoginStore oidcLogins() {
        return oidcLogins;
    }

    @Override
    public void close() {
        database.close();
    }
}
