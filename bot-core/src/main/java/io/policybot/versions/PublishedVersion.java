package io.policybot.versions;

import io.policybot.content.Policy;
import io.policybot.content.PolicyDocument;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One published version of a policy: its sections' fingerprints in every language.
 *
 * @param seq         publication order within the policy, from 1 (0 before it is stored)
 * @param fingerprint a hash over every section hash of every language
 * @param sections    by language, in document order
 */
public record PublishedVersion(String policyId, String version, int seq, LocalDate effectiveOn, String fingerprint,
                               Instant publishedAt, Map<String, List<SectionFingerprint>> sections) {
    public PublishedVersion {
        Map<String, List<SectionFingerprint>> copy = new TreeMap<>();
        sections.forEach((lang, list) -> copy.put(lang, List.copyOf(list)));
        sections = java.util.Collections.unmodifiableMap(copy);
    }

    /** The version as the loaded content has it (not yet stored: seq 0). */
    public static PublishedVersion of(Policy policy, Instant now) {
        Map<String, List<SectionFingerprint>> sections = new TreeMap<>();
        StringBuilder all = new StringBuilder();
        LocalDate effective = null;
        for (String lang : policy.languages()) {
            PolicyDocument doc = policy.exactDocument(lang).orElseThrow();
            effective = effective == null ? doc.effective() : effective;
            List<SectionFingerprint> list = new ArrayList<>();
            for (int i = 0; i < doc.sections().size(); i++) {
                SectionFingerprint f = SectionFingerprint.of(doc.sections().get(i), i);
                list.add(f);
                all.append(lang).append('/').append(f.sectionId()).append('=').append(f.hash()).append('\n');
            }
            sections.put(lang, list);
        }
        return new PublishedVersion(policy.id(), policy.version(), 0, effective, SectionFingerprint.sha256(all.toString()),
                now, sections);
    }

    public PublishedVersion withSeq(int seq) {
        return new PublishedVersion(policyId, version, seq, effectiveOn, fingerprint, publishedAt, sections);
    }
}
