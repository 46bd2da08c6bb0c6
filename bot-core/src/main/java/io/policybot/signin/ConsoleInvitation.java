package io.policybot.signin;

import io.policybot.chat.Actor;
import io.policybot.chat.Block;
import io.policybot.chat.Reply;
import io.policybot.text.Messages;
import java.util.List;

/**
 * The {@code console} command: a one-time sign-in link to the web console, sent to the person in a DM. Anyone may
 * ask: what they see there is scoped by the same roles as in chat (employee: their own record).
 *
 * @param consoleUrl where the console is served ({@code https://policybot.example.com/console}), or null when the
 *                   web console is not enabled (the reply says so)
 */
public record ConsoleInvitation(SignInLinks links, String consoleUrl) {
    private static final String BUNDLE = "signin";

    public ConsoleInvitation {
        consoleUrl = consoleUrl == null || consoleUrl.isBlank() ? null : consoleUrl.strip().replaceAll("/+$", "");
    }

    /** Not enabled: every {@code console} gets a reply saying how to turn it on. */
    public static ConsoleInvitation disabled() {
        return new ConsoleInvitation(null, null);
    }

    public List<Reply> invite(Actor actor, String language) {
        Messages m = Messages.of(BUNDLE, language);
        if (links == null || consoleUrl == null) {
            String text = m.get("console.disabled");
            return List.of(new Reply(Reply.PRIVATE, List.of(new Block.Text(text)), text));
        }
        // A person whose client sends no locale (the console chat without --lang) gets the session in the language
        // this conversation is in.
        Actor bound = actor.locale() != null ? actor : new Actor(actor.platform(), actor.userId(), actor.displayName(),
                java.util.Locale.forLanguageTag(language), actor.groups());
        String url = consoleUrl + "/signin?token=" + links.issue(bound);
        String text = m.get("console.link", url, SignInLinks.VALID_FOR.toMinutes());
        return List.of(new Reply(Reply.DM, List.of(new Block.Heading(m.get("console.title")), new Block.Text(text)),
                m.get("console.title")));
    }
}
