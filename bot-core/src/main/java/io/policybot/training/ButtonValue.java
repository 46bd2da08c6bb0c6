package io.policybot.training;

/**
 * What a training answer button carries: {@code <session id>:<question or step index>:<choice as shown>}.
 * About 20 characters, well under Discord's 100 for a whole custom id.
 */
record ButtonValue(String sessionId, int index, int choice) {

    String encode() {
        return sessionId + ":" + index + ":" + choice;
    }

    /** The value, or null when it is not one of ours (an old format, a forged press). */
    static ButtonValue parse(String value) {
        String[] parts = value == null ? new String[0] : value.split(":");
        if (parts.length != 3 || parts[0].isEmpty() || parts[0].length() > 32) {
            return null;
        }
        try {
            int index = Integer.parseInt(parts[1]);
            int choice = Integer.parseInt(parts[2]);
            return index < 0 || choice < 0 ? null : new ButtonValue(parts[0], index, choice);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
