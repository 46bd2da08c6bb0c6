package io.policybot.signin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.policybot.signin.sql.SqlConsoleSessionStore;
import io.policybot.signin.sql.SqlOidcLoginStore;
import io.policybot.store.Database;
import io.policybot.store.Sql;
import io.policybot.testing.TestClock;
import io.policybot.testing.StoreContract;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The contract of web console sessions and single sign-on logins on every database: two replicas on one database
 * share them, only hashes are stored, idle and absolute expiry, sign-out everywhere, a state used once.
 */
public abstract class ConsoleSessionsContract extends StoreContract {
    private static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");
    private static final Duration IDLE = Duration.ofMinutes(30);
    private static final Duration LIFETIME = Duration.ofHours(12);
    private final TestClock clock = TestClock.at(T0.toString());

    private ConsoleSessions sessions(Database db) {
        return new ConsoleSessions(new SqlConsoleSessionStore(db), new SecureRandom(), clock, IDLE, LIFETIME);
    }

    @Test
    void aSessionOpenedOnOneReplicaIsKnownOnTheOtherAndOnlyItsHashIsStored() {
        ConsoleSessions a = sessions(database());
        ConsoleSessions b = sessions(replicaDatabase());
        ConsoleSessions.Session s = a.open("slack", "U1", Locale.forLanguageTag("zh"), "link");
        ConsoleSessions.Session there = b.find(s.id()).orElseThrow();
        assertEquals("U1", there.userId());
        assertEquals("slack", there.platform());
        assertEquals("zh", there.locale().getLanguage());
        assertEquals(s.csrf(), there.csrf(), "the other replica accepts the forms of this session");
        assertEquals("link", there.how());
        List<String> stored = database().read(c -> Sql.list(c, "SELECT id_hash FROM console_session", r -> r.string(1)));
        assertEquals(List.of(ConsoleSessions.hash(s.id())), stored);
        assertFalse(stored.contains(s.id()), "the cookie's value is not in the database");
        assertTrue(b.find(s.id() + "x").isEmpty());
        assertTrue(b.find("").isEmpty());
        assertTrue(b.find(null).isEmpty());
        assertNotEquals(s.id(), a.open("slack", "U1", Locale.ENGLISH, "link").id(), "each sign-in is a new session");
    }

    @Test
    void signingOutOnOneReplicaEndsTheSessionOnTheOther() {
        ConsoleSessions a = sessions(database());
        ConsoleSessions b = sessions(replicaDatabase());
        ConsoleSessions.Session s = a.open("discord", "42", Locale.ENGLISH, "oidc");
        ConsoleSessions.Session other = a.open("discord", "43", Locale.ENGLISH, "oidc");
        b.close(s.id());
        assertTrue(a.find(s.id()).isEmpty());
        assertTrue(b.find(s.id()).isEmpty());
        assertTrue(a.find(other.id()).isPresent(), "only that session ends");
    }

    @Test
    void aSessionEndsAfterTheIdleTimeButEachRequestOnAnyReplicaRestartsIt() {
        ConsoleSessions a = sessions(database());
        ConsoleSessions b = sessions(replicaDatabase());
        ConsoleSessions.Session s = a.open("slack", "U1", Locale.ENGLISH, "link");
        clock.advance(IDLE.minusMinutes(1));
        assertTrue(b.find(s.id()).isPresent(), "29 minutes idle: still open");
        clock.advance(IDLE.minusMinutes(1));
        assertTrue(a.find(s.id()).isPresent(), "the request on the other replica restarted the idle clock");
        clock.advance(IDLE);
        assertTrue(b.find(s.id()).isEmpty(), "30 minutes without a request: ended");
        assertTrue(a.find(s.id()).isEmpty());
        assertEquals(0L, (long) database().read(c -> Sql.number(c, "SELECT COUNT(*) FROM console_session")),
                "an ended session is deleted");
    }

    @Test
    void aSessionInUseStillEndsAtItsAbsoluteLifetime() {
        ConsoleSessions a = sessions(database());
        ConsoleSessions.Session s = a.open("slack", "U1", Locale.ENGLISH, "link");
        for (Duration used = Duration.ZERO; used.compareTo(LIFETIME.minusMinutes(20)) < 0; used = used.plusMinutes(20)) {
            clock.advance(Duration.ofMinutes(20));
            assertTrue(a.find(s.id()).isPresent(), "in use after " + used.plusMinutes(20));
        }
        clock.advance(Duration.ofMinutes(20));
        assertTrue(a.find(s.id()).isEmpty(), "12 hours after sign-in, however busy");
    }

    @Test
    void openingASessionCleansUpEndedOnesAndALanguageChangeIsSeenEverywhere() {
        ConsoleSessions a = sessions(database());
        ConsoleSessions b = sessions(replicaDatabase());
        a.open("slack", "OLD", Locale.ENGLISH, "link");
        clock.advance(IDLE.plusMinutes(1));
        ConsoleSessions.Session s = a.open("slack", "U2", Locale.ENGLISH, "link");
        assertEquals(List.of("U2"), database().read(c -> Sql.list(c, "SELECT user_id FROM console_session",
                r -> r.string(1))));
        a.changeLocale(s, Locale.forLanguageTag("zh"));
        assertEquals("zh", b.find(s.id()).orElseThrow().locale().getLanguage());
    }

    @Test
    void aLoginStateIsUsedOnceWhicheverReplicaTheCallbackReaches() throws Exception {
        OidcLoginStore a = new SqlOidcLoginStore(database());
        OidcLoginStore b = new SqlOidcLoginStore(replicaDatabase());
        a.save(new OidcLoginStore.Pending("h1", "nonce-1", "verifier-1", "zh", T0, T0.plusSeconds(600)));
        List<OidcLoginStore> replicas = List.of(a, b);
        List<Callable<Optional<OidcLoginStore.Pending>>> callbacks = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            OidcLoginStore at = replicas.get(i % 2);
            callbacks.add(() -> at.consume("h1", T0.plusSeconds(30)));
        }
        List<OidcLoginStore.Pending> won = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Future<Optional<OidcLoginStore.Pending>> f : pool.invokeAll(callbacks)) {
                f.get().ifPresent(won::add);
            }
        }
        assertEquals(1, won.size(), "a replayed state is refused");
        assertEquals("nonce-1", won.get(0).nonce());
        assertEquals("verifier-1", won.get(0).codeVerifier());
        assertEquals("zh", won.get(0).locale());
        assertTrue(a.consume("unknown", T0).isEmpty());
    }

    @Test
    void anExpiredLoginStateIsRefusedAndOldOnesAreDeleted() {
        OidcLoginStore a = new SqlOidcLoginStore(database());
        a.save(new OidcLoginStore.Pending("old", "n", "v", "en", T0, T0.plusSeconds(600)));
        assertTrue(a.consume("old", T0.plusSeconds(600)).isEmpty(), "expired at ten minutes");
        a.save(new OidcLoginStore.Pending("new", "n", "v", "en", T0.plus(Duration.ofDays(2)),
                T0.plus(Duration.ofDays(2)).plusSeconds(600)));
        assertEquals(List.of("new"), database().read(c -> Sql.list(c, "SELECT state_hash FROM oidc_login",
                r -> r.string(1))));
    }
}
