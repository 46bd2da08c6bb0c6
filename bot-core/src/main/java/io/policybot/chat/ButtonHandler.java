package io.policybot.chat;

import java.util.List;
import java.util.Set;

/**
 * The presses of one capability's buttons: those whose action id starts with one of its {@link #prefixes()}
 * ({@code "quiz."}, {@code "announce."}). The engine routes each press to the handler with the longest matching
 * prefix; a press no handler takes, or one its handler returns nothing for, gets a polite "stale button" reply.
 */
public interface ButtonHandler {

    /** The action-id prefixes this handler takes, each ending in a dot. */
    Set<String> prefixes();

    /** The replies to a press; empty when the press is stale (an unknown action, an id no longer known). */
    List<Reply> onButton(Inbound.ButtonPress press, String language);
}
