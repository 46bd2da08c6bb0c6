package io.policybot.app;

import io.policybot.announcements.AnnouncementConversation;
import io.policybot.announcements.AnnouncementService;
import io.policybot.chat.Actor;
import io.policybot.chat.Reply;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * HR's announcement from the command line: the preview, a confirmation, then delivery to everyone in the people
 * table through the console platform (a fake platform printing each DM), to completion. HR-only in chat; here
 * whoever runs the CLI on the bot's machine is trusted, and acts (and is audited) as {@code cli:operator}. It calls
 * the use cases ({@code prepare}, {@code confirm}, {@code cancel}) and prints them in the chat's words.
 */
@Command(name = "announce", description = "Announce the latest policy version: preview, confirm, send to everyone.",
        subcommands = AnnounceCommand.Status.class)
final class AnnounceCommand implements Callable<Integer> {
    private static final Actor HR = Operator.OPERATOR;

    @ParentCommand
    PolicyBotCommand parent;

    @Option(names = "--policy", paramLabel = "ID", description = "The policy (default: the first one).")
    String policy;

    @Option(names = "--yes", description = "Send without asking for confirmation.")
    boolean yes;

    @Option(names = "--lang", paramLabel = "LANG")
    String lang = "en";

    @Override
    public Integer call() throws Exception {
        // Publishing first: the version to announce is the one the content has now.
        try (BotRuntime runtime = BotRuntime.builder(parent.config(), parent.clock()).withPublishing().build()) {
            AnnouncementService service = runtime.services().announcements().service();
            AnnouncementConversation chat = runtime.services().announcements().conversation();
            ConsoleRenderer renderer = new ConsoleRenderer(runtime.config().dataDir());
            // The operator is no person the bot knows: the draft names no author, as in chat.
            AnnouncementService.Prepared prepared = service.prepare(policy, null);
            System.out.println(renderer.render(List.of(chat.preview(prepared, lang)), new ArrayList<>()));
            if (!(prepared instanceof AnnouncementService.Preview preview)) {
                return ExitCodes.REFUSED; // nothing to announce, or already announced (the text said which)
            }
            String draft = preview.draft().id();
            if (!yes) {
                System.out.print("Type yes to send: ");
                System.out.flush();
                String answer = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                if (answer == null || !answer.strip().equalsIgnoreCase("yes")) {
                    service.cancel(draft, HR.key());
                    System.out.println("Cancelled: nothing was sent.");
                    return ExitCodes.REFUSED; // the same code whether "no" or the end of input said it
                }
            }
            System.out.println(renderer.render(List.of(chat.confirmed(service.confirm(draft, HR.key()), lang)),
                    new ArrayList<>()));
            runtime.deliverNow();
            printStatus(chat, lang);
        }
        return 0;
    }

    /** Every announcement, newest first, in the same words as {@code announce status} in chat. */
    static void printStatus(AnnouncementConversation chat, String lang) {
        List<Reply> status = List.of(chat.status(lang));
        StaffCli.out().println(new ConsoleRenderer(java.nio.file.Path.of(".")).render(status, new ArrayList<>()));
    }

    @Command(name = "status", description = "Progress of the announcements: sent / pending / failed, acknowledged.")
    static final class Status implements Callable<Integer> {
        @ParentCommand
        AnnounceCommand parent;

        @Option(names = "--lang", paramLabel = "LANG")
        String lang = "en";

        @Override
        public Integer call() {
            // Only the database, read: no index, no models, nothing published.
            try (BotRuntime runtime = BotRuntime.builder(parent.parent.config(), parent.parent.clock()).build()) {
                printStatus(runtime.services().announcements().conversation(), lang);
            }
            return 0;
        }
    }
}
