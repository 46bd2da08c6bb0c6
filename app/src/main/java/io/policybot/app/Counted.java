package io.policybot.app;

/** A count with its noun, singular for one: "1 table", "3 tables" (the CLI's English reports). */
final class Counted {
    private Counted() {
    }

    static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
