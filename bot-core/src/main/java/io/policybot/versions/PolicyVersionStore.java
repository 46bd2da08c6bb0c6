package io.policybot.versions;

import java.util.List;
import java.util.Optional;

/** Where published policy versions are kept. Implementations are thread-safe and commit each write before returning. */
public interface PolicyVersionStore {

    /** The most recently published version of the policy. */
    Optional<PublishedVersion> latest(String policyId);

    Optional<PublishedVersion> find(String policyId, String version);

    /** The version published just before {@code version}, if any. */
    Optional<PublishedVersion> previous(String policyId, String version);

    /**
     * Stores {@code version} as the policy's next one (its seq is assigned here). Returns the stored version, or
     * empty when this policy version is already stored (a concurrent publisher got there first).
     */
    Optional<PublishedVersion> append(PublishedVersion version);

    /** Every version of the policy, oldest first (fingerprints not loaded: sections empty). */
    List<PublishedVersion> history(String policyId);
}
