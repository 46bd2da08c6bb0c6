package io.policybot.reports;

import io.policybot.audit.AuditEntry;
import io.policybot.audit.AuditLog;
import io.policybot.chat.Actor;
import io.policybot.chat.Block;
import io.policybot.chat.Reply;
import io.policybot.people.Person;
import io.policybot.people.PersonRepository;
import io.policybot.people.Role;
import io.policybot.people.Roles;
import io.policybot.people.StaffAccess;
import io.policybot.people.RosterRepository;
import io.policybot.text.Messages;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reports in chat and on the command line: {@code report} (everyone for their own record, managers for their
 * direct and indirect reports, HR and admins for everyone) and {@code gaps} (HR and admins, checked by the caller).
 * Reads the argument ({@code me}, {@code team X}, a person as {@code @platform:id}, a user id or an email), scopes
 * the report by the asker's roles, renders it, and audits every export and refusal.
 */
public final class ReportCommands {
    private static final String BUNDLE = "reports";
    private static final int DEFAULT_GAP_DAYS = 30;

    private final ReportService reports;
    private final StaffAccess access;
    private final PersonRepository people;
    private final RosterRepository roster;
    private final AuditLog audit;
    private final Clock clock;

    public ReportCommands(ReportService reports, StaffAccess access, PersonRepository people, RosterRepository roster,
                          AuditLog audit, Clock clock) {
        this.reports = reports;
        this.access = access;
        this.people = people;
        this.roster = roster;
        this.audit = audit;
        this.clock = clock;
    }

    /** Whose report is asked for: the asker's default scope, themselves, a team, or a person (or team) by name. */
    public sealed interface Target {
        record Default() implements Target {
        }

        record Me() implements Target {
        }

        record Team(String name) implements Target {
        }

        /** A person as {@code @platform:id}, a user id, {@code platform:id} or an email; else a team's name. */
        record Named(String who) implements Target {
        }

        /** The words after {@code report} in chat: "", "me" ("mine", "我"), "team Sales" ("团队 Sales"), a name. */
        static Target parse(String argument) {
            String arg = argument.strip();
            String lower = arg.toLowerCase(Locale.ROOT);
            if (arg.isEmpty()) {
                return new Default();
            }
            if (lower.equals("me") || lower.equals("mine") || arg.equals("我")) {
                return new Me();
            }
            if (lower.startsWith("team ") || arg.startsWith("团队 ")) {
                return new Team(arg.substring(arg.indexOf(' ') + 1).strip());
            }
            return new Named(arg);
        }
    }

    /** {@code report ARGUMENT} asked in chat: the report, with its CSV attached. */
    public List<Reply> report(Actor actor, String argument, String language) {
        Exported e = report(actor, access.rolesOf(actor), Target.parse(argument), Messages.of(BUNDLE, language),
                language, true);
        if (e.csv() == null) {
            return e.replies();
        }
        Reply shown = e.replies().getFirst();
        List<Block> blocks = new ArrayList<>(shown.blocks());
        blocks.add(e.csv());
        return List.of(new Reply(shown.placement(), blocks, shown.fallback()));
    }

    /** What a report request came to: the replies to show (no file among them) and the CSV, when there is one. */
    private record Exported(List<Reply> replies, Block.Attachment csv) {
        static Exported said(List<Reply> replies) {
            return new Exported(replies, null);
        }
    }

    /** {@code gaps ARGUMENT} ("", "30", "30d"): the questions the bot could not answer, grouped. */
    public List<Reply> gaps(String argument, String language) {
        return gaps(argument.strip(), Messages.of(BUNDLE, language));
    }

    // ---- report ----

    /**
     * The report for the command line: the same scoping and refusals as in chat, but nothing attached and nothing
     * said about a file: the CLI writes the CSV itself (when asked) and then calls {@link #recordExport}.
     */
    public CliReport reportForCli(Actor actor, Target target, String language) {
        Exported e = report(actor, access.rolesOf(actor), target, Messages.of(BUNDLE, language), language, false);
        return new CliReport(e.replies(), e.csv());
    }

    /** {@link #reportForCli(Actor, Target, String)} with the words of the chat command. */
    public CliReport reportForCli(Actor actor, String argument, String language) {
        return reportForCli(actor, Target.parse(argument), language);
    }

    /** @param csv the CSV the report would attach, or null (refused, no one found, an empty report) */
    public record CliReport(List<Reply> replies, Block.Attachment csv) {
    }

