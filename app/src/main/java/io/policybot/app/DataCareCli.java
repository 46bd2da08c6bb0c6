package io.policybot.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.policybot.audit.AuditEntry;
import io.policybot.audit.AuditLog;
import io.policybot.chat.Actor;
import io.policybot.people.Person;
import io.policybot.people.PersonalData;
import io.policybot.questions.QuestionLogRepository;
import io.policybot.questions.QuestionRetention;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * Data care on the command line: {@code backup}, {@code purge} (retention), and {@code people export} /
 * {@code people forget} for data-protection requests. Each is recorded in the audit log.
 */
final class DataCareCli {
    private DataCareCli() {
    }

    @Command(name = "backup", description = "Write a consistent copy of the SQLite database to FILE while the bot "
            + "runs (restore: docs/operations.md). PostgreSQL: prints how to use pg_dump.")
    static final class Backup implements Callable<Integer> {
        @ParentCommand
        PolicyBotCommand parent;

        @Parameters(paramLabel = "FILE", description = "Where the copy goes (a new file, unless --force).")
        Path file;

        @Option(names = "--force", description = "Replace FILE if it exists.")
        boolean force;

        @Override
        public Integer call() throws IOException {
            AppConfig config = parent.config();
            if (config.databaseUrl() != null && config.databaseUrl().startsWith("jdbc:postgresql:")) {
                StaffCli.out().print(pgDumpAdvice(config.databaseUrl(), file));
                return ExitCodes.REFUSED;
            }
            if (Files.exists(file) && !force) {
                System.err.println("policybot backup: " + file + " already exists; nothing was written. Give "
                        + "another name, or --force to replace it.");
                return ExitCodes.FAILED;
            }
            Path target = file.toAbsolutePath();
            if (!Files.isDirectory(target.getParent())) {
                System.err.println("policybot backup: cannot write " + file + ": its folder does not exist.");
                return ExitCodes.FAILED;
            }
            // Copied beside the target first, then moved into place: a failed copy never leaves half a file.
            Path partial = target.resolveSibling("." + target.getFileName() + ".partial");
            Files.deleteIfExists(partial);
            try (BotRuntime rt = Operator.runtime(config, parent.clock())) {
                long started = System.nanoTime();
                rt.services().storage().database().backupTo(partial);
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                long ms = Duration.ofNanos(System.nanoTime() - started).toMillis();
                long bytes = Files.size(target);
                rt.services().storage().audit().record(new AuditEntry(rt.clock().instant(), Operator.OPERATOR.key(),
                        AuditEntry.BACKUP, target.toString(), bytes + " bytes"));
                StaffCli.out().printf("Backed up %s to %s (%s, %d ms). To restore: stop PolicyBot, copy it to %s, "
                                + "delete %s-wal and %s-shm if they are there, start PolicyBot.%n",
                        sqliteFile(config), file, size(bytes), ms, sqliteFile(config), sqliteFile(config),
                        sqliteFile(config));
            } finally {
                Files.deleteIfExists(partial);
            }
            return ExitCodes.OK;
        }

        private static Path sqliteFile(AppConfig config) {
            String url = config.databaseUrl();
            return url != null && url.startsWith("jdbc:sqlite:") ? Path.of(url.substring("jdbc:sqlite:".length()))
                    : config.dataDir().resolve("policybot.db");
        }

        private static String size(long bytes) {
            return bytes < 1024 * 1024 ? (bytes + 1023) / 1024 + " KB"
                    : String.format(java.util.Locale.ROOT, "%.1f MB", bytes / 1024.0 / 1024.0);
        }

        /** What to run instead on PostgreSQL; the URL without its parameters (and so without a password). */
        static String pgDumpAdvice(String jdbcUrl, Path file) {
            String url = jdbcUrl.substring("jdbc:".length());
            int q = url.indexOf('?');
            String plain = q < 0 ? url : url.substring(0, q);
            plain = plain.replaceAll("//[^/@]+@", "//");
            String nl = System.lineSeparator();
            return "This deployment's database is PostgreSQL: back it up with PostgreSQL's own tool, while the bot "
                    + "runs:" + nl
                    + "  pg_dump --format=custom --file " + file + " '" + plain + "'" + nl
                    + "(user and password from PGUSER and PGPASSWORD, or ~/.pgpass). Restore into an empty database "
                    + "with the bot stopped:" + nl
                    + "  pg_restore --no-owner --dbname '" + plain + "' " + file + nl
                    + "Nothing was written. See docs/operations.md." + nl;
        }
    }

