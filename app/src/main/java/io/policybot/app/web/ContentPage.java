package io.policybot.app.web;

import com.sun.net.httpserver.HttpExchange;
import io.policybot.announcements.Announcement;
import io.policybot.answering.Answer;
import io.policybot.answering.AnswerReplies;
import io.policybot.answering.AnsweringSettings;
import io.policybot.answering.QuestionAnswerer;
import io.policybot.answering.RankedSection;
import io.policybot.content.ContentException;
import io.policybot.content.ContentLibrary;
import io.policybot.content.ContentLint;
import io.policybot.content.ContentLoader;
import io.policybot.content.ContentProblem;
import io.policybot.content.Policy;
import io.policybot.content.PolicyDocument;
import io.policybot.content.Section;
import io.policybot.people.StaffAccess;
import io.policybot.text.WordDiff;
import io.policybot.versions.ContentChanges;
import io.policybot.versions.PolicyVersionStore;
import io.policybot.versions.PublishedVersion;
import io.policybot.versions.SectionFingerprint;
import io.policybot.wiring.Services;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The console's Content page (HR and admins): every policy in force with its published versions, each section as
 * employees see it in chat, a diff between any two published versions, the validation status of the content
 * directory with file:line problems, and "try a question". Each is the engine's own use case: sections and answers
 * are rendered from {@link AnswerReplies}' blocks, the diff is {@link ContentChanges} with {@link WordDiff}, the check
 * is {@link ContentLoader} and {@link ContentLint} (what {@code content validate} and {@code content lint} run), and a
 * tried question goes to the {@link QuestionAnswerer} in force but never to the question log: HR's tries are not
 * employees' questions and must not show up in the gaps report.
 */
final class ContentPage {
    private final Source source;
    private final PolicyVersionStore versions;
    private final Services services;
    private final StaffAccess access;
    private final Pages pages;
    private final Clock clock;

    /**
     * What the page reads besides the stores.
     *
     * @param answerer  the answerer in force (the one chat uses)
     * @param directory the content directory the process was started with; null for the bundled content
     */
    record Source(Supplier<QuestionAnswerer> answerer, Path directory) {

        /**
         * For a console without the chat's answerer at hand (tests, benchmarks): a lexical answerer on the content in
         * force, built again when that content changes.
         */
        static Source lexical(Supplier<ContentLibrary> content) {
            AtomicReference<QuestionAnswerer> built = new AtomicReference<>();
            return new Source(() -> built.updateAndGet(a -> {
                ContentLibrary now = content.get();
                return a != null && a.library().fingerprint().equals(now.fingerprint()) ? a
                        : new QuestionAnswerer(now, AnsweringSettings.DEFAULTS);
            }), null);
        }
    }

    ContentPage(Services services, Source source, StaffAccess access, Pages pages, Clock clock) {
        this.source = source;
        this.versions = services.storage().versions();
        this.services = services;
        this.access = access;
        this.pages = pages;
        this.clock = clock;
    }

    /** GET {@code /content}, {@code /content/policy} and {@code /content/diff}. */
    void get(HttpExchange ex, WebConsole.Viewer v, Request r) throws IOException {
        if (refused(ex, v, r)) {
            return;
        }
        switch (r.path()) {
            case "/content/policy" -> policy(ex, v, r);
            case "/content/diff" -> diff(ex, v, r);
            default -> index(ex, v);
        }
    }

    /** POST {@code /content/try} (the CSRF token is checked by the router). */
    void tryQuestion(HttpExchange ex, WebConsole.Viewer v, Request r) throws IOException {
        if (refused(ex, v, r)) {
            return;
        }
        String question = r.params().getOrDefault("q", "");
        String language = r.param("lang");
        QuestionAnswerer answerer = source.answerer().get();
        ContentLibrary library = answerer.library();
        // Not the engine's answer(): that one logs the question for the gaps report. The same answerer and the same
        // blocks, without a log id (so without the feedback and Ask HR buttons a logged question carries).
        Answer answer = answerer.answer(question, library.languages().contains(language) ? language : v.language());
        List<Map<String, Object>> ranked = new ArrayList<>();
        for (RankedSection s : answer.sections()) {
            String title = library.policy(s.policyId()).map(p -> p.document(answer.language()).title()).orElse(s.policyId());
            ranked.add(Map.of("policy", title, "section", s.title(), "id", s.policyId() + "/" + s.sectionId(),
                    "score", String.format(Locale.ROOT, "%.3f", s.score())));
        }
        Map<String, Object> vars = new HashMap<>(common(v, library));
        vars.put("question", question);
        vars.put("tryLanguage", language);
        vars.put("answer", answer);
        vars.put("reply", BlockHtml.render(AnswerReplies.answer(answer, null, AnsweringSettings.DEFAULTS.maxQuestionChars())));
        vars.put("kind", answer.kind().id());
        vars.put("confidence", String.format(Locale.ROOT, "%.2f", answer.confidence()));
        vars.put("ranked", ranked);
        html(ex, 200, "content-try", v, vars);
    }