    /** Records a report export the CLI wrote to {@code where}. */
    public void recordExport(Actor actor, CliReport report, String where) {
        audit.record(new AuditEntry(clock.instant(), actor.key(), AuditEntry.REPORT_EXPORT, report.csv().fileName(),
                "written to " + where));
    }

    private Exported report(Actor actor, Roles r, Target asked, Messages m, String language, boolean attach) {
        // Someone asking in chat is a real person the bot has met (listed by name from then on, D10). The command
        // line creates no one: the operator and --as are not people, and a report there is only read (B6).
        Optional<Person> found = attach && Person.PLATFORMS.contains(actor.platform())
                ? Optional.of(people.findOrCreate(actor.platform(), actor.userId(),
                        actor.displayName().equals(actor.userId()) ? null : actor.displayName(), clock.instant()))
                : people.find(actor.platform(), actor.userId());
        String myId = found.map(Person::id).orElse("");
        if (asked instanceof Target.Default) {
            ReportScope scope = defaultScope(r, myId);
            return switch (scope) {
                case ReportScope.Everyone e -> export(actor, e, m.get("report.scope.everyone"), "everyone", m, language, attach);
                case ReportScope.Org o -> export(actor, o, m.get("report.scope.org"), "org of " + actor.key(), m, language, attach);
                default -> export(actor, scope, m.get("report.scope.self"), actor.key(), m, language, attach);
            };
        }
        if (asked instanceof Target.Me) {
            return export(actor, new ReportScope.One(myId), m.get("report.scope.self"), actor.key(), m, language, attach);
        }
        if (asked instanceof Target.Team t) {
            return team(actor, r, myId, t.name(), m, language, attach);
        }
        String arg = ((Target.Named) asked).who().strip();
        Optional<Person> target = findPerson(actor, arg);
        if (target.isEmpty()) {
            Optional<String> team = reports.repository().team(arg);
            if (team.isPresent()) {
                return team(actor, r, myId, team.get(), m, language, attach);
            }
            return Exported.said(List.of(text(m.get("report.notFound", arg))));
        }
        Person p = target.get();
        String key = p.key();
        if (p.id().equals(myId)) {
            return export(actor, new ReportScope.One(myId), m.get("report.scope.self"), key, m, language, attach);
        }
        if (maySee(r, myId, p)) {
            return export(actor, new ReportScope.One(p.id()), p.displayName(), key, m, language, attach);
        }
        return Exported.said(refuse(actor, r, "report " + key, r.has(Role.MANAGER) ? "refused.report.person"
                : "refused.report.other", m));
    }

    /**
     * The scope the web console shows {@code actor}: the same as a bare {@code report} in chat (HR and admins
     * everyone, a manager their org, anyone else their own record).
     */
    public ReportScope consoleScope(Actor actor) {
        Roles r = access.rolesOf(actor);
        String myId = people.find(actor.platform(), actor.userId()).map(Person::id).orElse("");
        return defaultScope(r, myId);
    }

    /** What a bare {@code report} shows: HR and admins everyone, a manager their org, anyone else their own record. */
    private static ReportScope defaultScope(Roles r, String myId) {
        return r.staff() ? new ReportScope.Everyone() : r.has(Role.MANAGER) ? new ReportScope.Org(myId)
                : new ReportScope.One(myId);
    }

    /**
     * Whether {@code actor} may see {@code person}'s record, by the rule of {@code report @person}: themselves, HR and
     * admins, or a manager above them. A refusal is audited as {@code what}.
     */
    public boolean maySee(Actor actor, Person person, String what) {
        Roles r = access.rolesOf(actor);
        String myId = people.find(actor.platform(), actor.userId()).map(Person::id).orElse("");
        if (person.id().equals(myId) || maySee(r, myId, person)) {
            return true;
        }
        access.refuse(actor, r, what, "");
        return false;
    }

    private boolean maySee(Roles r, String myId, Person p) {
        return r.staff() || r.has(Role.MANAGER) && reports.repository().inOrg(myId, p.id());
    }

