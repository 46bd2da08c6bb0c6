package io.policybot.app;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** The console conversation, through the same engine as Slack and Discord. */
@Command(name = "chat", description = "Chat with the bot in this terminal: ask, quiz, roleplay, status, help, quit.")
final class ChatCommand implements Callable<Integer> {
    @ParentCommand
    PolicyBotCommand parent;

    @Option(names = "--user", paramLabel = "ID", description = "Who you are in the console (default: $USER).")
    String user;

    @Option(names = "--lang", paramLabel = "LANG", description = "Your language for the bot's own words (en, zh...).")
    String lang;

    @Override
    public Integer call() throws Exception {
        return run(parent, user, lang);
    }

    int run(PolicyBotCommand root, String userId, String language) throws Exception {
        String who = userId != null ? userId : System.getenv().getOrDefault("USER", "console-user");
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        try (BotRuntime runtime = new BotRuntime(root.config(), root.clock())) {
            ConsoleChat chat = new ConsoleChat(runtime.engine(), who, language == null ? null : Locale.forLanguageTag(language),
                    new ConsoleRenderer(runtime.config().dataDir().resolve("files")));
            chat.run(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)), out, System.console() != null);
        }
        return 0;
    }
}
