package io.policybot;

import java.security.SecureRandom;

/**
 * Row ids made by the application rather than the database, so the same SQL runs on SQLite and PostgreSQL.
 * 13 base-36 characters (63 random bits): short enough for a button value, and never repeated after a restart
 * (a seeded test random would repeat them, which is why ids do not come from the injected random).
 */
public final class Ids {
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    public static String next() {
        String s = Long.toString(RANDOM.nextLong() >>> 1, 36);
        return "0".repeat(13 - s.length()) + s;
    }
}
