package io.policybot.testing;

import io.policybot.content.ContentLibrary;
import io.policybot.content.QuizQuestion;
import io.policybot.content.Scenario;
import io.policybot.chat.Actor;
import io.policybot.chat.Block;
import io.policybot.chat.Button;
import io.policybot.chat.ChannelRef;
import io.policybot.chat.Inbound;
import io.policybot.chat.Reply;
import io.policybot.training.TrainingService;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plays training like a person would: reads the question a reply shows, looks its answer up in the content,
 * and presses the button for a right (or a wrong) option.
 */
public final class TrainingDriver {
    private static final Pattern OPTION = Pattern.compile("^\\*\\*([A-J])\\.\\*\\* (.*)$", Pattern.DOTALL);
    private final TrainingService service;
    private final ContentLibrary library;

    public TrainingDriver(TrainingService service, ContentLibrary library) {
        this.service = service;
        this.library = library;
    }

    /** The person's DM with the bot. */
    public static ChannelRef dm(Actor actor) {
        return new ChannelRef("D-" + actor.userId(), true);
    }

    public List<Reply> press(Actor actor, Button button, String language) {
        return service.onButton(new Inbound.ButtonPress(actor, dm(actor), button.actionId(), button.value()), language);
    }

    /** The button that answers the question shown in {@code question} right, or wrong. */
    public Button quizButton(Reply question, String language, boolean right) {
        String text = firstText(question);
        QuizQuestion q = library.all().stream().flatMap(p -> p.quiz(language).stream())
                .filter(x -> ("**" + x.question() + "**").equals(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no quiz question " + text));
        String answer = q.options().get(q.correctIndex()).text();
        return pick(question, option -> option.equals(answer) == right);
    }

    /** The button for a best choice of the step shown in {@code step}, or for a choice that is not best. */
    public Button rolePlayButton(Reply step, String language, boolean best) {
        String text = firstText(step);
        Scenario.Step s = library.all().stream().flatMap(p -> p.scenarios(language).stream())
                .flatMap(sc -> sc.steps().values().stream()).filter(x -> x.text().equals(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no role-play step " + text));
        return pick(step, choice -> s.choices().stream().anyMatch(c -> c.text().equals(choice) && c.best() == best));
    }

    /**
     * Starts a quiz in the DM and answers every question, question {@code i} right when {@code right.test(i)}.
     * Returns the replies to the last answer (feedback, summary, home).
     */
    public List<Reply> playQuiz(Actor actor, String language, IntPredicate right) {
        List<Reply> replies = service.startQuiz(actor, dm(actor), language, null);
        for (int i = 0; ; i++) {
            Reply question = Replies.lastWithButtons(replies);
            replies = press(actor, quizButton(question, language, right.test(i)), language);
            if (replies.stream().noneMatch(r -> r.placement().equals(Reply.SAME)
                    && Replies.buttons(r).stream().anyMatch(b -> b.actionId().equals("quiz.answer")))) {
                return replies;
            }
        }
    }

    private static String firstText(Reply reply) {
        return Replies.blocks(reply, Block.Text.class).getFirst().markdown();
    }

    private static Button pick(Reply reply, java.util.function.Predicate<String> wanted) {
        for (String item : Replies.blocks(reply, Block.Bullets.class).getFirst().items()) {
            Matcher m = OPTION.matcher(item);
            if (m.matches() && wanted.test(m.group(2))) {
                return Replies.button(reply, m.group(1));
            }
        }
        throw new AssertionError("no option fits in\n" + Replies.text(reply));
    }
}
