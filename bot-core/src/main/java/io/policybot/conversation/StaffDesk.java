package io.policybot.conversation;

import io.policybot.announcements.AnnouncementCommands;
import io.policybot.chat.Actions;
import io.policybot.chat.Actor;
import io.policybot.chat.Block;
import io.policybot.chat.Inbound;
import io.policybot.chat.Reply;
import io.policybot.people.Role;
import io.policybot.people.Roles;
import io.policybot.people.StaffAccess;
import io.policybot.signin.ConsoleInvitation;
import io.policybot.reports.GapGroups;
import io.policybot.reports.ReportCommands;
import io.policybot.text.Messages;
import java.util.List;
import java.util.Set;

/**
 * The staff commands routed to their capabilities behind one authorisation wrapper ({@link StaffAccess}):
 * {@code report} (scoped by role inside reports), {@code gaps} and {@code announce} (HR and admins), and the
 * {@code announce.*} buttons (confirm and cancel for HR and admins; "I have read it" for everyone). Every refusal
 * gets a clear reply and an audit entry.
 */
public final class StaffDesk implements StaffCommands {
    private static final String BUNDLE = "reports";

    private final ReportCommands reports;
    private final AnnouncementCommands announcements;
    private final StaffAccess access;
    private final ConsoleInvitation console;

    public StaffDesk(ReportCommands reports, AnnouncementCommands announcements, StaffAccess access) {
        this(reports, announcements, access, ConsoleInvitation.disabled());
    }

    /** @param console the {@code console} command (a sign-in link to the web console, for anyone) */
    public StaffDesk(ReportCommands reports, AnnouncementCommands announcements, StaffAccess access,
                     ConsoleInvitation console) {
        this.reports = reports;
        this.announcements = announcements;
        this.access = access;
        this.console = console;
    }

    @Override
    public List<Reply> handle(String command, String argument, Inbound.Message message, String language) {
        Messages m = Messages.of(BUNDLE, language);
        Actor actor = message.actor();
        return switch (command) {
            case "report" -> reports.report(actor, argument, language);
            case "console" -> console.invite(actor, language);
            case "gaps" -> access.staffOnly(actor, "gaps", m.get("refused.gaps"),
                    () -> reports.gaps(argument, language));
            case "announce" -> access.staffOnly(actor, "announce " + argument.strip(), m.get("refused.announce"),
                    () -> announcements.announce(message, argument, language));
            default -> List.of(text(m.get("button.stale")));
        };
    }

    @Override
    public List<Reply> onButton(Inbound.ButtonPress press, String language) {
        Messages m = Messages.of(BUNDLE, language);
        List<Reply> replies = switch (press.actionId()) {
            // HR's decision on a draft is audited by the announcements capability itself, so the CLI's is too.
            case Actions.ANNOUNCE_CONFIRM, Actions.ANNOUNCE_CANCEL -> access.staffOnly(press.actor(),
                    press.actionId() + " " + press.value(), m.get("refused.button"),
                    () -> announcements.onButton(press, language));
            default -> announcements.onButton(press, language);
        };
        return replies.isEmpty() ? List.of(text(m.get("button.stale"))) : replies;
    }

    @Override
    public List<String> commandsFor(Actor actor) {
        Roles r = rolesOf(actor);
        if (r.staff()) {
            return List.of("report", "gaps", "announce");
        }
        return r.has(Role.MANAGER) ? List.of("report") : List.of();
    }

    /** The roles of {@code actor}, with the platform groups the adapter found them in. */
    public Roles rolesOf(Actor actor) {
        return access.rolesOf(actor);
    }

    /** For tests and the CLI: the roles of a person as this desk sees them. */
    public Roles rolesOf(String platform, String userId, Set<String> groups) {
        return access.rolesOf(platform, userId, groups);
    }

    /** The report for the command line (see {@link ReportCommands#reportForCli}). */
    public ReportCommands.CliReport reportForCli(Actor actor, String argument, String language) {
        return reports.reportForCli(actor, argument, language);
    }

    /** The gap groups of the last {@code days} days. */
    public List<GapGroups.Group> gapGroups(int days) {
        return reports.gapGroups(days);
    }

    public ReportCommands reports() {
        return reports;
    }

    private static Reply text(String s) {
        return new Reply(Reply.PRIVATE, List.of(new Block.Text(s)), s);
    }
}
