package io.policybot.app;

import io.policybot.audit.AuditEntry;
import io.policybot.chat.Actor;
import io.policybot.chat.Block;
import io.policybot.people.Person;
import io.policybot.people.PersonRepository;
import io.policybot.conversation.StaffDesk;
import io.policybot.reports.ReportCommands;
import io.policybot.text.Dates;
import io.policybot.chat.Reply;
import io.policybot.people.RosterImporter;
import io.policybot.people.RosterResult;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** The staff commands on the command line: roster import, report, gaps, audit. */
final class StaffCli {
    private StaffCli() {
    }

    static PrintStream out() {
        return new PrintStream(System.out, true, StandardCharsets.UTF_8);
    }

    static void print(List<Reply> replies) {
        out().println(new ConsoleRenderer(Path.of(".")).render(Operator.withoutFiles(replies), new ArrayList<>()));
    }

    @Command(name = "roster", description = "The HR roster (people, teams, managers, roles).",
            subcommands = Roster.Import.class)
    static final class Roster {
        @ParentCommand
        PolicyBotCommand parent;

        @Command(name = "import", description = "Import (upsert) a roster CSV; all or nothing, every bad row reported.")
        static final class Import implements Callable<Integer> {
            @ParentCommand
            Roster parent;

            @Parameters(paramLabel = "FILE", description = "CSV: platform, platform_user_id, name, email, team, "
                    + "manager_email, joined_on, role")
            Path file;

            @Override
            public Integer call() {
                String csv;
                try {
                    csv = Files.readString(file, StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + file, e);
                }
                try (BotRuntime rt = Operator.runtime(parent.parent.config(), parent.parent.clock())) {
                    var storage = rt.services().storage();
                    RosterResult result = new RosterImporter(storage.people(), storage.roster(), storage.audit(),
                            rt.clock()).importCsv(csv, Operator.OPERATOR.key(), file.getFileName().toString());
                    out().printf("Imported %s: %s.%n", file.getFileName(), summary(result));
                }
                return 0;
            }
        }
    }

    /** Why a file could not be written, in words (not a Java exception name). */
    static String ioReason(IOException e) {
        return switch (e) {
            case java.nio.file.NoSuchFileException x -> "its folder does not exist";
            case java.nio.file.AccessDeniedException x -> "permission denied";
            case java.nio.file.FileSystemException x when x.getReason() != null -> x.getReason();
            default -> e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        };
    }

    /** "2 created, 1 updated, 8 unchanged, 1 role change": only the parts that are not zero, plurals right. */
    static String summary(RosterResult r) {
        List<String> parts = new ArrayList<>();
        if (r.created() > 0) {
            parts.add(r.created() + " created");
        }
        if (r.updated() > 0) {
            parts.add(r.updated() + " updated");
        }
        if (r.unchanged() > 0) {
            parts.add(r.unchanged() + " unchanged");
        }
        if (!r.roleChanges().isEmpty()) {
            parts.add(r.roleChanges().size() + (r.roleChanges().size() == 1 ? " role change" : " role changes"));
        }
        return parts.isEmpty() ? "no one in the file" : String.join(", ", parts);
    }

    @Command(name = "report", description = "Training report: completed, in progress, overdue, not started, score, "
            + "acknowledged. As the operator (admin) unless --as.")
    static final class Report implements Callable<Integer> {
        @ParentCommand
        PolicyBotCommand parent;

        @Option(names = "--as", paramLabel = "PLATFORM:ID", description = "Run it as this person, with their roles.")
        String as;

        @Option(names = "--team", paramLabel = "TEAM")
        String team;

        @Option(names = "--person", paramLabel = "ID", description = "A user id, platform:id or email.")
        String person;

        @Option(names = "--csv", paramLabel = "FILE", description = "Write the CSV export here.")
        Path csv;

        @Option(names = "--lang", paramLabel = "LANG")
        String lang = "en";

