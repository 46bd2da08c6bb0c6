package io.policybot.app;

import io.policybot.chat.Actor;
import io.policybot.chat.Block;
import io.policybot.chat.Button;
import io.policybot.chat.ChannelRef;
import io.policybot.chat.ConversationEngine;
import io.policybot.chat.Inbound;
import io.policybot.chat.Reply;
import io.policybot.text.Messages;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The console as a chat platform: each line is a message to the engine; a number presses the button shown with it.
 * The same engine serves Slack and Discord, so what works here works there. DMs the bot sends this person (an
 * announcement with its "I have read it" button) are shown as they arrive, and their buttons can be pressed.
 */
final class ConsoleChat {
    private static final Set<String> LEAVE = Set.of("quit", "exit", "bye", "退出", "再见");
    private static final Set<String> HELP = Set.of("help", "?", "帮助", "/help");

    private final ConversationEngine engine;
    private final Actor actor;
    private final ConsoleRenderer renderer;
    private final Messages words;
    private final ChannelRef channel = new ChannelRef("console", true);
    private List<Button> buttons = List.of();

    ConsoleChat(ConversationEngine engine, String userId, Locale locale, ConsoleRenderer renderer) {
        this.engine = engine;
        this.actor = new Actor("console", userId, userId, locale);
        this.renderer = renderer;
        this.words = Messages.of("console", locale == null ? "en" : locale.getLanguage());
    }

    /** The console's own words ("Bye.", the banner) in the person's language. */
    Messages words() {
        return words;
    }

    void run(ConsoleLines lines) throws IOException {
        run(lines, List.of());
    }

    /** @param waiting DMs sent while the person was away (unacknowledged announcements), newest first */
    void run(ConsoleLines lines, List<List<Block>> waiting) throws IOException {
        lines.out().println(words.get("banner"));
        if (!waiting.isEmpty()) {
            // The newest one, with its buttons live; the earlier ones are only counted.
            lines.out().println();
            lines.out().println(dm(waiting.getFirst()));
            if (waiting.size() > 1) {
                lines.out().println(words.get("dm.earlier", waiting.size() - 1));
            }
            lines.out().println();
        }
        while (true) {
            String line = lines.readLine();
            if (line == null) {
                return;
            }
            String text = line.strip();
            if (LEAVE.contains(text.toLowerCase(Locale.ROOT))) {
                lines.out().println(words.get("bye"));
                return;
            }
            if (text.isEmpty()) {
                continue;
            }
            String reply = send(text);
            if (HELP.contains(text.toLowerCase(Locale.ROOT))) {
                reply = reply + "\n" + words.get("help.console");
            }
            synchronized (this) {
                lines.out().println(reply);
                lines.out().println();
            }
        }
    }

    /** One line in, the rendered replies out. */
    synchronized String send(String text) {
        Inbound inbound;
        if (text.matches("\\d{1,2}") && Integer.parseInt(text) >= 1 && Integer.parseInt(text) <= buttons.size()) {
            Button b = buttons.get(Integer.parseInt(text) - 1);
            inbound = new Inbound.ButtonPress(actor, channel, b.actionId(), b.value());
        } else {
            inbound = new Inbound.Message(actor, channel, text, Inbound.Message.Kind.DIRECT_MESSAGE);
        }
        return show(engine.handle(inbound));
    }

    /** A DM for this person from the bot (the outbox): rendered, its buttons numbered and pressable from now on. */
    synchronized String dm(List<Block> blocks) {
        return words.get("dm") + "\n" + show(List.of(new Reply(Reply.SAME, blocks, "")));
    }

    private String show(List<Reply> replies) {
        List<Button> shown = new ArrayList<>();
        String rendered = renderer.render(replies, shown);
        // Keep the previous choices when a reply shows none (a "thanks" for a vote): the quiz buttons still work.
        if (!shown.isEmpty()) {
            buttons = shown;
        }
        return rendered;
    }
}
