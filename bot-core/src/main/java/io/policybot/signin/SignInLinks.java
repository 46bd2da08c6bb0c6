package io.policybot.signin;

import io.policybot.chat.Actor;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * One-time sign-in links for the web console: {@link #issue} makes a random token bound to the person's platform
 * identity (only its hash is stored), {@link #redeem} turns it into that identity once, within {@link #VALID_FOR}.
 * No web code here: the console builds the URL from the token and opens the session.
 */
public final class SignInLinks {
    public static final Duration VALID_FOR = Duration.ofMinutes(10);
    private static final int TOKEN_BYTES = 32;

    private final SignInLinkStore store;
    private final RandomGenerator random;
    private final Clock clock;

    /** @param random a cryptographically strong generator in production ({@link java.security.SecureRandom}) */
    public SignInLinks(SignInLinkStore store, RandomGenerator random, Clock clock) {
        this.store = store;
        this.random = random;
        this.clock = clock;
    }

    /** A new token for {@code actor}; the link it goes into works once, for ten minutes. */
    public String issue(Actor actor) {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        store.save(new SignInLinkStore.Link(hash(token), actor.platform(), actor.userId(),
                actor.locale().toLanguageTag(), now, now.plus(VALID_FOR), null));
        return token;
    }

    /** What a token came to. */
    public sealed interface Redeemed {
        /** The token is good: it was sent to this identity, in this locale, and is now used. */
        record SignedIn(String platform, String userId, Locale locale) implements Redeemed {
        }

        record AlreadyUsed() implements Redeemed {
        }

        record Expired() implements Redeemed {
        }

        record Unknown() implements Redeemed {
        }
    }

    public Redeemed redeem(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return new Redeemed.Unknown();
        }
        Instant now = clock.instant();
        Optional<SignInLinkStore.Consumed> found = store.consume(hash(token.strip()), now);
        if (found.isEmpty()) {
            return new Redeemed.Unknown();
        }
        SignInLinkStore.Consumed c = found.get();
        SignInLinkStore.Link link = c.link();
        if (c.won()) {
            return new Redeemed.SignedIn(link.platform(), link.userId(), Locale.forLanguageTag(link.locale()));
        }
        return link.usedAt() != null ? new Redeemed.AlreadyUsed() : new Redeemed.Expired();
    }

    /** The hex SHA-256 of a secret token: what is stored in its place (links, sessions, login states). */
    public static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
