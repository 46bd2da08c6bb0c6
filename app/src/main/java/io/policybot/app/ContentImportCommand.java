package io.policybot.app;

import io.policybot.importing.ImportReport;
import io.policybot.importing.PolicyImporter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code policybot content import}: brings a Word, PDF, HTML or Markdown policy into the content directory. */
@Command(name = "import",
        description = {"Import a policy document (.docx, .pdf, .html, .htm, .md) into a content directory.",
                "Headings become sections with stable ids; a re-import of a revised document keeps the ids and reports "
                        + "the sections added, changed and removed (the version is raised; publish with 'content reload')."},
        footer = {"", "Exits 1 when the imported policy would not load (nothing is changed then), 2 for an unknown file type or a malformed id."})
final class ContentImportCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "The document(s); several files are imported as one policy, in order.")
    List<Path> files;

    @Option(names = "--policy", required = true, paramLabel = "ID", description = "The policy id, like remote-work (the folder name).")
    String policy;

    @Option(names = "--lang", paramLabel = "LANG", defaultValue = "en", description = "The document's language (default: ${DEFAULT-VALUE}).")
    String lang;

    @Option(names = "--into", paramLabel = "DIR", description = "The content directory to write to (default: --content or POLICYBOT_CONTENT_DIR).")
    Path into;

    @Option(names = "--version", paramLabel = "VERSION", description = "The version to give it (default: 1.0, or the previous version raised when the text changed).")
    String version;

    @Option(names = "--owner", paramLabel = "OWNER", description = "Who owns the policy (default: kept, else HR).")
    String owner;

    @Option(names = "--link", paramLabel = "URL", description = "Where employees read the original; citations link to it without section anchors.")
    String link;

    @Option(names = "--contact", paramLabel = "ROLE", description = "Who to ask about it: a contact role of settings.yaml (default: hr).")
    String contact;

    @Option(names = "--effective", paramLabel = "YYYY-MM-DD", converter = Day.class, description = "When this version takes"
            + " effect (default: the date the document states, like 'Effective date: 1 March 2027'; else kept for an unchanged"
            + " re-import or when still to come; else today).")
    java.time.LocalDate effective;

    /** A calendar day written YYYY-MM-DD, refused in words a person reads. */
    static final class Day implements picocli.CommandLine.ITypeConverter<java.time.LocalDate> {
        @Override
        public java.time.LocalDate convert(String value) {
            try {
                return java.time.LocalDate.parse(value.strip());
            } catch (java.time.format.DateTimeParseException e) {
                throw new picocli.CommandLine.TypeConversionException("'" + value + "' is not a real date written YYYY-MM-DD, like 2027-01-01");
            }
        }
    }

    @Override
    public Integer call() throws IOException {
        PolicyBotCommand root = (PolicyBotCommand) spec.parent().parent().userObject();
        PrintWriter out = spec.commandLine().getOut();
        Path dir = into != null ? into : root.config().contentDir();
        if (dir == null) {
            throw new BadUsage("give the content directory to import into: --into DIR (or --content DIR); the bundled content is read-only");
        }
        ImportReport r;
        try {
            r = new PolicyImporter(root.clock()).run(new PolicyImporter.Request(files, policy, lang, dir, version, owner, link, contact,
                    effective));
        } catch (PolicyImporter.ImportException e) {
            if (e.badRequest()) {
                throw new BadUsage(e.getMessage());
            }
            throw e;
        }
        print(r, dir, out);
        out.flush();
        return r.ok() ? ExitCodes.OK : ExitCodes.FAILED;
    }

    static void print(ImportReport r, Path dir, PrintWriter out) {
        out.printf("Imported %s as policy '%s' (%s), version %s%s%n", String.join(", ", r.sources()), r.policyId(), r.language(),
                r.version(), r.firstImport() ? "" : r.unchanged() ? " (unchanged)" : " (was " + r.fromVersion() + ")");
        out.printf("  -> %s%n", r.written());
        out.println(r.effectiveLine());
        out.println(r.ownerLine());
        if (r.contactLine() != null) {
            out.println(r.contactLine());
        }
        ImportReport.Recognised n = r.recognised();
        out.printf("Recognised: %s, %s, %s, %s, %s (%s), %s%n", Counted.count(n.sections(), "section"),
                Counted.count(n.subHeadings(), "sub-heading"), Counted.count(n.paragraphs(), "paragraph"),
                Counted.count(n.listItems(), "list item"), Counted.count(n.tables(), "table"),
                Counted.count(n.tableRows(), "row"), Counted.count(n.questions(), "FAQ question"));
        if (!r.firstImport()) {
            if (r.unchanged()) {
                out.println("No sections changed since the last import.");
            }
            r.added().forEach(c -> out.printf("  added    %s (%s)%n", c.title(), c.sectionId()));
            r.changed().forEach(c -> out.printf("  changed  %s (%s)%n", c.title(), c.sectionId()));
            r.removed().forEach(c -> out.printf("  removed  %s (%s)%n", c.title(), c.sectionId()));
        }
        if (!r.dropped().isEmpty()) {
            out.println("Left out, needs a look (the content format holds text only):");
            Map<String, Integer> counts = new TreeMap<>();
            r.dropped().forEach(d -> counts.merge(d.kind(), 1, Integer::sum));
            r.dropped().forEach(d -> out.printf("  %s in \"%s\": %s%n", d.kind(), d.section(), d.detail()));
        }
        if (!r.shortAnswerMissing().isEmpty()) {
            out.printf("%d of %d sections have no short answer (optional: answers then lead with the best-matching passage; "
                    + "add '> **In short:** ...' under a heading for a one-line answer):%n", r.shortAnswerMissing().size(), n.sections());
            r.shortAnswerMissing().forEach(t -> out.printf("  %s%n", t));
        }
        r.notes().forEach(note -> out.printf("Note: %s%n", note));
        if (!r.ok()) {
            out.println("The imported policy does not load, so nothing was changed:");
            r.problems().forEach(p -> out.printf("  %s%n", p));
            return;
        }
        if (r.placeholderContact()) {
            // said last, where it is read: until it is fixed, every "I don't know" sends people to an address no one reads
            out.printf("Needs a look before people use it: questions this policy does not answer send people to %s, "
                    + "an example address. Put your company's contacts in %s (contacts: hr: name, email, channel), "
                    + "or give this policy its own 'contacts:' in its front matter (docs/content-format.md#front-matter).%n",
                    r.contact().plain(), dir.resolve("settings.yaml"));
        }
        out.printf("OK: %s validates. Try it: policybot --content %s ask \"...\"; publish: policybot --content %s content reload%n",
                dir, dir, dir);
    }
}
