package io.policybot.slack.internal;

import java.util.regex.Pattern;

/**
 * Slack wants each action_id unique within its actions block, while the engine may show two buttons with the
 * same action (quiz answers): the button's position goes after a '#', and comes off again on the way back.
 */
public final class ActionIds {
    /** What Bolt routes to the engine: an engine action id, optionally with its position. */
    public static final Pattern ENGINE_ACTION = Pattern.compile("^[a-z]+(\\.[a-z]+)+(#\\d+)?$");

    private ActionIds() {
    }

    public static String encode(String actionId, int index) {
        return actionId + "#" + index;
    }

    public static String decode(String slackActionId) {
        int hash = slackActionId.lastIndexOf('#');
        return hash < 0 ? slackActionId : slackActionId.substring(0, hash);
    }
}
