package io.policybot.discord;

import io.policybot.chat.ConversationEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.dv8tion.jda.api.components.Component;
import net.dv8tion.jda.api.components.buttons.Button;

/**
 * A real {@link DiscordListener} fed mocked JDA events ({@link FakeDiscord}), for tests outside this package
 * (the app's parity test). Every call returns once the engine answered and the replies were sent.
 * Events come from one user, {@link #USER_ID}, in their DM with the bot.
 */
public final class DiscordTestDriver implements AutoCloseable {
    public static final String USER_ID = FakeDiscord.USER_ID;

    private final Harness harness = new Harness();
    private final DiscordListener listener;

    public DiscordTestDriver(ConversationEngine engine) {
        this.listener = harness.listener(engine);
    }

    /** A message in the person's DM with the bot. */
    public void directMessage(String messageId, String text) {
        Harness.await(listener.message(harness.discord.message(messageId, text, false, false)));
    }

    /** A press of the button with {@code customId} on a message in the DM. */
    public void pressButton(String interactionId, String customId) {
        Harness.await(listener.button(harness.discord.button(interactionId, customId, false, false)));
    }

    /** {@code /policy <subcommand>} used in the DM. */
    public void slashCommand(String interactionId, String subcommand, Map<String, String> options) {
        Harness.await(listener.slashCommand(harness.discord.slash(interactionId, subcommand, false, options)));
    }

    /** The buttons of every message sent or edited so far, in order: label to custom id, as Discord shows them. */
    public List<Map.Entry<String, String>> sentButtons() {
        List<Map.Entry<String, String>> buttons = new ArrayList<>();
        for (FakeDiscord.Sent sent : harness.discord.sent) {
            var rows = sent.create() != null ? sent.create().getComponents() : sent.edit().getComponents();
            for (var component : rows) {
                if (component.getType() == Component.Type.ACTION_ROW) {
                    for (Button b : component.asActionRow().getButtons()) {
                        buttons.add(Map.entry(b.getLabel(), b.getCustomId()));
                    }
                }
            }
        }
        return buttons;
    }

    @Override
    public void close() {
        harness.close();
    }
}
