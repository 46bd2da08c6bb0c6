package io.policybot.questions;

/** A thumbs up or down on an answer. */
public enum Vote {
    UP, DOWN;

    public String code() {
        return this == UP ? "up" : "down";
    }

    public static Vote fromCode(String code) {
        return "up".equals(code) ? UP : DOWN;
    }
}
