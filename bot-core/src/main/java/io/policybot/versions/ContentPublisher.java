package io.policybot.versions;

import io.policybot.content.ContentLibrary;
import io.policybot.content.Policy;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes loaded content as policy versions: on start, on {@code content reload} and when the content directory
 * changes. Each policy is compared with its last published version; the same text publishes nothing, so loading
 * the same content again (or on every start) is harmless.
 */
public final class ContentPublisher {
    private static final Logger log = LoggerFactory.getLogger(ContentPublisher.class);
    private final PolicyVersionStore store;
    private final Clock clock;

    public ContentPublisher(PolicyVersionStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** What publishing did to one policy. */
    public enum Outcome {
        /** The first version of the policy ever stored. */
        FIRST,
        /** A new version, with the changes against the previous one (possibly none: a version bump only). */
        NEW_VERSION,
        /** Same text as the last published version: nothing stored. */
        UNCHANGED,
        /** The text changed but the version did not: nothing stored until the version is raised. */
        VERSION_NOT_RAISED
    }

    public record Result(String policyId, String version, Outcome outcome, ContentChanges changes) {
    }

    public List<Result> publish(ContentLibrary library) {
        List<Result> results = new ArrayList<>();
        for (Policy policy : library.all()) {
            results.add(publish(policy));
        }
        return results;
    }

    public Result publish(Policy policy) {
        PublishedVersion loaded = PublishedVersion.of(policy, clock.instant());
        Optional<PublishedVersion> last = store.latest(policy.id());
        if (last.isEmpty()) {
            store.append(loaded);
            return new Result(policy.id(), policy.version(), Outcome.FIRST, ContentChanges.between(null, loaded));
        }
        PublishedVersion previous = last.get();
        ContentChanges changes = ContentChanges.between(previous, loaded);
        if (previous.fingerprint().equals(loaded.fingerprint()) && previous.version().equals(loaded.version())) {
            return new Result(policy.id(), policy.version(), Outcome.UNCHANGED, changes);
        }
        if (previous.fingerprint().equals(loaded.fingerprint()) && store.find(policy.id(), loaded.version()).isPresent()) {
            return new Result(policy.id(), policy.version(), Outcome.UNCHANGED, changes); // an older version reloaded
        }
        if (store.find(policy.id(), loaded.version()).isPresent()) {
            log.warn("policy {} changed but its version {} was already published: raise the version to publish it",
                    policy.id(), loaded.version());
            return new Result(policy.id(), policy.version(), Outcome.VERSION_NOT_RAISED, changes);
        }
        Optional<PublishedVersion> stored = store.append(loaded);
        return new Result(policy.id(), policy.version(), stored.isPresent() ? Outcome.NEW_VERSION : Outcome.UNCHANGED,
                changes);
    }
}