    private Exported team(Actor actor, Roles r, String myId, String named, Messages m, String language,
                             boolean attach) {
        // Team names are matched without regard to case; the report shows the name as the roster spells it.
        String team = reports.repository().team(named).orElse(named);
        if (r.staff()) {
            return export(actor, new ReportScope.Team(team, null), m.get("report.scope.team", team), "team " + team, m,
                    language, attach);
        }
        if (r.has(Role.MANAGER)) {
            return export(actor, new ReportScope.Team(team, myId), m.get("report.scope.teamInOrg", team),
                    "team " + team + " in org of " + actor.key(), m, language, attach);
        }
        return Exported.said(refuse(actor, r, "report team " + team, "refused.report.team", m));
    }

    /**
     * A person named as {@code @platform:id} (the adapters' neutral form of a platform mention), a user id (on the
     * asker's platform, else on any platform when only one person has it), {@code platform:id} or an email; ids
     * and emails are matched without regard to case.
     */
    private Optional<Person> findPerson(Actor actor, String arg) {
        String id = arg.startsWith("@") ? arg.substring(1) : arg;
        if (id.contains("@")) {
            return roster.findByEmail(id.toLowerCase(Locale.ROOT));
        }
        Optional<Person> same = people.find(actor.platform(), id);
        if (same.isPresent()) {
            return same;
        }
        if (id.contains(":")) {
            String[] parts = id.split(":", 2);
            Optional<Person> exact = people.find(parts[0].toLowerCase(Locale.ROOT), parts[1]);
            if (exact.isPresent()) {
                return exact;
            }
            List<Person> anyCase = people.withUserId(parts[1]).stream()
                    .filter(p -> p.platform().equalsIgnoreCase(parts[0])).toList();
            return anyCase.size() == 1 ? Optional.of(anyCase.getFirst()) : Optional.empty();
        }
        List<Person> anywhere = people.withUserId(id);
        List<Person> mine = anywhere.stream().filter(p -> p.platform().equals(actor.platform())).toList();
        if (mine.size() == 1) {
            return Optional.of(mine.getFirst());
        }
        return anywhere.size() == 1 ? Optional.of(anywhere.getFirst()) : Optional.empty();
    }

    private Exported export(Actor actor, ReportScope scope, String label, String auditTarget, Messages m,
                               String language, boolean attach) {
        Report report = reports.report(scope, label, language);
        String fileName = "policybot-report-" + slug(label) + "-" + LocalDate.now(clock) + ".csv";
        if (report.people() == 0) {
            return Exported.said(List.of(ReportView.report(report, label, fileName, attach, m)));
        }
        // In chat the file goes out with the reply: an export. On the CLI it is only shown (the CLI records an
        // export itself when it writes the file).
        audit.record(new AuditEntry(clock.instant(), actor.key(), attach ? AuditEntry.REPORT_EXPORT : AuditEntry.REPORT_VIEW,
                auditTarget, report.people() + (report.people() == 1 ? " person, " : " people, ") + report.rows().size()
                + (report.rows().size() == 1 ? " row" : " rows") + (attach ? ", " + fileName : "")));
        return new Exported(List.of(ReportView.report(report, label, fileName, attach, m)),
                new Block.Attachment(fileName, "text/csv", ReportService.csv(report)));
    }

    private static String slug(String label) {
        String s = label.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "-").replaceAll("(^-|-$)", "");
        return s.isEmpty() ? "report" : s.length() > 40 ? s.substring(0, 40) : s;
    }

    // ---- gaps ----

    private List<Reply> gaps(String arg, Messages m) {
        int days = DEFAULT_GAP_DAYS;
        if (!arg.isEmpty()) {
            try {
                days = Integer.parseInt(arg.replaceAll("(?i)\\s*(d|days?|天)$", "").strip());
            } catch (NumberFormatException e) {
                return List.of(text(m.get("gaps.badDays")));
            }
            if (days < 1) {
                return List.of(text(m.get("gaps.badDays")));
            }
        }
        return List.of(ReportView.gaps(gapGroups(days), days, m, s -> reports.sectionTitle(s, m.language())));
    }

    /** The gap groups of the last {@code days} days (also for the CLI). */
    public List<GapGroups.Group> gapGroups(int days) {
        return GapGroups.group(reports.repository().gapQuestions(clock.instant().minus(Duration.ofDays(days))));
    }

    // ---- refusals ----

    private List<Reply> refuse(Actor actor, Roles r, String what, String key, Messages m) {
        return access.refuse(actor, r, what, m.get(key));
    }

    private static Reply text(String s) {
        return new Reply(Reply.PRIVATE, List.of(new Block.Text(s)), s);
    }
}
