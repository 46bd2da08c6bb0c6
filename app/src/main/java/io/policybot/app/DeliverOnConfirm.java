package io.policybot.app;

import io.policybot.announcements.AnnouncementCommands;
import io.policybot.announcements.OutboxDispatcher;
import io.policybot.chat.Actions;
import io.policybot.chat.Block;
import io.policybot.chat.Inbound;
import io.policybot.chat.Reply;
import java.util.ArrayList;
import java.util.List;

/**
 * Announcements for a process with no background delivery (the console chat): an announcement confirmed here is
 * delivered here, at once, before the reply, and the reply says how it went. Without this a chat-confirmed
 * announcement stayed pending until some later CLI run sent it, stale.
 */
final class DeliverOnConfirm implements AnnouncementCommands {
    private final AnnouncementCommands announcements;
    private final OutboxDispatcher dispatcher;

    DeliverOnConfirm(AnnouncementCommands announcements, OutboxDispatcher dispatcher) {
        this.announcements = announcements;
        this.dispatcher = dispatcher;
    }

    @Override
    public List<Reply> announce(Inbound.Message message, String argument, String language) {
        return announcements.announce(message, argument, language);
    }

    @Override
    public List<Reply> onButton(Inbound.ButtonPress press, String language) {
        List<Reply> replies = announcements.onButton(press, language);
        boolean sent = press.actionId().equals(Actions.ANNOUNCE_CONFIRM)
                && replies.stream().anyMatch(r -> r.placement().equals(Reply.REPLACE));
        if (!sent) {
            return replies;
        }
        String note;
        try {
            dispatcher.resumeInFlight();
            int handled = dispatcher.drain();
            note = "zh".equals(language) ? "已在本控制台送达（" + handled + " 条消息）。发送进度见 announce status。"
                    : "Delivered from this console (" + handled + (handled == 1 ? " message" : " messages")
                    + "). See announce status for the details.";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            note = "zh".equals(language) ? "发送被中断：其余消息会在下次运行 policybot announce 时发出。"
                    : "Delivery was interrupted: the rest goes out with the next `policybot announce` run.";
        }
        List<Reply> out = new ArrayList<>(replies);
        out.add(new Reply(Reply.PRIVATE, List.of(new Block.Context(note)), note));
        return out;
    }
}
