package io.policybot.content;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * One policy in one language, as loaded from {@code policy.<lang>.md}.
 *
 * @param contactRole who to ask when the bot cannot answer (a role of {@link ContentSettings}); may be null
 * @param source      file name relative to the content root, for error messages
 */
public record PolicyDocument(String policyId, String language, String title, String version, LocalDate effective,
                             String owner, String link, String contactRole, String intro, List<Section> sections,
                             String source) {
    public PolicyDocument {
        sections = List.copyOf(sections);
    }

    public Optional<Section> section(String id) {
        return sections.stream().filter(s -> s.id().equals(id)).findFirst();
    }
}
