package io.policybot.content;

import java.util.List;

/** A multiple-choice question about one section, in one language. */
public record QuizQuestion(String id, String sectionId, String question, List<Option> options, String explanation,
                           int line) {
    public QuizQuestion {
        options = List.copyOf(options);
    }

    public int correctIndex() {
        for (int i = 0; i < options.size(); i++) {
            if (options.get(i).correct()) {
                return i;
            }
        }
        throw new IllegalStateException("validated questions have a correct option: " + id);
    }

    public record Option(String text, boolean correct) {
    }
}
