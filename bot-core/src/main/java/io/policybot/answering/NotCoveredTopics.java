package io.policybot.answering;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The settings' "not covered" topics ({@code Name: item, item, ...}) less what the loaded policies answer. HR writes the
 * list for the company's other policies; when one of those is loaded later (a remote-work policy beside "Working hours
 * and remote work" in the list), its questions must reach it, not "I don't know". Decided from the index itself at build
 * time: a topic whose name a loaded section answers confidently is left out whole, an item such a section answers is
 * left out of its topic, the rest stays.
 */
final class NotCoveredTopics {
    /**
     * The index's confidence from which a topic's name or item counts as answered by a loaded section. On the bundled
     * social media policy no topic name or item reaches it (the highest: 0.85 for "promotion"); beside an imported
     * remote-work policy "Working hours and remote work", "IT support" and "Expenses and travel" do (1.0).
     */
    static final double COVERED_CONFIDENCE = 0.9;

    private static final Pattern NAME = Pattern.compile("^([^:：]+)[:：]\\s*(.*)$", Pattern.DOTALL);
    private static final Pattern ITEM_SEPARATOR = Pattern.compile("\\s*[,，、;；]\\s*");

    private NotCoveredTopics() {
    }

    /** Every name and item of these topics (what {@link #uncovered} asks about), for embedding them at once. */
    static List<String> pieces(List<String> topics) {
        List<String> out = new ArrayList<>();
        uncovered(topics, piece -> {
            out.add(piece);
            return false;
        });
        return out;
    }

    /**
     * @param topics   the settings' topics for one language
     * @param answered whether a loaded section answers a text confidently
     * @return the topics (or the part of each) that no loaded section answers
     */
    static List<String> uncovered(List<String> topics, Predicate<String> answered) {
        List<String> out = new ArrayList<>();
        for (String topic : topics) {
            Matcher m = NAME.matcher(topic.strip());
            if (!m.matches() || m.group(2).isBlank()) {
                if (!answered.test(topic.strip())) {
                    out.add(topic.strip());
                }
                continue;
            }
            String name = m.group(1).strip();
            if (answered.test(name)) {
                continue;
            }
            List<String> items = new ArrayList<>();
            for (String item : ITEM_SEPARATOR.split(m.group(2).strip())) {
                if (!item.isBlank() && !answered.test(item)) {
                    items.add(item);
                }
            }
            if (!items.isEmpty()) {
                Matcher sep = ITEM_SEPARATOR.matcher(m.group(2));
                String joiner = sep.find() ? joinerFor(sep.group().strip()) : ", ";
                String colon = topic.contains("：") ? "：" : ": ";
                out.add(name + colon + String.join(joiner, items));
            }
        }
        return List.copyOf(out);
    }

    /**
     * What a topic is embedded as: the whole line, and each item with the topic's name ("Office and facilities: guest
     * wifi"), as a short question matches a short phrase better than a long list.
     */
    static List<String> texts(String topic) {
        List<String> out = new ArrayList<>();
        out.add(topic);
        Matcher m = NAME.matcher(topic);
        if (m.matches()) {
            String colon = topic.contains("：") ? "：" : ": ";
            for (String item : ITEM_SEPARATOR.split(m.group(2).strip())) {
                if (!item.isBlank()) {
                    out.add(m.group(1).strip() + colon + item);
                }
            }
        }
        return out;
    }

    private static String joinerFor(String separator) {
        return switch (separator) {
            case "、", "，", "；" -> separator;
            default -> separator + " ";
        };
    }
}
