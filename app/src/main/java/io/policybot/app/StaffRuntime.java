package io.policybot.app;

import io.policybot.announcements.AnnouncementCommands;
import io.policybot.audit.AuditLog;
import io.policybot.content.ContentLibrary;
import io.policybot.conversation.Actor;
import io.policybot.conversation.Block;
import io.policybot.conversation.ChannelRef;
import io.policybot.conversation.Inbound;
import io.policybot.conversation.Reply;
import io.policybot.people.Role;
import io.policybot.people.RolesConfig;
import io.policybot.reports.StaffDesk;
import io.policybot.store.Database;
import io.policybot.store.SqlAuditLog;
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

    StaffRuntime(AppConfig config, Clock clock) {
        this.clock = clock;
        ContentLibrary library = config.loadContent();
        this.database = Database.sqlite(config.dataDir().resolve("policybot.db"));
        this.audit = new SqlAuditLog(database);
        RolesConfig roles = rolesConfig(config).with(Role.ADMIN, OPERATOR.key());
        this.desk = StaffDesk.onDatabase(database, () -> library, TrainingSettings.defaults(), roles, audit,
                AnnouncementCommands.none(), clock);
    }

    /** The roles configuration: {@code POLICYBOT_HR}, {@code POLICYBOT_ADMINS}, {@code POLICYBOT_MANAGERS} and {@code DATA/roles.yaml}. */
    static RolesConfig rolesConfig(AppConfig config) {
        return RolesConfig.load(System.getenv(), config.dataDir().resolve("roles.yaml"));
    }

    /** {@code platform:id} as an actor; null for the operator. */
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
