package io.policybot.versions;

import io.policybot.content.Passage;
import io.policybot.content.Section;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * What is kept of one section of one published version in one language: enough to tell whether it changed and
 * to describe it in an announcement without the content that was loaded then.
 *
 * @param position its place in the document, from 0
 * @param summary  the one-line "in short" answer, else the section's first passage
 * @param hash     SHA-256 of the title, the short answer and every passage (keywords are not part of it: they
 *                 change what is found, not what the policy says)
 */
public record SectionFingerprint(String sectionId, int position, String title, String summary, String hash) {
    public SectionFingerprint {
        Objects.requireNonNull(sectionId, "sectionId");
        Objects.requireNonNull(title, "title");
        summary = summary == null ? "" : summary;
        Objects.requireNonNull(hash, "hash");
    }

    public static SectionFingerprint of(Section section, int position) {
        StringBuilder text = new StringBuilder(section.title()).append('\u0000').append(section.shortAnswer());
        for (Passage p : section.passages()) {
            text.append('\u0000').append(p.group()).append('\u0001').append(p.markdown());
        }
        // A section without an "In short" answer (an imported policy) is summed up by its first passage.
        String summary = section.hasShortAnswer() || section.passages().isEmpty() ? section.shortAnswer()
                : section.passages().getFirst().markdown();
        return new SectionFingerprint(section.id(), position, section.title(), summary, sha256(text.toString()));
    }

    static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
