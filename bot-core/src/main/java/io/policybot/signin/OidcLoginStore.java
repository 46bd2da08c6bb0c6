package io.policybot.signin;

import java.time.Instant;
import java.util.Optional;

/**
 * Single sign-on logins under way, shared by every replica (the identity provider may send the browser back to
 * another one than it left): the hash of the state sent to the provider, with its nonce and PKCE code verifier.
 */
public interface OidcLoginStore {

    record Pending(String stateHash, String nonce, String codeVerifier, String locale, Instant createdAt,
                   Instant expiresAt) {
    }

    /** Keeps a new login; logins expired a day ago or more are deleted on the way. */
    void save(Pending login);

    /**
     * Uses the login of this state if it is unused and not expired at {@code now}, in one statement (a replayed or
     * doubled callback: one wins). Empty when it was unknown, used before or expired.
     */
    Optional<Pending> consume(String stateHash, Instant now);
}
