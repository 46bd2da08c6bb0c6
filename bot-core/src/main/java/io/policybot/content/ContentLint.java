package io.policybot.content;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Suggestions for content that loads but could serve people better: sections without an "In short" answer,
 * sections no quiz question covers (every section of a policy without any quiz: where questions are missing),
 * policies without any quiz, passages too long to quote, declines that send people to an example address. Never errors.
 */
public final class ContentLint {
    static final int LONG_PASSAGE = 700;

    /** One suggestion, where a person editing the files finds it. */
    public record Suggestion(String file, int line, String message) {
        @Override
        public String toString() {
            return line > 0 ? file + ":" + line + ": " + message : file + ": " + message;
        }
    }

    public List<Suggestion> check(ContentLibrary library) {
        List<Suggestion> out = new ArrayList<>();
        for (Policy policy : library.all()) {
            for (String lang : policy.languages()) {
                PolicyDocument doc = policy.exactDocument(lang).orElseThrow();
                for (Section s : doc.sections()) {
                    if (!s.hasShortAnswer()) {
                        out.add(new Suggestion(doc.source(), s.line(), "section '" + s.id() + "' has no short answer: "
                                + "answers lead with the passage that best matches the question; for a one-line answer add "
                                + "'> **In short:** ...' under the heading"));
                    }
                    for (Passage p : s.passages()) {
                        if (p.markdown().length() > LONG_PASSAGE) {
                            out.add(new Suggestion(doc.source(), p.line(), "a passage of section '" + s.id() + "' is "
                                    + p.markdown().length() + " characters long: split it into shorter rules or paragraphs, "
                                    + "answers quote passages whole"));
                        }
                    }
                }
            }
            PolicyDocument first = policy.document("en");
            first.contact(library.settings()).filter(Contact::placeholder).ifPresent(c -> out.add(new Suggestion(first.source(), 0,
                    "questions this policy does not answer send people to " + c.plain() + ", an example address: put the "
                            + "company's real contact in settings.yaml (contacts: " + c.role() + ":) or in this policy's own "
                            + "'contacts:'")));
            String quizFile = "quiz-part1." + first.language() + ".yaml";
            if (policy.acknowledgementOnly()) {
                out.add(new Suggestion(first.source(), 0, "no quiz: training for this policy is acknowledgement only "
                        + "(people read it and press 'I have read it'); to test understanding, add " + quizFile
                        + " beside it with questions for the sections below"));
            }
            Set<String> covered = new HashSet<>();
            policy.quiz(first.language()).forEach(q -> covered.add(q.sectionId()));
            for (Section s : first.sections()) {
                if (!covered.contains(s.id())) {
                    out.add(new Suggestion(first.source(), s.line(), "no quiz question covers section '" + s.id()
                            + "': add one to " + quizFile + " (section: " + s.id() + ")"));
                }
            }
        }
        return out;
    }
}
