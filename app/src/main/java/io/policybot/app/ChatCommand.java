package io.policybot.app;

import java.nio.file.Files;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** The console conversation, through the same engine as Slack and Discord. */
@Command(name = "chat", description = {"Chat with the bot in this terminal: ask, quiz, roleplay, status, cancel, help, quit.",
        "Line editing and history (Up/Down) in a terminal; from a pipe, one message per line (for scripts).",
        "A --content directory is watched: a saved change is validated and published without a restart."})
final class ChatCommand implements Callable<Integer> {
    @ParentCommand
    PolicyBotCommand parent;

    @Option(names = "--user", paramLabel = "ID", description = "Who you are in the console (default: $USER).")
    String user;

    @Option(names = "--lang", paramLabel = "LANG", description = "Your language for the bot's own words: one the content "
            + "has (en, zh...).")
    String lang;

    @Override
    public Integer call() throws Exception {
        return run(parent, user, lang);
    }

    int run(PolicyBotCommand root, String userId, String language) throws Exception {
        String who = userId != null ? userId : System.getenv().getOrDefault("USER", "console-user");
        Locale locale = language == null ? null : Locale.forLanguageTag(language);
        if (locale != null && (locale.getLanguage().isEmpty() || !language.matches("[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*"))) {
            throw new BadUsage("--lang takes a language code such as en or zh, not \"" + language + "\"");
        }
        AppConfig config = root.config();
        boolean fresh = !Files.exists(config.dataDir().resolve("policybot.db"));
        String uiLang = locale == null ? "en" : locale.getLanguage();
        io.policybot.text.Messages words = io.policybot.text.Messages.of("console", uiLang);
        // The first start on a new data directory computes the section embeddings: say so rather than show nothing.
        System.err.println(words.get(fresh && config.embeddings() ? "loading.first" : "loading"));
        try (BotRuntime runtime = BotRuntime.console(config, root.clock());
             ConsoleLines lines = ConsoleLines.open(config.dataDir().resolve("console-history"))) {
            Set<String> languages = runtime.answerer().library().languages();
            if (locale != null && !languages.contains(locale.getLanguage())) {
                throw new BadUsage("the content has no \"" + language + "\": --lang takes one of "
                        + String.join(", ", languages.stream().sorted().toList()));
            }
            if (fresh) {
                System.err.println(words.get("data.new", config.dataDir().toAbsolutePath().normalize()));
            }
            ConsoleChat chat = new ConsoleChat(runtime.engine(), who, locale,
                    new ConsoleRenderer(runtime.config().dataDir().resolve("files")));
            // This person's DMs (announcements, reminders) appear in the chat, with buttons they can press.
            runtime.consoleGateway().openInbox(who, blocks -> lines.printAbove(chat.dm(blocks)), lines::printAbove);
            runtime.startDelivery();
            try (ContentWatcher watcher = ContentWatcher.forRuntime(runtime, Duration.ofSeconds(1),
                    message -> lines.printAbove("(" + message + ")"))) {
                chat.run(lines, runtime.services().announcements().unacknowledgedDms("console", who));
            }
        }
        return ExitCodes.OK;
    }
}
