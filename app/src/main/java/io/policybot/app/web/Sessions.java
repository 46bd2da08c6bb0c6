package io.policybot.app.web;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The console's sessions, in this process's memory: opened by a sign-in link, ended by signing out or by
 * {@code idle} without a request. Each holds the platform identity it was opened for, the language chosen and the
 * CSRF token of its forms. Roles are not kept here: they are asked again on every request.
 */
final class Sessions {
    private static final SecureRandom RANDOM = new SecureRandom();

    record Session(String id, String platform, String userId, Locale locale, String csrf, Instant lastSeen) {
        Session touched(Instant now) {
            return new Session(id, platform, userId, locale, csrf, now);
        }

        Session withLocale(Locale l) {
            return new Session(id, platform, userId, l, csrf, lastSeen);
        }
    }

    private final Map<String, Session> open = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration idle;

    Sessions(Clock clock, Duration idle) {
        this.clock = clock;
        this.idle = idle;
    }

    Session open(String platform, String userId, Locale locale) {
        Instant now = clock.instant();
        open.values().removeIf(s -> s.lastSeen().plus(idle).isBefore(now));
        Session s = new Session(token(), platform, userId, locale, token(), now);
        open.put(s.id(), s);
        return s;
    }

    /** The live session with this id, its idle clock restarted; empty when unknown or idle too long (then ended). */
    Optional<Session> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Session s = open.get(id);
        if (s == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (s.lastSeen().plus(idle).isBefore(now)) {
            open.remove(id);
            return Optional.empty();
        }
        Session t = s.touched(now);
        open.put(id, t);
        return Optional.of(t);
    }

    void update(Session s) {
        open.computeIfPresent(s.id(), (k, v) -> s);
    }

    void close(String id) {
        open.remove(id);
    }

    private static String token() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
