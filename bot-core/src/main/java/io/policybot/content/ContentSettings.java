package io.policybot.content;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Company-wide values the content refers to through placeholders.
 *
 * @param notCovered per language, topics that other company policies cover and these do not ("Leave: vacation,
 *                   sick days..."): questions about them are declined with the contact instead of answered
 */
public record ContentSettings(String company, Map<String, Contact> contacts, Map<String, List<String>> notCovered) {
    public ContentSettings {
        contacts = Map.copyOf(contacts);
        notCovered = Map.copyOf(notCovered);
    }

    public ContentSettings(String company, Map<String, Contact> contacts) {
        this(company, contacts, Map.of());
    }

    public List<String> notCovered(String language) {
        return notCovered.getOrDefault(language, List.of());
    }

    /** These settings with {@code own} contacts added, replacing settings' contacts of the same role. */
    public ContentSettings withContacts(Map<String, Contact> own) {
        if (own.isEmpty()) {
            return this;
        }
        Map<String, Contact> all = new java.util.TreeMap<>(contacts);
        all.putAll(own);
        return new ContentSettings(company, all, notCovered);
    }

    public Optional<Contact> contact(String role) {
        return Optional.ofNullable(role).map(contacts::get);
    }
}
