package io.policybot.versions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What changed between two versions of a policy, in every language.
 *
 * @param fromVersion the earlier version, or null when {@code toVersion} is the first one published
 * @param languages   by language: every language of either version appears
 */
public record ContentChanges(String policyId, String fromVersion, String toVersion, Map<String, Language> languages) {
    public ContentChanges {
        languages = java.util.Collections.unmodifiableMap(new TreeMap<>(languages));
    }

    /** One language's changes; each list in document order. */
    public record Language(List<SectionFingerprint> added, List<SectionFingerprint> changed,
                           List<SectionFingerprint> removed) {
        public Language {
            added = List.copyOf(added);
            changed = List.copyOf(changed);
            removed = List.copyOf(removed);
        }

        public boolean isEmpty() {
            return added.isEmpty() && changed.isEmpty() && removed.isEmpty();
        }
    }

    /** Compares two versions section by section (by id); {@code from} may be null (all sections added). */
    public static ContentChanges between(PublishedVersion from, PublishedVersion to) {
        Set<String> langs = new TreeSet<>(to.sections().keySet());
        if (from != null) {
            langs.addAll(from.sections().keySet());
        }
        Map<String, Language> out = new LinkedHashMap<>();
        for (String lang : langs) {
            List<SectionFingerprint> before = from == null ? List.of() : from.sections().getOrDefault(lang, List.of());
            List<SectionFingerprint> after = to.sections().getOrDefault(lang, List.of());
            Map<String, SectionFingerprint> old = new LinkedHashMap<>();
            before.forEach(s -> old.put(s.sectionId(), s));
            Set<String> now = new LinkedHashSet<>();
            List<SectionFingerprint> added = new ArrayList<>();
            List<SectionFingerprint> changed = new ArrayList<>();
            for (SectionFingerprint s : after) {
                now.add(s.sectionId());
                SectionFingerprint was = old.get(s.sectionId());
                if (was == null) {
                    added.add(s);
                } else if (!was.hash().equals(s.hash())) {
                    changed.add(s);
                }
            }
            List<SectionFingerprint> removed = before.stream().filter(s -> !now.contains(s.sectionId())).toList();
            out.put(lang, new Language(added, changed, removed));
        }
        return new ContentChanges(to.policyId(), from == null ? null : from.version(), to.version(), out);
    }

    public boolean isEmpty() {
        return languages.values().stream().allMatch(Language::isEmpty);
    }

    /** Ids of the sections added or changed in any language: what an update quiz asks about. */
    public Set<String> sectionsToRetrain() {
        Set<String> ids = new LinkedHashSet<>();
        languages.values().forEach(l -> {
            l.changed().forEach(s -> ids.add(s.sectionId()));
            l.added().forEach(s -> ids.add(s.sectionId()));
        });
        return ids;
    }

    /** The language's changes, or an empty set when the language is not in either version. */
    public Language in(String language) {
        return languages.getOrDefault(language, new Language(List.of(), List.of(), List.of()));
    }
}
