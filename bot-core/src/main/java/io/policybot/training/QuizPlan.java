package io.policybot.training;

import io.policybot.content.QuizQuestion;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;

/**
 * The questions of one quiz in the order this person sees them, each with its options' order.
 * Stored as the session's state, so a resumed quiz shows exactly what it showed before.
 */
public record QuizPlan(List<Planned> questions) {
    public QuizPlan {
        questions = List.copyOf(questions);
    }

    /**
     * @param id      the question id
     * @param options the content's option numbers in display order: {@code options.get(shown)} is the option
     *                shown at position {@code shown}
     */
    public record Planned(String id, List<Integer> options) {
        public Planned {
            options = List.copyOf(options);
        }
    }

    public int size() {
        return questions.size();
    }

    public Planned get(int index) {
        return questions.get(index);
    }

    /**
     * Draws up to {@code count} questions spread across sections: one per section first (sections in random
     * order), a second round only when there are fewer sections than questions. Then shuffles the questions and
     * each question's options.
     */
    public static QuizPlan draw(List<QuizQuestion> pool, int count, RandomGenerator random) {
        Map<String, List<QuizQuestion>> bySection = new LinkedHashMap<>();
        pool.forEach(q -> bySection.computeIfAbsent(q.sectionId(), k -> new ArrayList<>()).add(q));
        List<List<QuizQuestion>> groups = new ArrayList<>();
        for (List<QuizQuestion> group : bySection.values()) {
            List<QuizQuestion> shuffled = new ArrayList<>(group);
            Collections.shuffle(shuffled, random);
            groups.add(shuffled);
        }
        Collections.shuffle(groups, random);
        List<QuizQuestion> picked = new ArrayList<>();
        for (int round = 0; picked.size() < count && picked.size() < pool.size(); round++) {
            for (List<QuizQuestion> group : groups) {
                if (round < group.size() && picked.size() < count) {
                    picked.add(group.get(round));
                }
            }
        }
        Collections.shuffle(picked, random);
        List<Planned> planned = new ArrayList<>();
        for (QuizQuestion q : picked) {
            List<Integer> order = new ArrayList<>(IntStream.range(0, q.options().size()).boxed().toList());
            Collections.shuffle(order, random);
            planned.add(new Planned(q.id(), order));
        }
        return new QuizPlan(planned);
    }
}