        @Override
        public Integer call() throws IOException {
            if (team != null && person != null) {
                throw new BadUsage("give --team or --person, not both");
            }
            ReportCommands.Target target = team != null ? new ReportCommands.Target.Team(team.strip())
                    : person != null ? new ReportCommands.Target.Named(person) : new ReportCommands.Target.Default();
            Actor actor = Operator.actor(as);
            try (BotRuntime rt = Operator.runtime(parent.config(), parent.clock(), actor)) {
                StaffDesk desk = rt.staffDesk();
                if (as != null && rt.services().storage().people().find(actor.platform(), actor.userId()).isEmpty()
                        && !desk.rolesOf(actor).staff()) {
                    // --as names someone the bot does not know: say so rather than invent a person.
                    System.err.println("policybot report: no one is known as " + actor.key()
                            + "; `policybot people list` shows everyone.");
                    return ExitCodes.FAILED;
                }
                ReportCommands.CliReport report = desk.reports().reportForCli(actor, target, lang);
                print(report.replies());
                if (report.csv() == null) {
                    return ExitCodes.REFUSED;
                }
                if (csv != null) {
                    try {
                        Files.write(csv, report.csv().content());
                    } catch (IOException e) {
                        System.err.println("policybot report: could not write " + csv + ": "
                                + ioReason(e) + ". Nothing was exported.");
                        return ExitCodes.FAILED;
                    }
                    desk.reports().recordExport(actor, report, csv.toAbsolutePath().toString());
                    out().println("CSV written to " + csv);
                }
                return 0;
            }
        }
    }

    @Command(name = "gaps", description = "Questions the bot declined or got a thumbs down on, grouped, biggest first.")
    static final class Gaps implements Callable<Integer> {
        @ParentCommand
        PolicyBotCommand parent;

        @Option(names = "--days", description = "Days to look back (default ${DEFAULT-VALUE}).")
        int days = 30;

        @Option(names = "--lang", paramLabel = "LANG")
        String lang = "en";

        @Override
        public Integer call() {
            if (days < 1) {
                throw new BadUsage("--days takes a number of days, 1 or more (e.g. --days 30)");
            }
            try (BotRuntime rt = Operator.runtime(parent.config(), parent.clock())) {
                // The operator is an admin: the use case itself, no chat message built.
                print(rt.staffDesk().reports().gaps(Integer.toString(days), lang));
            }
            return 0;
        }
    }

