package io.policybot.content;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Everything loaded from one content directory, validated as a whole. Immutable: a reload builds a new one.
 *
 * @param fingerprint a hash of every file's bytes: the same content gives the same fingerprint
 */
public record ContentLibrary(ContentSettings settings, Map<String, Policy> policies, String fingerprint) {
    public ContentLibrary {
        policies = Map.copyOf(policies);
    }

    public Optional<Policy> policy(String id) {
        return Optional.ofNullable(policies.get(id));
    }

    public Collection<Policy> all() {
        return new java.util.TreeMap<>(policies).values();
    }

    public Set<String> languages() {
        Set<String> langs = new TreeSet<>();
        policies.values().forEach(p -> langs.addAll(p.languages()));
        return langs;
    }
}
