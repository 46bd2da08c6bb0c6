package io.policybot.importing;

import io.policybot.content.Contact;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * What an import did, for the person who ran it: what was recognised, what was left out and needs a look,
 * and what changed since the last import of the same policy and language.
 *
 * @param written     the policy file written
 * @param fromVersion the version before this import, null for a first import
 * @param effective   the date the imported version takes effect (its front matter's {@code effective:})
 * @param effectiveBasis where that date comes from, in words: "from the document: '...'", "as given with --effective", ...
 * @param owner       the owner the policy file names, and {@code ownerBasis} where it comes from, in words
 * @param contact     who the bot sends people to when this policy does not answer them (null when the import did not
 *                    load), and {@code contactBasis} where that contact comes from, in words
 * @param shortAnswerMissing titles of the sections without an "In short" answer (a suggestion, not an error)
 * @param problems    validation problems of the content directory after the import (empty when it loads);
 *                    when not empty, the previous file was put back
 */
public record ImportReport(String policyId, String language, Path written, List<String> sources, String fromVersion,
                           String version, LocalDate effective, String effectiveBasis, String owner, String ownerBasis,
                           Contact contact, String contactBasis, Recognised recognised,
                           List<Dropped> dropped, List<String> shortAnswerMissing,
                           List<Change> added, List<Change> changed, List<Change> removed, List<String> notes,
                           List<String> problems) {
    public ImportReport {
        sources = List.copyOf(sources);
        dropped = List.copyOf(dropped);
        shortAnswerMissing = List.copyOf(shortAnswerMissing);
        added = List.copyOf(added);
        changed = List.copyOf(changed);
        removed = List.copyOf(removed);
        notes = List.copyOf(notes);
        problems = List.copyOf(problems);
    }

    /** Counts of what became content. */
    public record Recognised(int sections, int subHeadings, int listItems, int tables, int tableRows, int questions,
                             int paragraphs) {
    }

    /** Something left out: an image, a footnote, an HTML block, a heading with nothing under it. */
    public record Dropped(String kind, String detail, String section) {
    }

    /** A section added, changed or removed by a re-import (a renamed heading keeps its id and shows as changed). */
    public record Change(String sectionId, String title) {
    }

    /** "Effective date 2027-03-01, from the document: 'Effective date: 1 March 2027'", for the report. */
    public String effectiveLine() {
        return "Effective date " + effective + ", " + effectiveBasis;
    }

    /** "Owner: People team, from the document: 'Owner | People team'". */
    public String ownerLine() {
        return "Owner: " + owner + ", " + ownerBasis;
    }

    /** "Questions it does not answer go to People team: people@company.com, from the document: '...'", or null. */
    public String contactLine() {
        return contact == null ? null : "Questions it does not answer go to " + contact.plain() + ", " + contactBasis;
    }

    /** Declines would send people to a placeholder address: HR must put a real contact in before people use it. */
    public boolean placeholderContact() {
        return contact != null && contact.placeholder();
    }

    public boolean firstImport() {
        return fromVersion == null;
    }

    public boolean unchanged() {
        return !firstImport() && added.isEmpty() && changed.isEmpty() && removed.isEmpty();
    }

    public boolean ok() {
        return problems.isEmpty();
    }
}
