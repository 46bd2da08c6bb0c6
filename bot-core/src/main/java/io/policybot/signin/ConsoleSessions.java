package io.policybot.signin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Web console sessions, in the database so that every replica behind a load balancer knows them. A session is
 * opened by a one-time link or by single sign-on and ends when the person signs out, after {@code idle} without a
 * request, or {@code lifetime} after it was opened, whatever happens in between. The cookie holds a random id; only
 * its hash is stored, so a copy of the database cannot be used to sign in. Roles are not kept: they are asked again
 * on every request.
 */
public final class ConsoleSessions {
    /** A request within this long of the last one does not write the session again (idle is counted in minutes). */
    static final Duration TOUCH_EVERY = Duration.ofMinutes(1);
    private static final int ID_BYTES = 32;

    private final ConsoleSessionStore store;
    private final RandomGenerator random;
    private final Clock clock;
    private final Duration idle;
    private final Duration lifetime;

    /** @param random a cryptographically strong generator in production ({@link java.security.SecureRandom}) */
    public ConsoleSessions(ConsoleSessionStore store, RandomGenerator random, Clock clock, Duration idle,
                           Duration lifetime) {
        if (idle.isNegative() || idle.isZero() || lifetime.compareTo(idle) < 0) {
            throw new IllegalArgumentException("a session needs idle > 0 and lifetime >= idle: " + idle + ", " + lifetime);
        }
        this.store = store;
        this.random = random;
        this.clock = clock;
        this.idle = idle;
        this.lifetime = lifetime;
    }

    /** An open session: {@code id} is the cookie's value (never stored), {@code csrf} the token of its forms. */
    public record Session(String id, String platform, String userId, Locale locale, String csrf, String how) {
    }

    /** Opens a session for this identity; ended sessions of anyone are cleaned up on the way. */
    public Session open(String platform, String userId, Locale locale, String how) {
        Instant now = clock.instant();
        store.deleteExpired(now.minus(idle), now.minus(lifetime));
        String id = token();
        String csrf = token();
        store.save(new ConsoleSessionStore.Stored(hash(id), platform, userId, locale.toLanguageTag(), csrf, how, now,
                now));
        return new Session(id, platform, userId, locale, csrf, how);
    }

    /** The live session with this cookie value, its idle clock restarted; empty when unknown or ended (then deleted). */
    public Optional<Session> find(String id) {
        if (id == null || id.isBlank() || id.length() > 100) {
            return Optional.empty();
        }
        String h = hash(id);
        Optional<ConsoleSessionStore.Stored> found = store.find(h);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ConsoleSessionStore.Stored s = found.get();
        Instant now = clock.instant();
        if (!now.isBefore(s.lastSeenAt().plus(idle)) || !now.isBefore(s.createdAt().plus(lifetime))) {
            store.delete(h);
            return Optional.empty();
        }
        if (!now.isBefore(s.lastSeenAt().plus(TOUCH_EVERY))) {
            store.touch(h, now);
        }
        return Optional.of(new Session(id, s.platform(), s.userId(), Locale.forLanguageTag(s.locale()), s.csrf(),
                s.how()));
    }

    public void changeLocale(Session s, Locale locale) {
        store.changeLocale(hash(s.id()), locale.toLanguageTag());
    }

    /** Signs out: the session is deleted, on every replica at once. */
    public void close(String id) {
        if (id != null && !id.isBlank()) {
            store.delete(hash(id));
        }
    }

    private String token() {
        byte[] b = new byte[ID_BYTES];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    static String hash(String id) {
        return SignInLinks.hash(id);
    }

    /** Whether two secrets are equal, in time that does not depend on where they differ. */
    public static boolean same(String a, String b) {
        return a != null && b != null && MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8),
                b.getBytes(StandardCharsets.UTF_8));
    }
}
