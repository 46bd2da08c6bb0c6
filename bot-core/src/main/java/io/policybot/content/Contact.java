package io.policybot.content;

import java.util.Locale;
import java.util.Set;

/** A team people can turn to, from {@code settings.yaml}: role id, name, email and chat channel. */
public record Contact(String role, String name, String email, String channel) {
    /** Domains reserved for examples (RFC 2606 and RFC 6761): no one reads mail sent there. */
    private static final Set<String> EXAMPLE_DOMAINS = Set.of("example.com", "example.org", "example.net");
    private static final Set<String> EXAMPLE_SUFFIXES = Set.of(".example", ".invalid", ".test", ".localhost");

    /** "People & Culture (HR): hr@acme.example, #ask-hr" in the reply Markdown subset. */
    public String describe() {
        return "**" + name + "**" + addresses();
    }

    /** "People & Culture (HR): hr@acme.example, #ask-hr" as plain text, for notifications and the console. */
    public String plain() {
        return name + addresses();
    }

    private String addresses() {
        StringBuilder out = new StringBuilder();
        String sep = ": ";
        if (email != null && !email.isBlank()) {
            out.append(sep).append(email);
            sep = ", ";
        }
        if (channel != null && !channel.isBlank()) {
            out.append(sep).append(channel);
        }
        return out.toString();
    }

    /**
     * The email is on a domain reserved for examples ({@code hr@acme.example}, {@code hr@example.com}): the bundled
     * settings' placeholders, which an import copies until HR puts the company's own contacts in.
     */
    public boolean placeholder() {
        if (email == null || !email.contains("@")) {
            return false;
        }
        String domain = email.substring(email.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT).strip();
        return EXAMPLE_DOMAINS.contains(domain) || EXAMPLE_DOMAINS.stream().anyMatch(d -> domain.endsWith("." + d))
                || EXAMPLE_SUFFIXES.stream().anyMatch(domain::endsWith);
    }
}
