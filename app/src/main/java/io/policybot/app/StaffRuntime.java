package io.policybot.app;

import io.policybot.announcements.AnnouncementCommands;
import io.policybot.audit.AuditEntry;
import io.policybot.audit.AuditLog;
import io.policybot.people.Person;
import io.policybot.people.sql.SqlPersonRepository;
import io.policybot.people.sql.SqlRosterRepository;
import io.policybot.content.ContentLibrary;
import io.policybot.chat.Actor;
import io.policybot.chat.Block;
import io.policybot.chat.ChannelRef;
import io.policybot.chat.Inbound;
import io.policybot.chat.Reply;
import io.policybot.people.Role;
import io.policybot.people.RolesConfig;
import io.policybot.reports.StaffDesk;
import io.policybot.store.Database;
import io.policybot.audit.sql.SqlAuditLog;
import io.policybot.training.TrainingSettings;
import java.time.Clock;
import java.util.List;

/**
 * The staff commands for the command line, without the answering index (no embedding models to load): the data
 * directory's database, the content, the roles configuration. The operator at the terminal ({@code cli:operator})
 * is an admin, since they hold the database file anyway; {@code --as} acts as someone else, with their roles.
 */
final class StaffRuntime implements AutoCloseable {
    static final Actor OPERATOR = new Actor("cli", "operator", "operator", null);
    final Database database;
    final AuditLog audit;
    final StaffDesk desk;
    final Clock clock;

    final SqlPersonRepository people;

    StaffRuntime(AppConfig config, Clock clock) {
        this(config, clock, OPERATOR);
    }

    /**
     * @param as who the staff commands run as: the operator, or (with {@code --as}) someone else; then the audit
     *           log records both, "cli:operator as slack:U123", since the operator is who really ran it
     */
    StaffRuntime(AppConfig config, Clock clock, Actor as) {
        this.clock = clock;
        ContentLibrary library = config.loadContent();
        this.database = Database.sqlite(config.dataDir().resolve("policybot.db"));
        this.audit = new SqlAuditLog(database);
        this.people = new SqlPersonRepository(database);
        AuditLog deskAudit = as.key().equals(OPERATOR.key()) ? audit : impersonated(audit, as);
        RolesConfig roles = rolesConfig(config).with(Role.ADMIN, OPERATOR.key());
        this.desk = StaffDesk.onDatabase(database, () -> library, TrainingSettings.defaults(), roles, deskAudit,
                AnnouncementCommands.none(), clock);
    }

    /** The audit log, with entries by {@code as} recorded as the operator acting as them. */
    static AuditLog impersonated(AuditLog audit, Actor as) {
        return new AuditLog() {
            @Override
            public void record(AuditEntry e) {
                String actor = e.actor().equals(as.key()) ? OPERATOR.key() + " as " + as.key() : e.actor();
                audit.record(new AuditEntry(e.at(), actor, e.action(), e.target(), e.detail()));
            }

            @Override
            public List<AuditEntry> recent(int limit) {
                return audit.recent(limit);
            }

            @Override
            public List<AuditEntry> since(java.time.Instant from) {
                return audit.since(from);
            }
        };
    }

    /** The person named {@code platform:id} (any case), a bare user id when only one person has it, or an email. */
    java.util.Optional<Person> find(String who) {
        String w = who.strip();
        if (w.contains("@")) {
            return new SqlRosterRepository(database).findByEmail(w);
        }
        int colon = w.indexOf(':');
        List<Person> matches = people.withUserId(colon < 0 ? w : w.substring(colon + 1));
        if (colon >= 0) {
            String platform = w.substring(0, colon);
            matches = matches.stream().filter(p -> p.platform().equalsIgnoreCase(platform)).toList();
        }
        java.util.Optional<Person> exact = matches.stream()
                .filter(p -> p.key().equals(w) || p.platformUserId().equals(w)).findFirst();
        return exact.isPresent() ? exact : matches.size() == 1 ? java.util.Optional.of(matches.getFirst())
                : java.util.Optional.empty();
    }

    /** The roles configuration: {@code POLICYBOT_HR}, {@code POLICYBOT_ADMINS}, {@code POLICYBOT_MANAGERS} and {@code DATA/roles.yaml}. */
    static RolesConfig rolesConfig(AppConfig config) {
        return RolesConfig.load(System.getenv(), config.dataDir().resolve("roles.yaml"));
    }

    /** {@code platform:id} as an actor; the operator when absent. */
    static Actor actor(String as) {
        if (as == null || as.isBlank()) {
            return OPERATOR;
        }
        int colon = as.indexOf(':');
        if (colon <= 0 || colon == as.length() - 1) {
            throw new BadUsage("--as takes PLATFORM:ID, e.g. slack:U0123");
        }
        return new Actor(as.substring(0, colon), as.substring(colon + 1), null, null);
    }

    List<Reply> run(Actor actor, String command, String argument, String language) {
        return desk.handle(command, argument, new Inbound.Message(actor, new ChannelRef("cli", true),
                command + " " + argument, Inbound.Message.Kind.COMMAND), language);
    }

    static List<Block.Attachment> attachments(List<Reply> replies) {
        return replies.stream().flatMap(r -> r.blocks().stream()).filter(b -> b instanceof Block.Attachment)
                .map(b -> (Block.Attachment) b).toList();
    }

    /** The replies without their files, for printing. */
    static List<Reply> withoutFiles(List<Reply> replies) {
        return replies.stream().map(r -> new Reply(r.placement(),
                r.blocks().stream().filter(b -> !(b instanceof Block.Attachment)).toList(), r.fallback())).toList();
    }


    @Override
    public void close() {
        database.close();
    }
}