    private boolean refused(HttpExchange ex, WebConsole.Viewer v, Request r) throws IOException {
        if (v.roles().staff()) {
            return false;
        }
        access.refuse(v.actor(), v.roles(), "console " + r.path().substring(1), "");
        WebConsole.html(ex, 403, pages.render("message", v.language(), WebConsole.page(v, "content",
                Map.of("message", v.m().get("refused")))));
        return true;
    }

    private Map<String, Object> common(WebConsole.Viewer v, ContentLibrary library) {
        List<Map<String, Object>> policies = new ArrayList<>();
        for (Policy p : library.all()) {
            PolicyDocument doc = p.document(v.language());
            policies.add(Map.of("id", p.id(), "title", doc.title(), "version", p.version(),
                    "languages", String.join(", ", p.languages()), "sections", doc.sections().size(),
                    "quiz", !p.acknowledgementOnly(), "history", history(p.id())));
        }
        return Map.of("policies", policies, "languages", List.copyOf(library.languages()));
    }

    /** The policy's published versions, oldest first, each with the day it was announced (if it was). */
    private List<Map<String, String>> history(String policyId) {
        Map<String, Announcement> announced = new HashMap<>();
        for (Announcement a : services.storage().announcements().allConfirmed()) {
            if (a.policyId().equals(policyId)) {
                announced.put(a.version(), a);
            }
        }
        DateTimeFormatter day = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(clock.getZone());
        List<Map<String, String>> out = new ArrayList<>();
        for (PublishedVersion pv : versions.history(policyId)) {
            Announcement a = announced.get(pv.version());
            out.add(Map.of("version", pv.version(), "seq", String.valueOf(pv.seq()),
                    "effective", pv.effectiveOn() == null ? "—" : pv.effectiveOn().toString(),
                    "published", day.format(pv.publishedAt()),
                    "announced", a == null || a.confirmedAt() == null ? "" : day.format(a.confirmedAt())));
        }
        return out;
    }

    // ---- the overview: validation, versions, try a question ----

    private void index(HttpExchange ex, WebConsole.Viewer v) throws IOException {
        ContentLibrary served = source.answerer().get().library();
        Map<String, Object> vars = new HashMap<>(common(v, served));
        vars.putAll(validation(served));
        vars.put("question", "");
        vars.put("tryLanguage", "");
        html(ex, 200, "content", v, vars);
    }

    /**
     * The content directory checked now, as {@code content validate} and {@code content lint} check it: every problem
     * with its file and line, and whether what the directory holds is what is being served.
     */
    private Map<String, Object> validation(ContentLibrary served) {
        Path dir = source.directory();
        ContentLoader loader = new ContentLoader();
        List<String> problems = new ArrayList<>();
        List<String> suggestions = new ArrayList<>();
        String fingerprint = "";
        try {
            ContentLibrary checked = dir == null ? loader.loadBundled() : loader.load(dir);
            fingerprint = checked.fingerprint();
            new ContentLint().check(checked).forEach(s -> suggestions.add(s.toString()));
        } catch (ContentException e) {
            e.problems().stream().map(ContentProblem::toString).forEach(problems::add);
        } catch (RuntimeException e) {
            problems.add((dir == null ? "bundled content" : dir.toString()) + ": " + e.getMessage());
        }
        return Map.of("directory", dir == null ? "" : dir.toAbsolutePath().toString(), "valid", problems.isEmpty(),
                "problems", problems, "suggestions", suggestions,
                "servedNow", !fingerprint.isEmpty() && fingerprint.equals(served.fingerprint()));
    }

    // ---- a policy's sections as employees see them ----

    private void policy(HttpExchange ex, WebConsole.Viewer v, Request r) throws IOException {
        ContentLibrary library = source.answerer().get().library();
        Optional<Policy> policy = library.policy(r.param("id"));
        if (policy.isEmpty()) {
            notFound(ex, v);
            return;
        }
        Policy p = policy.get();
        String language = p.languages().contains(r.param("lang")) ? r.param("lang") : p.bestLanguage(v.language());
        PolicyDocument doc = p.document(language);
        List<Map<String, String>> sections = new ArrayList<>();
        for (Section s : doc.sections()) {
            sections.add(Map.of("id", s.id(), "title", s.title(), "source", doc.source() + ":" + s.line(),
                    "html", BlockHtml.render(AnswerReplies.section(p, doc, s))));
        }
        html(ex, 200, "content-policy", v, Map.of("policy", Map.of("id", p.id(), "title", doc.title(),
                "version", p.version(), "effective", doc.effective() == null ? "—" : doc.effective().toString()),
                "language", language, "languages", List.copyOf(p.languages()), "sections", sections));
    }

