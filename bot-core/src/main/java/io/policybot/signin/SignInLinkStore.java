package io.policybot.signin;

import java.time.Instant;
import java.util.Optional;

/** Where sign-in links are kept: only the hash of each token, who it was sent to, when it expires, when it was used. */
public interface SignInLinkStore {

    /** A stored link: the identity it is bound to and its times ({@code usedAt} null while unused). */
    record Link(String tokenHash, String platform, String userId, String locale, Instant createdAt, Instant expiresAt,
                Instant usedAt) {
    }

    void save(Link link);

    /**
     * Marks the link used at {@code now} if it is unused and not expired, in one statement (two tabs racing on the
     * same link: one wins). Returns the link as it was before, whatever happened, or empty when there is none.
     */
    Optional<Consumed> consume(String tokenHash, Instant now);

    /** @param won whether this call marked it used (false: it was used before, or it had expired) */
    record Consumed(Link link, boolean won) {
    }
}
