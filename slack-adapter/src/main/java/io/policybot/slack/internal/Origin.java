package io.policybot.slack.internal;

/**
 * Where an inbound came from in Slack terms, which is what placing the replies needs.
 *
 * @param userId          who wrote or pressed
 * @param channelId       the conversation, or null for a button on the App Home view
 * @param direct          the conversation is the person's DM with the bot
 * @param threadTs        the thread replies go into (a mention's thread), or null
 * @param messageTs       the message whose button was pressed (for REPLACE), or null
 * @param ephemeralSource that message was ephemeral: only its response_url can replace it
 * @param buttonPress     the inbound was a button press
 * @param responseUrl     Slack's response_url for a command or button, the last resort when the bot cannot post
 */
public record Origin(String userId, String channelId, boolean direct, String threadTs, String messageTs,
                     boolean ephemeralSource, boolean buttonPress, String responseUrl) {

    public static Origin message(String userId, String channelId, boolean direct, String threadTs, String responseUrl) {
        return new Origin(userId, channelId, direct, threadTs, null, false, false, responseUrl);
    }

    public static Origin button(String userId, String channelId, boolean direct, String threadTs, String messageTs,
                                boolean ephemeral, String responseUrl) {
        return new Origin(userId, channelId, direct, threadTs, messageTs, ephemeral, true, responseUrl);
    }

    public static Origin home(String userId) {
        return new Origin(userId, null, true, null, null, false, false, null);
    }
}
