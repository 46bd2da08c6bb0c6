package io.policybot.app;

import io.policybot.audit.AuditEntry;
import io.policybot.conversation.Block;
import io.policybot.conversation.Reply;
import io.policybot.people.RosterImporter;
import io.policybot.people.RosterResult;
import io.policybot.store.SqlPersonRepository;
import io.policybot.store.SqlRosterRepository;
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

    static void print(StaffRuntime rt, List<Reply> replies) {
        out().println(new ConsoleRenderer(Path.of(".")).render(StaffRuntime.withoutFiles(replies), new ArrayList<>()));
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
                try (StaffRuntime rt = new StaffRuntime(parent.parent.config(), parent.parent.clock())) {
                    RosterResult result = new RosterImporter(new SqlPersonRepository(rt.database),
                            new SqlRosterRepository(rt.database), rt.audit, rt.clock)
                            .importCsv(csv, StaffRuntime.OPERATOR.key(), file.getFileName().toString());
                    out().printf("Imported %s: %d created, %d updated, %d role changes.%n", file.getFileName(),
                            result.created(), result.updated(), result.roleChanges().size());
                }
                return 0;
            }
        }
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
            String argument = team != null ? "team " + team : person != null ? person : "";
            try (StaffRuntime rt = new StaffRuntime(parent.config(), parent.clock())) {
                List<Reply> replies = rt.run(StaffRuntime.actor(as), "report", argument, lang);
                print(rt, replies);
                List<Block.Attachment> files = StaffRuntime.attachments(replies);
                if (csv != null && !files.isEmpty()) {
                    Files.write(csv, files.getFirst().content());
                    out().println("CSV written to " + csv);
                }
                return files.isEmpty() ? 3 : 0;
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
            try (StaffRuntime rt = new StaffRuntime(parent.config(), parent.clock())) {
                print(rt, rt.run(StaffRuntime.OPERATOR, "gaps", Integer.toString(days), lang));
            }
            return 0;
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
            try (StaffRuntime rt = new StaffRuntime(parent.config(), parent.clock())) {
                PrintStream out = out();
                for (AuditEntry e : rt.audit.recent(limit)) {
                    out.printf("%s  %-14s %-16s %s  %s%n", e.at(), e.actor(), e.action(), e.target(), e.detail());
                }
            }
            return 0;
        }
    }
}
