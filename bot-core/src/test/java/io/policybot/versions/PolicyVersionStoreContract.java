package io.policybot.versions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.policybot.testing.StoreContract;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The contract of every {@link PolicyVersionStore} implementation, on every database. */
public abstract class PolicyVersionStoreContract extends StoreContract {
    private static final Instant T0 = Instant.parse("2026-11-10T09:00:00.123Z");

    private static PublishedVersion version(String v, LocalDate effective) {
        return new PublishedVersion("social-media", v, 0, effective, "fp-" + v, T0.plusNanos(456),
                Map.of("en", List.of(new SectionFingerprint("scope", 0, "Scope", "Who it covers", "h1"),
                        new SectionFingerprint("linkedin", 1, "LinkedIn", "Say you work here", "h2")),
                        "zh", List.of(new SectionFingerprint("scope", 0, "范围", "适用对象", "h3"))));
    }

    @Test
    void versionsAreNumberedInPublicationOrderWithTheirSections() {
        PolicyVersionStore store = stores().versions();
        PublishedVersion first = store.append(version("1.0", LocalDate.parse("2026-11-01"))).orElseThrow();
        assertEquals(1, first.seq());
        assertEquals(T0, first.publishedAt()); // stored to the millisecond, and returned as stored
        PublishedVersion second = store.append(version("1.1", null)).orElseThrow();
        assertEquals(2, second.seq());
        assertEquals(Optional.of(second), store.latest("social-media"));
        assertEquals(first, store.find("social-media", "1.0").orElseThrow());
        assertEquals(first, store.previous("social-media", "1.1").orElseThrow());
        assertTrue(store.previous("social-media", "1.0").isEmpty());
        assertEquals(List.of("1.0", "1.1"), store.history("social-media").stream().map(PublishedVersion::version).toList());
        assertEquals(2, store.find("social-media", "1.1").orElseThrow().sections().get("en").size());
        assertTrue(store.latest("other").isEmpty());
    }

    @Test
    void publishingAVersionAgainChangesNothingEvenFromManyReplicasAtOnce() throws Exception {
        assertTrue(stores().versions().append(version("1.0", null)).isPresent());
        assertTrue(stores().versions().append(version("1.0", null)).isEmpty());
        List<PolicyVersionStore> replicas = List.of(stores().versions(), replica().versions(), replica().versions());
        List<Callable<Optional<PublishedVersion>>> calls = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            PolicyVersionStore s = replicas.get(i % replicas.size());
            calls.add(() -> s.append(version("2.0", null)));
        }
        int published = 0;
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Future<Optional<PublishedVersion>> f : pool.invokeAll(calls)) {
                published += f.get().isPresent() ? 1 : 0;
            }
        }
        assertEquals(1, published);
        assertEquals(List.of(1, 2), stores().versions().history("social-media").stream().map(PublishedVersion::seq).toList());
    }
}
