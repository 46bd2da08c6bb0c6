package io.policybot.content;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Loads and validates a content directory (see docs/content-format.md). All or nothing: any problem throws a
 * {@link ContentException} listing every problem found, each with its file and line.
 */
public final class ContentLoader {
    /** Where the bundled content sits on the classpath (the {@code content} module). */
    public static final String BUNDLED_ROOT = "policybot/content";

    private static final Pattern POLICY_FILE = Pattern.compile("policy\\.([a-z]{2}(?:-[A-Za-z]{2,4})?)\\.md");
    private static final Pattern QUIZ_FILE = Pattern.compile("quiz[\\w-]*\\.([a-z]{2}(?:-[A-Za-z]{2,4})?)\\.ya?ml");
    private static final Pattern ROLEPLAY_FILE = Pattern.compile("roleplay[\\w-]*\\.([a-z]{2}(?:-[A-Za-z]{2,4})?)\\.ya?ml");
    private static final Pattern POLICY_ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private final PolicyMarkdownParser markdown = new PolicyMarkdownParser();
    private final TrainingFileParser training = new TrainingFileParser();

    /** Loads the content bundled on the classpath. */
    public ContentLibrary loadBundled() {
        URL settings = ContentLoader.class.getClassLoader().getResource(BUNDLED_ROOT + "/settings.yaml");
        if (settings == null) {
            throw new ContentException(List.of(new ContentProblem(BUNDLED_ROOT, 0,
                    "no bundled content on the classpath: add the policybot-content module or give a content directory")));
        }
        try {
            URI uri = settings.toURI();
            if (uri.getScheme().equals("jar")) {
                try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                    return load(jar.getPath("/" + BUNDLED_ROOT));
                }
            }
            return load(Path.of(uri).getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Loads a content directory. */
    public ContentLibrary load(Path root) {
        List<ContentProblem> problems = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            throw new ContentException(List.of(new ContentProblem(root.toString(), 0, "not a directory")));
        }
        Map<String, byte[]> files = readAll(root, problems);
        int beforeSettings = problems.size();
        ContentSettings settings = readSettings(files, problems);
        // With broken settings every placeholder would look unknown: report the settings error alone.
        List<ContentProblem> placeholderProblems = problems.size() == beforeSettings ? problems : new ArrayList<>();

        Map<String, Policy> policies = new TreeMap<>();
        Set<String> policyDirs = new TreeSet<>();
        for (String name : files.keySet()) {
            if (name.contains("/")) {
                policyDirs.add(name.substring(0, name.indexOf('/')));
            }
        }
        for (String dir : policyDirs) {
            Map<String, String> raw = new TreeMap<>();
            files.forEach((name, bytes) -> {
                if (name.startsWith(dir + "/")) {
                    String text = decode(name, bytes, problems);
                    if (text != null) {
                        raw.put(name, text);
                    }
                }
            });
            // a policy's own contacts (front matter 'contacts:') fill its placeholders before settings.yaml's
            Placeholders forPolicy = new Placeholders(settings.withContacts(ownContacts(dir, raw)));
            Map<String, String> texts = new TreeMap<>();
            raw.forEach((name, text) -> texts.put(name, forPolicy.fill(text, name, placeholderProblems)));
            Policy policy = loadPolicy(dir, texts, settings, problems);
            if (policy != null) {
                policies.put(policy.id(), policy);
            }
        }
        if (policies.isEmpty() && problems.isEmpty()) {
            problems.add(new ContentProblem(root.toString(), 0, "no policies: add a folder with a policy.<lang>.md file"));
        }
        if (!problems.isEmpty()) {
            throw new ContentException(problems);
        }
        return new ContentLibrary(settings, policies, fingerprint(files));
    }

    /** The contacts the policy files of a folder declare in their front matter (errors are reported by the parser). */
    private static Map<String, Contact> ownContacts(String dir, Map<String, String> raw) {
        Map<String, Contact> out = new TreeMap<>();
        raw.forEach((name, text) -> {
            if (POLICY_FILE.matcher(name.substring(dir.length() + 1)).matches()) {
                FrontMatter front = FrontMatter.read(text.split("\n", -1), name, new ArrayList<>());
                if (front != null && front.values().get("contacts") instanceof Map<?, ?> map) {
                    map.forEach((role, v) -> {
                        if (v instanceof Map<?, ?> c && c.get("name") != null) {
                            out.putIfAbsent(String.valueOf(role), new Contact(String.valueOf(role), c.get("name").toString().trim(),
                                    c.get("email") == null ? "" : c.get("email").toString().trim(),
                                    c.get("channel") == null ? "" : c.get("channel").toString().trim()));
                        }
                    });
                }
            }
        });
        return out;
    }

    private Policy loadPolicy(String dir, Map<String, String> texts, ContentSettings settings, List<ContentProblem> problems) {
        int before = problems.size();
        if (!POLICY_ID.matcher(dir).matches()) {
            problems.add(new ContentProblem(dir, 0, "policy folder names are ids: lowercase letters, digits and dashes"));
            return null;
        }
        Map<String, PolicyDocument> documents = new TreeMap<>();
        Map<String, List<QuizQuestion>> quizzes = new TreeMap<>();
        Map<String, List<Scenario>> scenarios = new TreeMap<>();
        Map<String, String> quizFiles = new LinkedHashMap<>();      // "lang/id" -> file, for error messages
        Map<String, String> scenarioFiles = new LinkedHashMap<>();
        List<String[]> training = new ArrayList<>();
        Set<String> brokenLanguages = new TreeSet<>();   // a policy file that exists but failed: no knock-on errors
        for (Map.Entry<String, String> e : texts.entrySet()) {
            String file = e.getKey();
            String name = file.substring(dir.length() + 1);
            Matcher policy = POLICY_FILE.matcher(name);
            if (policy.matches()) {
                PolicyDocument doc = markdown.parse(e.getValue(), file, settings.contacts().keySet(), problems);
                if (doc == null) {
                    brokenLanguages.add(policy.group(1));
                } else if (!doc.policyId().equals(dir)) {
                    brokenLanguages.add(policy.group(1));
                    problems.add(new ContentProblem(file, FrontMatter.lineOf(e.getValue(), "policy"), "front matter says policy '"
                            + doc.policyId() + "' but the folder is '" + dir + "': they must match"));
                } else if (!doc.language().equals(policy.group(1))) {
                    brokenLanguages.add(policy.group(1));
                    problems.add(new ContentProblem(file, FrontMatter.lineOf(e.getValue(), "language"), "front matter says language '"
                            + doc.language() + "' but the file name says '" + policy.group(1) + "'"));
                } else {
                    documents.put(doc.language(), doc);
                }
            } else if (QUIZ_FILE.matcher(name).matches() || ROLEPLAY_FILE.matcher(name).matches()) {
                training.add(new String[] {file, name});
            } else if (!name.startsWith(".") && !name.equalsIgnoreCase("README.md")) {
                problems.add(new ContentProblem(file, 0, "unexpected file: policy folders hold policy.<lang>.md, "
                        + "quiz*.<lang>.yaml and roleplay*.<lang>.yaml"));
            }
        }
        if (documents.isEmpty()) {
            if (problems.size() == before) {
                problems.add(new ContentProblem(dir, 0, "no policy.<lang>.md file in this policy folder"));
            }
            return null;
        }
        checkLanguagesAgree(dir, documents, texts, problems);
        for (String[] t : training) {
            String file = t[0];
            boolean quiz = QUIZ_FILE.matcher(t[1]).matches();
            Matcher m = (quiz ? QUIZ_FILE : ROLEPLAY_FILE).matcher(t[1]);
            m.matches();
            String lang = m.group(1);
            PolicyDocument doc = documents.get(lang);
            YamlNode.parse(texts.get(file), file, problems).ifPresent(root -> {
                root.optionalText("language").filter(l -> !l.equals(lang)).ifPresent(l -> root.get("language").get()
                        .problem("language '" + l + "' does not match the file name's '" + lang + "'"));
                root.optionalText("policy").filter(p -> !p.equals(dir)).ifPresent(p -> root.get("policy").get()
                        .problem("policy '" + p + "' does not match the folder '" + dir + "'"));
                if (doc == null && brokenLanguages.contains(lang)) {
                    return; // the policy file's own error says what to fix
                }
                if (doc == null) {
                    root.problem("there is no policy." + lang + ".md for this " + (quiz ? "quiz" : "role-play") + " language");
                    return;
                }
                Set<String> ids = new LinkedHashSet<>();
                doc.sections().forEach(s -> ids.add(s.id()));
                if (quiz) {
                    for (QuizQuestion q : this.training.parseQuiz(root, ids, file)) {
                        if (quizFiles.putIfAbsent(lang + "/" + q.id(), file) != null) {
                            problems.add(new ContentProblem(file, q.line(), "duplicate question id '" + q.id() + "'"));
                        }
                        quizzes.computeIfAbsent(lang, k -> new ArrayList<>()).add(q);
                    }
                } else {
                    for (Scenario s : this.training.parseScenarios(root, ids, file)) {
                        if (scenarioFiles.putIfAbsent(lang + "/" + s.id(), file) != null) {
                            problems.add(new ContentProblem(file, s.line(), "duplicate scenario id '" + s.id() + "'"));
                        }
                        scenarios.computeIfAbsent(lang, k -> new ArrayList<>()).add(s);
                    }
                }
            });
        }
        checkItemsAgree(documents.keySet(), quizzes, QuizQuestion::id, QuizQuestion::line, quizFiles, "question", problems);
        checkItemsAgree(documents.keySet(), scenarios, s -> s.id() + stepIds(s), Scenario::line, scenarioFiles,
                "scenario (with its steps)", problems);
        if (problems.size() > before) {
            return null;
        }
        return new Policy(dir, documents, quizzes, scenarios);
    }

    private static String stepIds(Scenario s) {
        return " " + new TreeSet<>(s.steps().keySet());
    }

    /** Every language has the same sections and version. */
    private static void checkLanguagesAgree(String dir, Map<String, PolicyDocument> docs, Map<String, String> texts,
                                            List<ContentProblem> problems) {
        Set<String> all = new LinkedHashSet<>();
        docs.values().forEach(d -> d.sections().forEach(s -> all.add(s.id())));
        for (PolicyDocument doc : docs.values()) {
            for (String id : all) {
                if (doc.section(id).isEmpty()) {
                    PolicyDocument has = docs.values().stream().filter(d -> d.section(id).isPresent()).findFirst().orElseThrow();
                    problems.add(new ContentProblem(doc.source(), 0, "section '" + id + "' is missing in this language ("
                            + doc.language() + "); it is in " + has.source() + " line " + has.section(id).get().line()));
                }
            }
        }
        Set<String> versions = new TreeSet<>();
        docs.values().forEach(d -> versions.add(d.version()));
        if (versions.size() > 1) {
            for (PolicyDocument doc : docs.values()) {
                problems.add(new ContentProblem(doc.source(), FrontMatter.lineOf(texts.get(doc.source()), "version"),
                        "version '" + doc.version()
                        + "' differs between languages " + versions + ": publish every language at the same version"));
            }
        }
    }

    /** Training items must exist in every language the policy has, when any language has them. */
    private static <T> void checkItemsAgree(Set<String> languages, Map<String, List<T>> byLang, Function<T, String> key,
                                            Function<T, Integer> line, Map<String, String> files, String what,
                                            List<ContentProblem> problems) {
        if (byLang.isEmpty()) {
            return;
        }
        Map<String, T> seen = new LinkedHashMap<>();
        Map<String, String> seenLang = new LinkedHashMap<>();
        byLang.forEach((lang, items) -> items.forEach(i -> {
            seen.putIfAbsent(key.apply(i), i);
            seenLang.putIfAbsent(key.apply(i), lang);
        }));
        for (String lang : languages) {
            Set<String> have = new LinkedHashSet<>();
            byLang.getOrDefault(lang, List.of()).forEach(i -> have.add(key.apply(i)));
            for (Map.Entry<String, T> e : seen.entrySet()) {
                if (!have.contains(e.getKey())) {
                    String otherLang = seenLang.get(e.getKey());
                    String id = e.getKey().split(" ")[0];
                    problems.add(new ContentProblem(files.get(otherLang + "/" + id), line.apply(e.getValue()),
                            what + " '" + e.getKey() + "' has no match in language '" + lang
                                    + "': every language needs the same items"));
                }
            }
        }
    }

    private static Map<String, byte[]> readAll(Path root, List<ContentProblem> problems) {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                if (Files.isRegularFile(p)) {
                    String name = root.relativize(p).toString().replace('\\', '/');
                    if (name.chars().filter(c -> c == '/').count() > 1) {
                        problems.add(new ContentProblem(name, 0, "unexpected nested folder: content is <policy>/<file>"));
                        continue;
                    }
                    files.put(name, Files.readAllBytes(p));
                }
            }
        } catch (IOException e) {
            problems.add(new ContentProblem(root.toString(), 0, "cannot read: " + e.getMessage()));
        }
        return files;
    }

    private static String decode(String name, byte[] bytes, List<ContentProblem> problems) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
            return text.replace("\r\n", "\n").replace('\r', '\n').replace("\uFEFF", "");
        } catch (CharacterCodingException e) {
            problems.add(new ContentProblem(name, 0, "not UTF-8 text: save the file as UTF-8"));
            return null;
        }
    }

    private static ContentSettings readSettings(Map<String, byte[]> files, List<ContentProblem> problems) {
        byte[] bytes = files.get("settings.yaml");
        if (bytes == null) {
            problems.add(new ContentProblem("settings.yaml", 0, "missing: it names the company and the contacts"));
            return new ContentSettings("", Map.of());
        }
        String text = decode("settings.yaml", bytes, problems);
        if (text == null) {
            return new ContentSettings("", Map.of());
        }
        return YamlNode.parse(text, "settings.yaml", problems).map(root -> {
            String company = root.text("company");
            Map<String, Contact> contacts = new TreeMap<>();
            root.get("contacts").ifPresentOrElse(c -> {
                for (String role : c.keys()) {
                    YamlNode n = c.get(role).orElseThrow();
                    contacts.put(role, new Contact(role, n.text("name"), n.optionalText("email").orElse(""),
                            n.optionalText("channel").orElse("")));
                }
            }, () -> root.problem("'contacts' is missing"));
            return new ContentSettings(company, contacts);
        }).orElse(new ContentSettings("", Map.of()));
    }

    private static String fingerprint(Map<String, byte[]> files) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            files.forEach((name, bytes) -> {
                sha.update(name.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(bytes);
            });
            return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
