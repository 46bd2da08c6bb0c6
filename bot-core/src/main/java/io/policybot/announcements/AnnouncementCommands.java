package io.policybot.announcements;

import io.policybot.chat.Block;
import io.policybot.chat.Inbound;
import io.policybot.chat.Reply;
import java.util.List;

/**
 * What the conversation engine asks of the announcements capability: HR's {@code announce} command (already
 * authorised by the caller) and the buttons of announcements (confirm, cancel, "I have read it", update quiz).
 */
public interface AnnouncementCommands {

    /** HR asked to announce; {@code argument} is the rest of the command ("", a policy id, "status"). */
    List<Reply> announce(Inbound.Message message, String argument, String language);

    /** A press of {@code announce.*}, {@code update.quiz.start}; an empty list when the action is not one of these. */
    List<Reply> onButton(Inbound.ButtonPress press, String language);

    /** Until announcements are configured. */
    static AnnouncementCommands none() {
        return new AnnouncementCommands() {
            @Override
            public List<Reply> announce(Inbound.Message message, String argument, String language) {
                String text = "Announcements are not configured.";
                return List.of(new Reply(Reply.PRIVATE, List.of(new Block.Text(text)), text));
            }

            @Override
            public List<Reply> onButton(Inbound.ButtonPress press, String language) {
                return List.of();
            }
        };
    }
}
