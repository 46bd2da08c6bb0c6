package io.policybot.content;

import java.util.Map;
import java.util.Optional;

/** Company-wide values the content refers to through placeholders. */
public record ContentSettings(String company, Map<String, Contact> contacts) {
    public ContentSettings {
        contacts = Map.copyOf(contacts);
    }

    public Optional<Contact> contact(String role) {
        return Optional.ofNullable(role).map(contacts::get);
    }
}
