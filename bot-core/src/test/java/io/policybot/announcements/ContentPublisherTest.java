package io.policybot.announcements;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.policybot.testing.TestClock;
import io.policybot.testing.TestContent;
import io.policybot.testing.TestDatabase;
import io.policybot.versions.ContentChanges;
import io.policybot.versions.ContentPublisher;
import io.policybot.versions.SectionFingerprint;
import io.policybot.versions.sql.SqlPolicyVersionStore;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ContentPublisherTest {
    @RegisterExtension
    final TestDatabase db = new TestDatabase();
    final TestClock clock = TestClock.at("2026-11-10T09:00:00Z");

    @Test
    void theSameContentPublishesNoNewVersion() {
        SqlPolicyVersionStore store = new SqlPolicyVersionStore(db.database());
        ContentPublisher publisher = new ContentPublisher(store, clock);
        assertEquals(ContentPublisher.Outcome.FIRST, publisher.publish(TestContent.bundled()).getFirst().outcome());
        assertEquals(ContentPublisher.Outcome.UNCHANGED, publisher.publish(TestContent.bundled()).getFirst().outcome());
        assertEquals(1, store.history(Fixtures.POLICY).size());
        assertEquals(20, store.latest(Fixtures.POLICY).orElseThrow().sections().get("zh").size());
    }

    @Test
    void changedAddedAndRemovedSectionsAreFoundInEveryLanguage() {
        SqlPolicyVersionStore store = new SqlPolicyVersionStore(db.database());
        ContentPublisher publisher = new ContentPublisher(store, clock);
        publisher.publish(TestContent.bundled());
        var result = publisher.publish(Fixtures.edit(TestContent.bundled(), "1.1", Set.of(Fixtures.CHANGED),
                Set.of(Fixtures.REMOVED))).getFirst();
        assertEquals(ContentPublisher.Outcome.NEW_VERSION, result.outcome());
        for (String lang : Set.of("en", "zh")) {
            ContentChanges.Language l = result.changes().in(lang);
            assertEquals(Set.of(Fixtures.CHANGED), ids(l.changed()), lang);
            assertEquals(Set.of(Fixtures.REMOVED), ids(l.removed()), lang);
            assertTrue(l.added().isEmpty(), lang);
        }
        assertEquals(Set.of(Fixtures.CHANGED), result.changes().sectionsToRetrain());

        // 1.2 brings the removed section back: added against 1.1.
        var back = publisher.publish(Fixtures.edit(TestContent.bundled(), "1.2", Set.of(Fixtures.CHANGED), Set.of()))
                .getFirst();
        assertEquals(Set.of(Fixtures.REMOVED), ids(back.changes().in("en").added()));
        assertTrue(back.changes().in("zh").changed().isEmpty());
        assertEquals(3, store.history(Fixtures.POLICY).size());
        assertEquals("1.1", store.previous(Fixtures.POLICY, "1.2").orElseThrow().version());
    }

    @Test
    void changedTextUnderAnAlreadyPublishedVersionIsNotStored() {
        SqlPolicyVersionStore store = new SqlPolicyVersionStore(db.database());
        ContentPublisher publisher = new ContentPublisher(store, clock);
        publisher.publish(TestContent.bundled());
        var result = publisher.publish(Fixtures.edit(TestContent.bundled(), "1.0", Set.of(Fixtures.CHANGED), Set.of()))
                .getFirst();
        assertEquals(ContentPublisher.Outcome.VERSION_NOT_RAISED, result.outcome());
        assertEquals(1, store.history(Fixtures.POLICY).size());
    }

    private static Set<String> ids(java.util.List<SectionFingerprint> list) {
        return list.stream().map(SectionFingerprint::sectionId).collect(java.util.stream.Collectors.toSet());
    }
}