    // ---- the diff of two published versions ----

    private void diff(HttpExchange ex, WebConsole.Viewer v, Request r) throws IOException {
        String policyId = r.param("policy");
        List<PublishedVersion> history = versions.history(policyId);
        if (history.isEmpty()) {
            notFound(ex, v);
            return;
        }
        String to = r.param("to").isEmpty() ? history.getLast().version() : r.param("to");
        String from = r.param("from").isEmpty() && history.size() > 1 ? history.get(history.size() - 2).version()
                : r.param("from");
        Optional<PublishedVersion> before = versions.find(policyId, from);
        Optional<PublishedVersion> after = versions.find(policyId, to);
        Map<String, Object> vars = new HashMap<>();
        vars.put("policyId", policyId);
        vars.put("title", source.answerer().get().library().policy(policyId)
                .map(p -> p.document(v.language()).title()).orElse(policyId));
        vars.put("versions", history.stream().map(PublishedVersion::version).toList());
        vars.put("from", from);
        vars.put("to", to);
        vars.put("found", before.isPresent() && after.isPresent());
        List<Map<String, Object>> languages = new ArrayList<>();
        if (before.isPresent() && after.isPresent()) {
            ContentChanges changes = ContentChanges.between(before.get(), after.get());
            changes.languages().forEach((lang, c) -> languages.add(language(lang, c, before.get(), after.get())));
        }
        vars.put("changes", languages);
        html(ex, 200, "content-diff", v, vars);
    }

    /**
     * One language's changes, section by section in the newer version's order (removed ones last). What a version
     * keeps of each section is its title and its one-line summary (the "in short" answer), so those are what is
     * compared word by word; the text hash says whether anything else in the section changed.
     */
    private static Map<String, Object> language(String lang, ContentChanges.Language c, PublishedVersion before,
                                                PublishedVersion after) {
        Map<String, SectionFingerprint> old = new LinkedHashMap<>();
        before.sections().getOrDefault(lang, List.of()).forEach(s -> old.put(s.sectionId(), s));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (SectionFingerprint s : c.added()) {
            rows.add(row("added", s.sectionId(), List.of(part("ADDED", s.title())), List.of(part("ADDED", s.summary()))));
        }
        for (SectionFingerprint s : c.changed()) {
            SectionFingerprint was = old.get(s.sectionId());
            List<Map<String, String>> summary = parts(WordDiff.parts(was.summary(), s.summary()));
            rows.add(row("changed", s.sectionId(), parts(WordDiff.parts(was.title(), s.title())), summary));
        }
        rows.sort(java.util.Comparator.comparingInt(m -> position(after, lang, (String) m.get("id"))));
        for (SectionFingerprint s : c.removed()) {
            rows.add(row("removed", s.sectionId(), List.of(part("REMOVED", s.title())),
                    List.of(part("REMOVED", s.summary()))));
        }
        int total = after.sections().getOrDefault(lang, List.of()).size();
        return Map.of("language", lang, "rows", rows, "changed", c.changed().size(), "added", c.added().size(),
                "removed", c.removed().size(), "unchanged", total - c.added().size() - c.changed().size());
    }

    private static int position(PublishedVersion v, String lang, String sectionId) {
        return v.sections().getOrDefault(lang, List.of()).stream().filter(s -> s.sectionId().equals(sectionId))
                .mapToInt(SectionFingerprint::position).findFirst().orElse(Integer.MAX_VALUE);
    }

    private static Map<String, Object> row(String kind, String id, List<Map<String, String>> title,
                                           List<Map<String, String>> summary) {
        boolean textOnly = kind.equals("changed") && summary.stream().allMatch(p -> p.get("kind").equals("SAME"))
                && title.stream().allMatch(p -> p.get("kind").equals("SAME"));
        return Map.of("kind", kind, "id", id, "title", title, "summary", summary, "otherText", textOnly);
    }

    private static List<Map<String, String>> parts(List<WordDiff.Part> parts) {
        return parts.stream().map(p -> part(p.kind().name(), p.text())).toList();
    }

    private static Map<String, String> part(String kind, String text) {
        return Map.of("kind", kind, "text", text);
    }

    // ---- responses ----

    private void notFound(HttpExchange ex, WebConsole.Viewer v) throws IOException {
        WebConsole.html(ex, 404, pages.render("message", v.language(), WebConsole.page(v, "content",
                Map.of("message", v.m().get("notFound")))));
    }

    private void html(HttpExchange ex, int status, String template, WebConsole.Viewer v, Map<String, Object> vars)
            throws IOException {
        WebConsole.html(ex, status, pages.render(template, v.language(), WebConsole.page(v, "content", vars)));
    }
}
