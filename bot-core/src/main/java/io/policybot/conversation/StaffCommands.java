package io.policybot.conversation;

import io.policybot.chat.ButtonHandler;
import java.util.List;
import java.util.Set;
import io.policybot.chat.Actor;
import io.policybot.chat.Block;
import io.policybot.chat.Inbound;
import io.policybot.chat.Reply;

/**
 * The commands for HR and managers (report, gaps, announce) and the buttons of announcements. Kept behind this
 * port so the engine can run without them (tests, a process with no staff features).
 */
public interface StaffCommands extends ButtonHandler {

    /** The buttons of announcements. */
    @Override
    default Set<String> prefixes() {
        return Set.of("announce.");
    }

    /** @param command "report", "gaps" or "announce"; {@code argument} is the rest of the message */
    List<Reply> handle(String command, String argument, Inbound.Message message, String language);

    @Override
    List<Reply> onButton(Inbound.ButtonPress press, String language);

    /** The staff commands {@code actor}'s role allows ("report", "gaps", "announce"), for the help text. */
    default List<String> commandsFor(Actor actor) {
        return List.of();
    }

    /** Until the staff features are configured: every such command gets a clear "not available" reply. */
    static StaffCommands unavailable() {
        return new StaffCommands() {
            @Override
            public List<Reply> handle(String command, String argument, Inbound.Message message, String language) {
                String text = language.equals("zh") ? "“" + command + "”功能尚未启用。" : "The " + command + " command is not available yet.";
                return List.of(new Reply(Reply.PRIVATE, List.of(new Block.Text(text)), text));
            }

            @Override
            public List<Reply> onButton(Inbound.ButtonPress press, String language) {
                String text = language.equals("zh") ? "这个按钮已失效。" : "That button no longer works.";
                return List.of(new Reply(Reply.PRIVATE, List.of(new Block.Text(text)), text));
            }
        };
    }
}
