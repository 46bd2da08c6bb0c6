package io.policybot.app;

import io.policybot.conversation.Actor;
import io.policybot.conversation.Button;
import io.policybot.conversation.ChannelRef;
import io.policybot.conversation.ConversationEngine;
import io.policybot.conversation.Inbound;
import io.policybot.conversation.Reply;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The console as a chat platform: each line is a message to the engine; a number presses the button shown with it.
 * The same engine serves Slack and Discord, so what works here works there.
 */
final class ConsoleChat {
    private final ConversationEngine engine;
    private final Actor actor;
    private final ConsoleRenderer renderer;
    private final ChannelRef channel = new ChannelRef("console", true);
    private List<Button> buttons = List.of();

    ConsoleChat(ConversationEngine engine, String userId, Locale locale, ConsoleRenderer renderer) {
        this.engine = engine;
        this.actor = new Actor("console", userId, userId, locale);
        this.renderer = renderer;
    }

    void run(BufferedReader in, PrintStream out, boolean prompt) throws IOException {
        out.println("PolicyBot console. Ask a policy question, or type help, quiz, roleplay, status; quit to leave.");
        while (true) {
            if (prompt) {
                out.print("> ");
                out.flush();
            }
            String line = in.readLine();
            if (line == null) {
                return;
            }
            String text = line.strip();
            if (text.equalsIgnoreCase("quit") || text.equalsIgnoreCase("exit") || text.equals("退出")) {
                out.println("Bye.");
                return;
            }
            if (text.isEmpty()) {
                continue;
            }
            out.println(send(text));
            out.println();
        }
    }

    /** One line in, the rendered replies out. */
    String send(String text) {
        Inbound inbound;
        if (text.matches("\\d{1,2}") && Integer.parseInt(text) >= 1 && Integer.parseInt(text) <= buttons.size()) {
            Button b = buttons.get(Integer.parseInt(text) - 1);
            inbound = new Inbound.ButtonPress(actor, channel, b.actionId(), b.value());
        } else {
            inbound = new Inbound.Message(actor, channel, text, Inbound.Message.Kind.DIRECT_MESSAGE);
        }
        List<Reply> replies = engine.handle(inbound);
        List<Button> shown = new ArrayList<>();
        String rendered = renderer.render(replies, shown);
        // Keep the previous choices when a reply shows none (a "thanks" for a vote): the quiz buttons still work.
        if (!shown.isEmpty()) {
            buttons = shown;
        }
        return rendered;
    }
}
