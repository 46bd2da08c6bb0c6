package io.policybot.content;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One policy in one language, as loaded from {@code policy.<lang>.md}.
 *
 * @param contactRole who to ask when the bot cannot answer (a role of {@link #contacts} or {@link ContentSettings}); may be null
 * @param source      file name relative to the content root, for error messages
 * @param contacts    the policy's own contacts (front matter {@code contacts:}), which come before settings.yaml's
 * @param linkAnchors how a citation links to a section of {@link #link}
 */
public record PolicyDocument(String policyId, String language, String title, String version, LocalDate effective,
                             String owner, String link, String contactRole, String intro, List<Section> sections,
                             String source, Map<String, Contact> contacts, LinkAnchors linkAnchors) {

    /** {@code link-anchors:} in the front matter. */
    public enum LinkAnchors {
        /** The link as written: the source document has no per-section anchors (a PDF, a Word file). */
        NONE,
        /** {@code link#section-id} (the default). */
        IDS,
        /** {@code link#heading-text-slug}, as Markdown renderers and most wikis make them from the heading. */
        HEADINGS
    }

    public PolicyDocument {
        sections = List.copyOf(sections);
        contacts = Map.copyOf(contacts);
        linkAnchors = linkAnchors == null ? LinkAnchors.IDS : linkAnchors;
    }

    public PolicyDocument(String policyId, String language, String title, String version, LocalDate effective,
                          String owner, String link, String contactRole, String intro, List<Section> sections, String source) {
        this(policyId, language, title, version, effective, owner, link, contactRole, intro, sections, source, Map.of(),
                LinkAnchors.IDS);
    }

    public Optional<Section> section(String id) {
        return sections.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /** The citation link for a section, or null when the policy has no link. */
    public String linkTo(Section section) {
        if (link == null || link.isBlank()) {
            return null;
        }
        return switch (linkAnchors) {
            case NONE -> link;
            case IDS -> link + "#" + section.id();
            case HEADINGS -> link + "#" + headingAnchor(section.title());
        };
    }

    /** The contact for questions this policy does not answer: its own {@code contact:}, else HR; own contacts first. */
    public Optional<Contact> contact(ContentSettings settings) {
        return lookup(contactRole, settings).or(() -> lookup("hr", settings));
    }

    private Optional<Contact> lookup(String role, ContentSettings settings) {
        if (role == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(contacts.get(role)).or(() -> settings.contact(role));
    }

    /** GitHub-style heading anchor: lowercase, punctuation dropped, spaces to dashes. */
    static String headingAnchor(String heading) {
        return Normalizer.normalize(heading, Normalizer.Form.NFC).toLowerCase(Locale.ROOT).strip()
                .replaceAll("[^\\p{L}\\p{N}\\s_-]", "").replaceAll("\\s", "-");
    }
}
