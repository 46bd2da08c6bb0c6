package io.policybot.app;

import io.policybot.announcements.AnnouncementOutbox;
import io.policybot.announcements.AnnouncementService;
import io.policybot.chat.Actions;
import io.policybot.chat.Actor;
import io.policybot.chat.Button;
import io.policybot.chat.ChannelRef;
import io.policybot.chat.Inbound;
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
 * whoever runs the CLI on the bot's machine is trusted, and acts (and is audited) as {@code cli:operator}.
 */
@Command(name = "announce", description = "Announce the latest policy version: preview, confirm, send to everyone.",
        subcommands = AnnounceCommand.Status.class)
final class AnnounceCommand implements Callable<Integer> {
    private static final Actor HR = StaffRuntime.OPERATOR;

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
        try (BotRuntime runtime = new BotRuntime(parent.config(), parent.clock())) {
            AnnouncementService service = runtime.announcements().service();
            ConsoleRenderer renderer = new ConsoleRenderer(runtime.config().dataDir());
            List<Reply> preview = service.announce(new Inbound.Message(HR, new ChannelRef("console", true),
                    "announce", Inbound.Message.Kind.COMMAND), policy == null ? "" : policy, lang);
            List<Button> buttons = new ArrayList<>();
            System.out.println(renderer.render(preview, buttons));
            Button confirm = buttons.stream().filter(b -> b.actionId().equals(Actions.ANNOUNCE_CONFIRM)).findFirst()
                    .orElse(null);
            if (confirm == null) {
                return ExitCodes.REFUSED; // nothing to announce, or already announced (the text said which)
            }
            if (!yes) {
                System.out.print("Type yes to send: ");
                System.out.flush();
                String answer = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                if (answer == null || !answer.strip().equalsIgnoreCase("yes")) {
                    service.onButton(press(Actions.ANNOUNCE_CANCEL, confirm.value()), lang);
                    System.out.println("Cancelled: nothing was sent.");
                    return ExitCodes.REFUSED; // the same code whether "no" or the end of input said it
                }
            }
            System.out.println(renderer.render(service.onButton(press(Actions.ANNOUNCE_CONFIRM, confirm.value()), lang),
                    new ArrayList<>()));
            runtime.announcements().dispatcher().resumeInFlight();
            runtime.announcements().dispatcher().drain();
            printStatus(service, lang);
        }
        return 0;
    }

    /** Every announcement, newest first, in the same words as {@code announce status} in chat. */
    static void printStatus(AnnouncementService service, String lang) {
        List<Reply> status = service.announce(new Inbound.Message(HR, new ChannelRef("cli", true), "announce status",
                Inbound.Message.Kind.COMMAND), "status", lang);
        StaffCli.out().println(new ConsoleRenderer(java.nio.file.Path.of(".")).render(status, new ArrayList<>()));
    }

    private static Inbound.ButtonPress press(String action, String value) {
        return new Inbound.ButtonPress(HR, new ChannelRef("console", true), action, value);
    }

    @Command(name = "status", description = "Progress of the announcements: sent / pending / failed, acknowledged.")
    static final class Status implements Callable<Integer> {
        @ParentCommand
        AnnounceCommand parent;

        @Option(names = "--lang", paramLabel = "LANG")
        String lang = "en";

        @Override
        public Integer call() {
            try (BotRuntime runtime = new BotRuntime(parent.parent.config(), parent.parent.clock())) {
                printStatus(runtime.announcements().service(), lang);
            }
            return 0;
        }
    }
}
