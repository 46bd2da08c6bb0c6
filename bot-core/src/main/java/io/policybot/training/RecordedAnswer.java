package io.policybot.training;

import java.time.Instant;

/**
 * One answer in a session.
 *
 * @param index   the question (or role-play step) number in the session, from 0; unique per session
 * @param itemId  the question id or step id
 * @param choice  the option or choice chosen, numbered as in the content file (not as shuffled on screen)
 * @param correct the right option, or a best choice
 */
public record RecordedAnswer(String sessionId, int index, String itemId, int choice, boolean correct,
                             Instant answeredAt) {
}