    /** The audit entries as aligned columns: when (one date format), who, what, target, detail. */
    static String auditTable(List<AuditEntry> entries, java.time.ZoneId zone) {
        java.time.format.DateTimeFormatter time = java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss");
        List<String[]> rows = new ArrayList<>();
        for (AuditEntry e : entries) {
            java.time.ZonedDateTime at = e.at().atZone(zone);
            rows.add(new String[] {Dates.day(at.toLocalDate(), "en") + " " + time.format(at), e.actor(), e.action(),
                    e.target(), e.detail()});
        }
        int[] width = new int[4];
        for (String[] r : rows) {
            for (int i = 0; i < width.length; i++) {
                width[i] = Math.max(width[i], r[i].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (String[] r : rows) {
            for (int i = 0; i < width.length; i++) {
                sb.append(r[i]).append(" ".repeat(width[i] - r[i].length() + 2));
            }
            sb.append(r[4]).append(System.lineSeparator());
        }
        return sb.toString();
    }

    @Command(name = "people", description = "The people the bot knows: list them, export or forget one's records "
            + "(data-protection requests), or remove one (all audited).",
            subcommands = {People.ListPeople.class, People.Remove.class, DataCareCli.Export.class,
                    DataCareCli.Forget.class})
    static final class People {
        @ParentCommand
        PolicyBotCommand parent;

        @Command(name = "list", description = "Everyone in the people table: id, name, email, team, manager.")
        static final class ListPeople implements Callable<Integer> {
            @ParentCommand
            People parent;

            @Override
            public Integer call() {
                try (BotRuntime rt = Operator.runtime(parent.parent.config(), parent.parent.clock())) {
                    List<Person> all = rt.services().storage().people().all();
                    PrintStream out = out();
                    out.println(all.size() == 1 ? "1 person" : all.size() + " people");
                    java.util.Map<String, String> keyOf = new java.util.HashMap<>();
                    all.forEach(p -> keyOf.put(p.id(), p.key()));
                    List<String[]> rows = new ArrayList<>();
                    rows.add(new String[] {"ID", "NAME", "EMAIL", "TEAM", "MANAGER"});
                    for (Person p : all) {
                        rows.add(new String[] {p.key(), p.displayName(), nz(p.email()), nz(p.team()),
                                p.managerId() == null ? "-" : keyOf.getOrDefault(p.managerId(), "?")});
                    }
                    int[] width = new int[4];
                    rows.forEach(r -> {
                        for (int i = 0; i < width.length; i++) {
                            width[i] = Math.max(width[i], r[i].length());
                        }
                    });
                    for (String[] r : rows) {
                        StringBuilder sb = new StringBuilder();
                        for (int i = 0; i < width.length; i++) {
                            sb.append(r[i]).append(" ".repeat(width[i] - r[i].length() + 2));
                        }
                        out.println(sb.append(r[4]));
                    }
                }
                return 0;
            }

            private static String nz(String s) {
                return s == null || s.isBlank() ? "-" : s;
            }
        }

        @Command(name = "remove", description = "Remove a person and everything kept about them (training, "
                + "questions, acknowledgements); recorded in the audit log.")
        static final class Remove implements Callable<Integer> {
            @ParentCommand
            People parent;

            @Parameters(paramLabel = "PERSON", description = "platform:id, a user id or an email.")
            String who;

            @Option(names = "--yes", description = "Remove without asking for confirmation.")
            boolean yes;

            @Override
            public Integer call() throws IOException {
                try (BotRuntime rt = Operator.runtime(parent.parent.config(), parent.parent.clock())) {
                    return switch (ActingOnPerson.open(rt, Operator.OPERATOR, "remove", who)) {
                        case ActingOnPerson.Stopped s -> s.exitCode();
                        case ActingOnPerson.NoOne n -> n.fail();
                        case ActingOnPerson.Found found -> remove(rt, found);
                    };
                }
            }

            private int remove(BotRuntime rt, ActingOnPerson.Found found) throws IOException {
                Person p = found.person();
                if (!yes) {
                    out().print("Remove " + p.displayName() + " (" + p.key() + ") and all their records? "
                            + "Type yes to remove: ");
                    String answer = new java.io.BufferedReader(new java.io.InputStreamReader(System.in,
                            StandardCharsets.UTF_8)).readLine();
                    if (answer == null || !answer.strip().equalsIgnoreCase("yes")) {
                        out().println("Not removed.");
                        return ExitCodes.REFUSED;
                    }
                }
                PersonRepository.Removed removed = rt.services().storage().people().remove(p.id()).orElseThrow();
                String detail = removed.completions() + " training records, " + removed.questions()
                        + " questions, " + removed.acknowledgements() + " acknowledgements removed";
                found.audit().record(new AuditEntry(rt.clock().instant(), found.actor().key(),
                        AuditEntry.PERSON_REMOVE, p.key(), p.displayName() + ": " + detail));
                out().println("Removed " + p.displayName() + " (" + p.key() + "): " + detail + ".");
                return ExitCodes.OK;
            }
        }
    }

    @Command(name = "audit", description = "The audit log, newest first: announcements, content versions, exports, "
            + "role changes, refusals, roster imports.")
    static final class Audit implements Callable<Integer> {
        @ParentCommand
        PolicyBotCommand parent;

        @Option(names = "--limit", description = "Entries to show (default ${DEFAULT-VALUE}).")
        int limit = 50;

        @Override
        public Integer call() {
            try (BotRuntime rt = Operator.runtime(parent.config(), parent.clock())) {
                List<AuditEntry> entries = rt.services().storage().audit().recent(limit);
                PrintStream out = out();
                if (entries.isEmpty()) {
                    out.println("The audit log is empty: nothing has been recorded yet.");
                    return 0;
                }
                out.print(auditTable(entries, rt.clock().getZone()));
            }
            return 0;
        }
    }
}
