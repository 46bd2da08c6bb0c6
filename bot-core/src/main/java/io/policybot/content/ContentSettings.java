package io.policybot.content;

import java.util.Map;
import java.util.Optional;

/** Company-wide values the content refers to through placeholders. */
public record ContentSettings(String company, Map<String, Contact> contacts) {
    public ContentSettings {
        contacts = Map.copyOf(contacts);
    }

    /** These settings with {@code own} contacts added, replacing settings' contacts of the same role. */
    public ContentSettings withContacts(Map<String, Contact> own) {
        if (own.isEmpty()) {
            return this;
        }
        Map<String, Contact> all = new java.util.TreeMap<>(contacts);
        all.putAll(own);
        return new ContentSettings(company, all);
    }

    public Optional<Contact> contact(String role) {
        return Optional.ofNullable(role).map(contacts::get);
    }
}
