package io.policybot.importing;

import io.policybot.content.ContentException;
import io.policybot.content.Contact;
import io.policybot.content.ContentLibrary;
import io.policybot.content.ContentLoader;
import io.policybot.content.ContentProblem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code policybot content import}: reads Word, PDF, HTML and Markdown documents into {@code <dir>/<policy>/policy.<lang>.md},
 * keeping section ids stable across re-imports of a revised document, then validates the whole content directory.
 * When the result does not load, the previous file is put back and the report lists the problems.
 */
public final class PolicyImporter {
    private static final Pattern POLICY_ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}(-[A-Za-z]{2,4})?");

    /** What to import and where; null fields take the defaults described on the command. */
    public record Request(List<Path> files, String policyId, String language, Path contentDir, String version,
                          String owner, String link, String contact, LocalDate effective) {
        public Request {
            files = List.copyOf(files);
        }

        /** With the effective date by the default rule (see {@link PolicyImporter#effective}). */
        public Request(List<Path> files, String policyId, String language, Path contentDir, String version,
                       String owner, String link, String contact) {
            this(files, policyId, language, contentDir, version, owner, link, contact, null);
        }
    }

    private final Clock clock;
    private final PolicyWriter writer = new PolicyWriter();

    public PolicyImporter(Clock clock) {
        this.clock = clock;
    }

    /** The effective date of the imported version, and where it comes from in words for the report. */
    private record Effective(LocalDate date, String basis) {
    }

    /**
     * The date the imported version takes effect:
     * <ol>
     * <li>the one asked for with {@code --effective};</li>
     * <li>else the one the document states (see {@link StatedDates}), even one in the past (an old document imported
     *     as it is), unless the policy already has a later one or the same one for a changed text. A revised document
     *     whose stated date is before the effective date of the version it replaces cannot be right: a new version
     *     cannot take effect before the one it replaces. And a changed text that still states the date the policy has
     *     is most often a revision whose date nobody updated. Both fall to the rule below, with a note that says so
     *     (for an unchanged text the policy keeps its date, as below);</li>
     * <li>else, for an unchanged re-import, the one it has; else the one it has when that is still to come (a date HR
     *     set for the new version); else today.</li>
     * </ol>
     */
    private Effective effective(Request r, Optional<ExistingPolicy> existing, boolean changes, Optional<StatedDates.Stated> stated,
                                List<String> notes) {
        if (r.effective() != null) {
            stated.filter(s -> !s.date().equals(r.effective())).ifPresent(s -> notes.add("the document states '" + s.text()
                    + "'; the effective date given with --effective (" + r.effective() + ") is used instead"));
            return new Effective(r.effective(), "as given with --effective");
        }
        LocalDate today = LocalDate.now(clock);
        Optional<LocalDate> had = existing.flatMap(e -> e.value("effective")).flatMap(PolicyImporter::date);
        if (stated.isPresent()) {
            StatedDates.Stated s = stated.get();
            if (had.isEmpty() || s.date().isAfter(had.get())
                    || s.date().equals(had.get()) && (!changes || had.get().isAfter(today))) {
                return new Effective(s.date(), "from the document: '" + s.text() + "'");
            }
        }
        Effective fallback = had.isPresent() && (!changes || had.get().isAfter(today))
                ? new Effective(had.get(), "kept from the previous import")
                : new Effective(today, stated.isPresent() ? "today" : "today (the document states no effective date; set one with --effective)");
        stated.ifPresent(s -> notes.add(s.date().equals(had.orElseThrow())
                ? "the document still states '" + s.text() + "', the effective date of the version it replaces: the revised text"
                        + " takes effect " + fallback.date() + " instead; update the date in the document or give --effective"
                : "the document states '" + s.text() + "', before " + had.get() + ", the effective date the policy has: "
                        + (changes ? "a new version cannot take effect before the one it replaces, so it takes effect "
                        : "its text has not changed, so it keeps ") + fallback.date() + "; give --effective to set another date"));
        return fallback;
    }

    private static Optional<LocalDate> date(String text) {
        try {
            return Optional.of(LocalDate.parse(text)); // value() has already taken off the quotes and spaces
        } catch (java.time.format.DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** Thrown for a request that cannot be carried out at all (unknown file type, unreadable file); nothing is written. */
    public static final class ImportException extends io.policybot.PolicyBotException {
        private final boolean badRequest;

        /** @param badRequest the request itself is wrong (an unknown file type, a malformed id), not the file */
        public ImportException(String message, boolean badRequest) {
            super(message);
            this.badRequest = badRequest;
        }

        public boolean badRequest() {
            return badRequest;
        }
    }

    public ImportReport run(Request r) throws IOException {
        if (!POLICY_ID.matcher(r.policyId()).matches()) {
            throw new ImportException("--policy '" + r.policyId() + "' is not an id: use lowercase letters, digits and dashes, like remote-work", true);
        }
        String lang = r.language() == null ? "en" : r.language();
        if (!LANGUAGE.matcher(lang).matches()) {
            throw new ImportException("--lang '" + lang + "' is not a language code like en or zh", true);
        }
        if (r.files().isEmpty()) {
            throw new ImportException("give at least one document to import (.docx, .pdf, .html, .htm or .md)", true);
        }
        List<SourceDocument> docs = new ArrayList<>();
        for (Path f : r.files()) {
            docs.add(read(f));
        }
        PolicyWriter.Outline outline = writer.outline(docs);
        if (outline.sections().isEmpty()) {
            throw new ImportException("found no text to import in " + String.join(", ", r.files().stream().map(Path::toString).toList()), false);
        }
        Path dir = r.contentDir();
        Path policyDir = dir.resolve(r.policyId());
        boolean newPolicyDir = !Files.isDirectory(policyDir);
        Files.createDirectories(policyDir);
        List<String> notes = new ArrayList<>(outline.notes());
        Path settings = dir.resolve("settings.yaml");
        boolean wroteSettings = false;
        if (!Files.exists(settings)) {
            writeSettings(settings);
            wroteSettings = true;
            notes.add("wrote " + settings + " (the company name and contacts placeholders use): edit it for your company");
        }
        Path target = dir.resolve(r.policyId()).resolve("policy." + lang + ".md");
        Optional<ExistingPolicy> existing = ExistingPolicy.read(target);
        Optional<ExistingPolicy> sibling = existing.isPresent() ? Optional.empty() : siblingLanguage(dir.resolve(r.policyId()), lang);

        // ids: kept from the previous import of this language, else matched by position to another language
        List<String> ids = assignIds(outline.sections(), existing, sibling, notes);
        StringBuilder body = new StringBuilder();
        List<String> missingShort = new ArrayList<>();
        Map<String, ExistingPolicy.OldSection> old = new LinkedHashMap<>();
        existing.ifPresent(e -> e.sections().forEach(s -> old.put(s.id(), s)));
        List<ImportReport.Change> added = new ArrayList<>();
        List<ImportReport.Change> changed = new ArrayList<>();
        int subs = 0, items = 0, tables = 0, rows = 0, questions = 0, paragraphs = 0;
        for (int i = 0; i < outline.sections().size(); i++) {
            PolicyWriter.Draft d = outline.sections().get(i);
            String id = ids.get(i);
            ExistingPolicy.OldSection before = old.get(id);
            body.append("## ").append(d.title()).append(" {#").append(id).append("}\n");
            if (before != null && before.keywords() != null) {
                body.append(before.keywords()).append('\n');
            }
            body.append('\n');
            if (before != null && before.shortAnswer() != null) {
                body.append(before.shortAnswer()).append("\n\n");
            } else {
                missingShort.add(d.title());
            }
            body.append(d.body()).append("\n\n");
            if (existing.isPresent()) {
                if (before == null) {
                    added.add(new ImportReport.Change(id, d.title()));
                } else if (!before.title().equals(d.title()) || !normalise(before.body()).equals(normalise(d.body()))) {
                    changed.add(new ImportReport.Change(id, d.title()));
                    if (before.shortAnswer() != null) {
                        notes.add("'" + d.title() + "' changed and keeps its hand-written short answer: check that it still fits");
                    }
                }
            }
            subs += d.subHeadings();
            items += d.listItems();
            tables += d.tables();
            rows += d.tableRows();
            questions += d.questions();
            paragraphs += d.paragraphs();
        }
        List<ImportReport.Change> removed = new ArrayList<>();
        Set<String> kept = new HashSet<>(ids);
        old.values().stream().filter(s -> !kept.contains(s.id())).forEach(s -> removed.add(new ImportReport.Change(s.id(), s.title())));

        String fromVersion = existing.flatMap(e -> e.value("version")).orElse(null);
        boolean changes = !added.isEmpty() || !changed.isEmpty() || !removed.isEmpty();
        String version = r.version() != null ? r.version()
                : existing.isPresent() ? (changes ? bump(fromVersion) : fromVersion)
                : sibling.flatMap(s -> s.value("version")).orElse("1.0");
        StatedDates.Found stated = StatedDates.find(outline.opening());
        if (r.effective() == null && stated.stated().isEmpty()) {
            stated.unclear().forEach(u -> notes.add("the document states '" + u.text() + "', but " + u.why()
                    + ": the effective date was not taken from it; write it with the month in words or as YYYY-MM-DD, or give --effective"));
        }
        Effective effective = effective(r, existing, changes, stated.stated(), notes);
        StatedOwnership.Found ownership = StatedOwnership.find(outline.opening());
        String front = frontMatter(r, lang, outline.title(), version, effective.date().toString(), existing.or(() -> sibling),
                existing.isPresent(), ownership, notes);
        StringBuilder text = new StringBuilder("---\n").append(front).append("---\n\n# ").append(outline.title()).append("\n\n");
        if (!outline.intro().isEmpty()) {
            text.append(outline.intro()).append("\n\n");
        }
        text.append(body.toString().strip()).append('\n');

        byte[] previous = Files.exists(target) ? Files.readAllBytes(target) : null;
        Files.writeString(target, text.toString(), StandardCharsets.UTF_8);
        List<String> problems = new ArrayList<>();
        Contact asked = null;
        try {
            ContentLibrary loaded = new ContentLoader().load(dir);
            asked = loaded.policy(r.policyId()).flatMap(p -> p.exactDocument(lang))
                    .flatMap(d -> d.contact(loaded.settings())).orElse(null);
        } catch (ContentException e) {
            e.problems().stream().map(ContentProblem::toString).forEach(problems::add);
            // loses nothing: the previous file comes back; the rejected import is kept beside it to look at
            Path rejected = Files.createTempFile(r.policyId() + "." + lang + "-rejected-", ".md");
            Files.writeString(rejected, text.toString(), StandardCharsets.UTF_8);
            notes.add("the imported text did not load and was not kept; it is in " + rejected + " to look at");
            if (previous != null) {
                Files.write(target, previous);
            } else {
                Files.delete(target);
                if (newPolicyDir) {
                    try {
                        Files.deleteIfExists(policyDir); // the folder this import made, so that no empty policy is left
                    } catch (java.nio.file.DirectoryNotEmptyException notEmpty) {
                        // something else was put there meanwhile: keep it
                    }
                }
                if (wroteSettings) {
                    Files.deleteIfExists(settings);
                    notes.removeIf(n -> n.startsWith("wrote " + settings));
                }
            }
        }
        ImportReport.Recognised recognised = new ImportReport.Recognised(outline.sections().size(), subs, items, tables, rows,
                questions, paragraphs);
        String owner = ExistingPolicy.read(target).flatMap(e -> e.value("owner")).orElse(null);
        String ownerBasis = r.owner() != null ? "as given with --owner"
                : ownership.owner().filter(o -> o.name().equals(owner)).map(o -> "from the document: '" + o.text() + "'")
                .orElse(existing.isPresent() || sibling.isPresent() ? "kept from the policy file" : "the default: the document names no owner");
        Contact sentTo = asked;
        String contactBasis = sentTo == null ? null
                : r.contact() != null ? "as given with --contact"
                : ownership.contact().filter(c -> c.name().equals(sentTo.name())).map(c -> "from the document: '" + c.text() + "'")
                .orElse((sentTo.placeholder() ? "a placeholder from " : "from ") + settings);
        return new ImportReport(r.policyId(), lang, target, docs.stream().map(SourceDocument::file).toList(), fromVersion, version,
                effective.date(), effective.basis(), owner, ownerBasis, asked, contactBasis, recognised, outline.dropped(),
                missingShort, added, changed, removed, notes, problems);
    }

    private static SourceDocument read(Path f) throws IOException {
        if (!Files.isRegularFile(f)) {
            throw new ImportException(f + ": no such file", false);
        }
        String name = f.getFileName().toString().toLowerCase(Locale.ROOT);
        DocumentReader reader;
        if (name.endsWith(".docx")) {
            reader = new DocxReader();
        } else if (name.endsWith(".pdf")) {
            reader = new PdfReader();
        } else if (name.endsWith(".html") || name.endsWith(".htm")) {
            reader = new HtmlReader();
        } else if (name.endsWith(".md") || name.endsWith(".markdown")) {
            reader = new MarkdownReader();
        } else if (name.endsWith(".doc")) {
            throw new ImportException(f + ": an old Word .doc file; open it in Word and save it as .docx, then import that", true);
        } else {
            throw new ImportException(f + ": unknown document type; import .docx, .pdf, .html, .htm or .md files", true);
        }
        try {
            return reader.read(f);
        } catch (IOException | RuntimeException e) {
            throw new ImportException(f + ": cannot be read as " + name.substring(name.lastIndexOf('.') + 1) + ": " + e.getMessage(), false);
        }
    }

    /** Section ids: the previous import's id for the same (or a renamed) section, else one made from the heading. */
    private static List<String> assignIds(List<PolicyWriter.Draft> drafts, Optional<ExistingPolicy> existing,
                                          Optional<ExistingPolicy> sibling, List<String> notes) {
        String[] ids = new String[drafts.size()];
        Set<String> used = new HashSet<>();
        if (existing.isEmpty() && sibling.isPresent()) {
            List<ExistingPolicy.OldSection> other = sibling.get().sections();
            if (other.size() == drafts.size()) {
                for (int i = 0; i < ids.length; i++) {
                    ids[i] = other.get(i).id();
                }
                notes.add("section ids taken in order from the policy's other language (" + other.size() + " sections in both)");
                return List.of(ids);
            }
            notes.add("the other language has " + other.size() + " sections and this document " + drafts.size()
                    + ": section ids could not be matched; give both the same headings");
        }
        List<ExistingPolicy.OldSection> old = existing.map(ExistingPolicy::sections).orElse(List.of());
        List<ExistingPolicy.OldSection> free = new ArrayList<>(old);
        // 1. same title, 2. same slug
        for (int i = 0; i < ids.length; i++) {
            String title = drafts.get(i).title();
            for (ExistingPolicy.OldSection s : free) {
                if (s.title().equalsIgnoreCase(title) || s.id().equals(PolicyWriter.slug(title))) {
                    ids[i] = s.id();
                    used.add(s.id());
                    free.remove(s);
                    break;
                }
            }
        }
        // 3. a renamed heading: the most similar remaining section by title and text
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] != null) {
                continue;
            }
            ExistingPolicy.OldSection best = null;
            double bestScore = 0.45;
            for (ExistingPolicy.OldSection s : free) {
                double score = 0.4 * jaccard(words(s.title()), words(drafts.get(i).title()))
                        + 0.6 * jaccard(words(s.body()), words(drafts.get(i).body()));
                if (score > bestScore) {
                    bestScore = score;
                    best = s;
                }
            }
            if (best != null) {
                ids[i] = best.id();
                used.add(best.id());
                free.remove(best);
                notes.add("'" + best.title() + "' was renamed '" + drafts.get(i).title() + "': it keeps its id " + best.id());
            }
        }
        Set<String> oldIds = new HashSet<>();
        old.forEach(s -> oldIds.add(s.id()));
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] != null) {
                continue;
            }
            String base = PolicyWriter.slug(drafts.get(i).title());
            if (base.isEmpty()) {
                base = "section-" + (i + 1);
            }
            String id = base;
            for (int n = 2; used.contains(id) || oldIds.contains(id); n++) {
                id = base + "-" + n;
            }
            ids[i] = id;
            used.add(id);
        }
        return List.of(ids);
    }

    private static Optional<ExistingPolicy> siblingLanguage(Path policyDir, String lang) throws IOException {
        if (!Files.isDirectory(policyDir)) {
            return Optional.empty();
        }
        try (var files = Files.list(policyDir)) {
            for (Path p : files.sorted().toList()) {
                String n = p.getFileName().toString();
                if (n.matches("policy\\.[a-zA-Z-]+\\.md") && !n.equals("policy." + lang + ".md")) {
                    return ExistingPolicy.read(p);
                }
            }
        }
        return Optional.empty();
    }

    private static String frontMatter(Request r, String lang, String title, String version, String effective,
                                      Optional<ExistingPolicy> base, boolean sameLanguage, StatedOwnership.Found stated,
                                      List<String> notes) {
        Optional<String> statedOwner = stated.owner().map(StatedOwnership.Owner::name);
        if (r.owner() != null && statedOwner.isPresent() && !statedOwner.get().equals(r.owner())) {
            notes.add("the document names its owner '" + statedOwner.get() + "'; --owner '" + r.owner() + "' was used");
        }
        if (r.contact() != null && stated.contact().isPresent()) {
            notes.add("the document gives a contact ('" + stated.contact().get().text() + "'); --contact " + r.contact() + " was used");
        }
        if (base.isPresent() && sameLanguage) {
            ExistingPolicy e = base.get();
            String front = e.frontMatter();
            front = e.withValue(front, "version", quote(version));
            front = e.withValue(front, "effective", effective);
            Optional<String> owner = Optional.ofNullable(r.owner()).or(() -> statedOwner);
            if (owner.isPresent() && !owner.get().equals(e.value("owner").orElse(null))) {
                front = e.withValue(front, "owner", quote(owner.get()));
            }
            if (r.link() != null) {
                front = e.withValue(front, "link", r.link());
            }
            if (r.contact() != null) {
                front = e.withValue(front, "contact", r.contact());
            } else if (stated.contact().isPresent()) {
                if (e.value("contact").isEmpty() && e.value("contacts").isEmpty()) {
                    front = front + contactLines(stated.contact().get());
                } else if (!front.contains(stated.contact().get().name())) {
                    notes.add("the document gives the contact '" + stated.contact().get().text()
                            + "'; the policy file's 'contact:' was kept: change it there if it should follow");
                }
            }
            return front;
        }
        StringBuilder f = new StringBuilder();
        f.append("policy: ").append(r.policyId()).append('\n');
        f.append("title: ").append(quote(title)).append('\n');
        f.append("version: ").append(quote(version)).append('\n');
        f.append("effective: ").append(effective).append('\n');
        String owner = Optional.ofNullable(r.owner()).or(() -> statedOwner).or(() -> base.flatMap(b -> b.value("owner")))
                .orElse("HR");
        f.append("owner: ").append(quote(owner)).append('\n');
        f.append("language: ").append(lang).append('\n');
        String link = r.link() != null ? r.link() : base.flatMap(b -> b.value("link")).orElse(null);
        if (link != null) {
            f.append("link: ").append(link).append('\n');
            // the source document has no anchors for our section ids
            f.append("link-anchors: ").append(base.flatMap(b -> b.value("link-anchors")).orElse("none")).append('\n');
        }
        String contact = r.contact() != null ? r.contact() : base.flatMap(b -> b.value("contact")).orElse(null);
        if (contact != null) {
            f.append("contact: ").append(contact).append('\n');
        } else if (stated.contact().isPresent()) {
            f.append(contactLines(stated.contact().get()));
        }
        return f.toString();
    }

    /** The document's own contact as this policy's {@code contacts:} entry, named for the team, and {@code contact:} to it. */
    private static String contactLines(StatedOwnership.StatedContact c) {
        String role = c.name().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (role.isEmpty() || role.length() > 40) {
            role = "policy-contact";
        }
        StringBuilder f = new StringBuilder();
        f.append("contact: ").append(role).append('\n');
        f.append("contacts:\n");
        f.append("  ").append(role).append(":\n");
        f.append("    name: ").append(quote(c.name())).append('\n');
        if (!c.email().isEmpty()) {
            f.append("    email: ").append(quote(c.email())).append('\n');
        }
        if (!c.channel().isEmpty()) {
            f.append("    channel: ").append(quote(c.channel())).append('\n');
        }
        return f.toString();
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** "1.0" -> "1.1", "2.9" -> "2.10", "3" -> "3.1". */
    static String bump(String version) {
        if (version == null || version.isBlank()) {
            return "1.0";
        }
        var m = Pattern.compile("(\\d+)(\\D*)$").matcher(version);
        if (!version.contains(".") && version.matches("\\d+")) {
            return version + ".1";
        }
        if (m.find()) {
            return version.substring(0, m.start(1)) + (Long.parseLong(m.group(1)) + 1) + m.group(2);
        }
        return version + ".1";
    }

    private static void writeSettings(Path settings) throws IOException {
        try (InputStream bundled = PolicyImporter.class.getClassLoader().getResourceAsStream(ContentLoader.BUNDLED_ROOT + "/settings.yaml")) {
            if (bundled != null) {
                Files.write(settings, bundled.readAllBytes());
                return;
            }
        }
        Files.writeString(settings, """
                # Values for {{company}} and {{contact.<role>.<field>}} in every policy, quiz and role-play.
                company: Your company
                contacts:
                  hr:
                    name: HR
                    email: hr@example.com
                    channel: "#ask-hr"
                """, StandardCharsets.UTF_8);
    }

    private static String normalise(String body) {
        return body.replaceAll("\\s+", " ").strip();
    }

    private static Set<String> words(String s) {
        Set<String> out = new HashSet<>();
        for (String w : s.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (w.length() > 2) {
                out.add(w);
            }
        }
        return out;
    }

    private static double jaccard(Set<String> a, Set<String> b) {
        if (a.isEmpty() && b.isEmpty()) {
            return 0;
        }
        Set<String> both = new HashSet<>(a);
        both.retainAll(b);
        return (double) both.size() / (a.size() + b.size() - both.size());
    }
}
