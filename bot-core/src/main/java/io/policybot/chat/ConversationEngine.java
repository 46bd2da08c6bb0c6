package io.policybot.chat;

import java.util.List;

/**
 * The single entry point of the bot: an inbound message or button press in, the replies out.
 * Adapters call it off their platform's event thread, after acknowledging the event.
 * It never throws for bad input: failures become a polite reply.
 */
public interface ConversationEngine {

    List<Reply> handle(Inbound inbound);

    /** The person's home view (training status, what is due, buttons to start), for platforms that have one. */
    List<Block> home(Actor actor);
}
