package io.policybot.signin;

import java.time.Instant;
import java.util.Optional;

/**
 * Where web console sessions are kept, shared by every replica: only the SHA-256 of each session id (the cookie), the
 * identity it was opened for, its language, the CSRF token of its forms and its times.
 */
public interface ConsoleSessionStore {

    /**
     * A stored session.
     *
     * @param how how it was opened ({@code link}: a one-time link from chat; {@code oidc}: single sign-on)
     */
    record Stored(String idHash, String platform, String userId, String locale, String csrf, String how,
                  Instant createdAt, Instant lastSeenAt) {
    }

    void save(Stored session);

    Optional<Stored> find(String idHash);

    /** Sets when it was last used (its idle clock starts again). */
    void touch(String idHash, Instant lastSeenAt);

    void changeLocale(String idHash, String locale);

    /** Ends it (signing out); true when there was one to end. */
    boolean delete(String idHash);

    /** Deletes every session last seen before {@code idleBefore} or opened before {@code createdBefore}. */
    int deleteExpired(Instant idleBefore, Instant createdBefore);
}
