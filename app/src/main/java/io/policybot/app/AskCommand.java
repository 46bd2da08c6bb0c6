package io.policybot.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.policybot.answering.Answer;
import io.policybot.answering.AnswerReplies;
import io.policybot.answering.AnsweringSettings;
import io.policybot.answering.QuestionAnswerer;
import io.policybot.answering.RankedSection;
import io.policybot.chat.Reply;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** One question answered as a person reads it, or many as JSON lines. */
@Command(name = "ask", description = {"Answer a policy question.",
        "With --json and no question, reads questions from standard input, one per line, and writes one JSON object per line."})
final class AskCommand implements Callable<Integer> {
    @ParentCommand
    PolicyBotCommand parent;

    @Option(names = "--json", description = {"Write JSON: {question, lang, kind, answered, confidence, answer, sections[],",
            "alternatives[]}; kind is answer, answer_with_alternatives, suggestions, declined or smalltalk."})
    boolean json;

    @Option(names = "--lang", paramLabel = "LANG", description = "Language when the question does not show one (default en).")
    String lang = "en";

    @Parameters(arity = "0..*", paramLabel = "QUESTION", description = "The question (several words are joined).")
    List<String> words = new ArrayList<>();

    // Made on first --json answer: an ObjectMapper costs ~0.1 s of start-up, and picocli makes every command object
    // (this one too) for any command line.
    private ObjectMapper mapper;

    @Override
    public Integer call() throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        AppConfig config = parent.config(); // read once: each read loads the configuration file and sets up the log
        if (config.embeddings() && !java.nio.file.Files.isDirectory(config.dataDir().resolve("vectors"))) {
            // The first start on a data directory embeds every section: say so rather than show nothing for ~10 s.
            System.err.println("Loading the answer models and indexing the policies (the first start on a new data "
                    + "directory takes a little longer)...");
        }
        // The content people are served: never text refused for publishing, never a broken directory.
        QuestionAnswerer answerer = BotRuntime.answererFactory(config)
                .apply(new ServedContent(config, ServedContent::warnLoudly).forReading());
        if (!words.isEmpty()) {
            Answer a = answerer.answer(String.join(" ", words), lang);
            out.println(json ? toJson(a) : readable(a));
            return 0;
        }
        if (!json) {
            System.err.println("policybot ask: give a question, or --json to read questions from standard input");
            return 2;
        }
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            out.println(toJson(answerer.answer(line, lang)));
        }
        return 0;
    }

    static String readable(Answer a) {
        List<io.policybot.chat.Button> ignored = new ArrayList<>();
        // No buttons: a one-shot command cannot take a press (the citation carries the section's link). The sections
        // a button would open are listed by title instead, so "these sections may help:" is followed by them.
        List<io.policybot.chat.Block> blocks = new ArrayList<>();
        for (io.policybot.chat.Block b : AnswerReplies.answer(a, null, AnsweringSettings.DEFAULTS.maxQuestionChars())) {
            if (b instanceof io.policybot.chat.Block.Buttons bs) {
                List<String> sections = bs.buttons().stream()
                        .filter(button -> button.actionId().equals(io.policybot.chat.Actions.SHOW_SECTION))
                        .map(io.policybot.chat.Button::label).toList();
                if (!sections.isEmpty()) {
                    blocks.add(new io.policybot.chat.Block.Bullets("", sections));
                }
            } else {
                blocks.add(b);
            }
        }
        return new ConsoleRenderer(java.nio.file.Path.of(".")).render(List.of(new Reply(Reply.SAME, blocks, "")), ignored);
    }

    String toJson(Answer a) throws Exception {
        if (mapper == null) {
            mapper = new ObjectMapper();
        }
        ObjectNode o = mapper.createObjectNode();
        o.put("question", a.question());
        o.put("lang", a.language());
        o.put("kind", a.kind().id());
        o.put("answered", a.answered());
        o.put("confidence", Math.round(a.confidence() * 1000) / 1000.0);
        o.put("answer", a.answered() ? a.shortAnswer() : AnswerReplies.fallback(a));
        ArrayNode sections = o.putArray("sections");
        for (RankedSection s : a.sections()) {
            ObjectNode n = sections.addObject();
            n.put("policy", s.policyId());
            n.put("section", s.sectionId());
            n.put("title", s.title());
            n.put("score", Math.round(s.score() * 10000) / 10000.0);
        }
        if (!a.alternatives().isEmpty()) {
            ArrayNode alternatives = o.putArray("alternatives");
            for (RankedSection s : a.alternatives()) {
                alternatives.addObject().put("policy", s.policyId()).put("section", s.sectionId()).put("title", s.title());
            }
        }
        return mapper.writeValueAsString(o);
    }
}