    @Command(name = "purge", description = "Retention: remove questions and feedback older than retention.questions "
            + "(default 365 days). Shows the counts first; --yes removes them. Training and acknowledgements stay.")
    static final class Purge implements Callable<Integer> {
        @ParentCommand
        PolicyBotCommand parent;

        @Option(names = "--yes", description = "Remove them (without it, only count).")
        boolean yes;

        @Option(names = "--days", paramLabel = "DAYS",
                description = "Keep this many days instead of retention.questions (1 or more).")
        Integer days;

        @Override
        public Integer call() {
            if (days != null && days < 1) {
                throw new BadUsage("--days takes a number of days, 1 or more (e.g. --days 365)");
            }
            AppConfig config = parent.config();
            Duration keep = days != null ? Duration.ofDays(days) : config.questionRetention();
            try (BotRuntime rt = Operator.runtime(config, parent.clock())) {
                var storage = rt.services().storage();
                QuestionRetention retention = new QuestionRetention(storage.questions(), storage.audit(),
                        storage.runOnce(), storage.database()::atomically, keep, rt.clock());
                if (retention.period().isEmpty()) {
                    StaffCli.out().println("Questions are kept forever (retention.questions is 0): nothing to purge.");
                    return ExitCodes.REFUSED;
                }
                LocalDate before = LocalDate.ofInstant(retention.cutoff().orElseThrow(), rt.clock().getZone());
                QuestionLogRepository.Purge due = retention.preview();
                String what = due.questions() + (due.questions() == 1 ? " question" : " questions") + " and "
                        + due.feedback() + (due.feedback() == 1 ? " feedback vote" : " feedback votes");
                StaffCli.out().println("Kept " + keep.toDays() + " days: " + what + " asked before " + before
                        + ". Training results and acknowledgements are kept.");
                if (!yes) {
                    StaffCli.out().println("Nothing removed: run `policybot purge --yes` to remove them.");
                    return ExitCodes.OK;
                }
                QuestionLogRepository.Purge done = retention.purge(Operator.OPERATOR.key());
                StaffCli.out().println("Removed " + done.questions() + " questions and " + done.feedback()
                        + " feedback votes (recorded in the audit log).");
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "export", description = "Everything held about a person, as JSON (a data-protection access "
            + "request): roster row, training, acknowledgements, questions, feedback, messages, sign-in links, "
            + "audit entries. Recorded in the audit log.")
    static final class Export implements Callable<Integer> {
        @ParentCommand
        StaffCli.People parent;

        @Parameters(paramLabel = "PERSON", description = "platform:id, a user id or an email.")
        String who;

        @Option(names = "--out", paramLabel = "FILE", description = "Write the JSON here (default: print it).")
        Path out;

        @Option(names = "--as", paramLabel = "PLATFORM:ID", description = "Run it as this person, with their roles.")
        String as;

        @Override
        public Integer call() throws IOException {
            Actor actor = Operator.actor(as);
            try (BotRuntime rt = Operator.runtime(parent.parent.config(), parent.parent.clock())) {
                return switch (ActingOnPerson.open(rt, actor, "export", who)) {
                    case ActingOnPerson.Stopped s -> s.exitCode();
                    case ActingOnPerson.NoOne n -> n.fail();
                    case ActingOnPerson.Found found -> export(rt, found);
                };
            }
        }

        private int export(BotRuntime rt, ActingOnPerson.Found found) throws IOException {
            Actor actor = found.actor();
            AuditLog audit = found.audit();
            Person p = found.person();
            PersonalData.Export export = rt.services().storage().personalData().export(p.id()).orElseThrow();
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("about", p.key());
            doc.put("exported_at", rt.clock().instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
            doc.put("note", "Everything PolicyBot holds about this person, table by table; times are UTC.");
            doc.putAll(export.sections());
            String json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(doc);
            if (out != null) {
                try {
                    Files.writeString(out, json + System.lineSeparator(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    System.err.println("policybot people export: could not write " + out + ": "
                            + StaffCli.ioReason(e) + ". Nothing was exported.");
                    return ExitCodes.FAILED;
                }
            }
            int rows = export.sections().values().stream().mapToInt(java.util.List::size).sum();
            audit.record(new AuditEntry(rt.clock().instant(), actor.key(), AuditEntry.PERSON_EXPORT, p.key(),
                    rows + " records" + (out != null ? " to " + out.toAbsolutePath() : " printed")));
            if (out != null) {
                StaffCli.out().println("Exported " + rows + " records about " + p.key() + " to " + out + ".");
            } else {
                StaffCli.out().println(json);
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "forget", description = "Pseudonymise a person (a data-protection erasure request): name, ids "
            + "and email replaced, their questions and feedback deleted; training results and acknowledgements kept "
            + "under the pseudonym. Idempotent. Recorded in the audit log.")
    static final class Forget implements Callable<Integer> {
        @ParentCommand
        StaffCli.People parent;

        @Parameters(paramLabel = "PERSON", description = "platform:id, a user id, an email, or a pseudonym.")
        String who;

        @Option(names = "--yes", description = "Forget without asking for confirmation.")
        boolean yes;

        @Option(names = "--as", paramLabel = "PLATFORM:ID", description = "Run it as this person, with their roles.")
        String as;

        @Override
        public Integer call() throws IOException {
            Actor actor = Operator.actor(as);
            try (BotRuntime rt = Operator.runtime(parent.parent.config(), parent.parent.clock())) {
                return switch (ActingOnPerson.open(rt, actor, "forget", who)) {
                    case ActingOnPerson.Stopped s -> s.exitCode();
                    case ActingOnPerson.NoOne n -> {
                        // Also what a second run finds: the state asked for (nothing held) is already there.
                        StaffCli.out().println("Nothing is held about \"" + who + "\" (never known, or already "
                                + "forgotten): nothing to do.");
                        yield ExitCodes.OK;
                    }
                    case ActingOnPerson.Found found -> forget(rt, found);
                };
            }
        }

        private int forget(BotRuntime rt, ActingOnPerson.Found found) throws IOException {
            Actor actor = found.actor();
            AuditLog audit = found.audit();
            Person p = found.person();
            if (PersonalData.isPseudonym(p.platformUserId())) {
                StaffCli.out().println(p.platformUserId() + " is already forgotten: nothing to do.");
                return ExitCodes.OK;
            }
            if (!yes) {
                StaffCli.out().print("Forget " + p.displayName() + " (" + p.key() + ")? Their name, ids and "
                        + "questions go; training and acknowledgements stay under a pseudonym. Type yes to forget: ");
                String answer = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))
                        .readLine();
                if (answer == null || !answer.strip().equalsIgnoreCase("yes")) {
                    StaffCli.out().println("Not forgotten.");
                    return ExitCodes.REFUSED;
                }
            }
            PersonalData.Forgotten f = rt.services().storage().database().atomically(() -> {
                PersonalData.Forgotten done = rt.services().storage().personalData()
                        .forget(p.id(), rt.clock().instant()).orElseThrow();
                // The pseudonym only: the audit log is append-only, so the entry must not name them again.
                audit.record(new AuditEntry(rt.clock().instant(), actor.key(), AuditEntry.PERSON_FORGET,
                        done.pseudonym(), summary(done)));
                return done;
            });
            StaffCli.out().println("Forgotten: now " + f.pseudonym() + ". " + summary(f) + ".");
            return ExitCodes.OK;
        }

        private static String summary(PersonalData.Forgotten f) {
            return Counted.count(f.questionsRemoved(), "question") + ", " + Counted.count(f.feedbackRemoved(), "feedback vote")
                    + ", " + Counted.count(f.signInLinksRemoved(), "sign-in link or console session") + " removed; "
                    + Counted.count(f.messagesSkipped(), "pending message") + " stopped; "
                    + Counted.count(f.answersKept(), "quiz answer") + ", " + Counted.count(f.trainingKept(), "training result")
                    + " and " + Counted.count(f.acknowledgementsKept(), "acknowledgement") + " kept under the pseudonym";
        }
    }
}
