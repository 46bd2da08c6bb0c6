package io.policybot.training;

import io.policybot.content.PolicyDocument;
import io.policybot.content.QuizQuestion;
import io.policybot.content.Scenario;
import io.policybot.content.Section;
import io.policybot.chat.Actions;
import io.policybot.chat.Block;
import io.policybot.chat.Button;
import io.policybot.chat.Reply;
import io.policybot.text.Dates;
import io.policybot.text.Messages;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Training replies. Options are listed as lettered bullets and the buttons carry only the letters: option texts
 * run to 100 characters, more than a Slack (75) or Discord (80) button label holds.
 */
final class TrainingView {
    private static final String LETTERS = "ABCDEFGHIJ";
    private static final int MAX_LABEL = 75;
    private final TrainingSettings settings;
    private final ZoneId zone;

    TrainingView(TrainingSettings settings, ZoneId zone) {
        this.settings = settings;
        this.zone = zone;
    }

    // ---- quiz ----

    Reply quizIntro(Messages m, PolicyDocument doc, int total, Reply.Placement placement) {
        return new Reply(placement, List.of(new Block.Heading(m.get("quiz.title", doc.title())),
                new Block.Text(m.get("quiz.intro", total, settings.passMarkPercent()))), m.get("quiz.title", doc.title()));
    }

    Reply question(Messages m, String sessionId, int index, QuizPlan.Planned planned, QuizQuestion q, int total,
                   Reply.Placement placement) {
        List<String> options = new ArrayList<>();
        List<Button> buttons = new ArrayList<>();
        for (int shown = 0; shown < planned.options().size(); shown++) {
            options.add("**" + letter(shown) + ".** " + q.options().get(planned.options().get(shown)).text());
            buttons.add(new Button(Actions.QUIZ_ANSWER, letter(shown), new ButtonValue(sessionId, index, shown).encode()));
        }
        String progress = m.get("quiz.progress", index + 1, total);
        return new Reply(placement, List.of(new Block.Text("**" + q.question() + "**"), new Block.Bullets("", options),
                new Block.Context(progress), new Block.Buttons(buttons)), progress + ": " + q.question());
    }

    /** The question again, without buttons: the chosen option marked, right or wrong, why, and where it is written. */
    Reply quizFeedback(Messages m, int index, QuizPlan.Planned planned, QuizQuestion q, RecordedAnswer answer,
                       PolicyDocument doc, int total) {
        List<String> options = new ArrayList<>();
        int rightShown = 0;
        for (int shown = 0; shown < planned.options().size(); shown++) {
            int option = planned.options().get(shown);
            boolean right = option == q.correctIndex();
            rightShown = right ? shown : rightShown;
            options.add(mark(m, right, option == answer.choice(), "answer.yours", letter(shown),
                    q.options().get(option).text()));
        }
        String verdict = answer.correct() ? m.get("answer.correct") : m.get("answer.wrong", letter(rightShown));
        List<Block> blocks = new ArrayList<>(List.of(new Block.Text("**" + q.question() + "**"),
                new Block.Bullets("", options), new Block.Text(verdict + m.get("sentence.separator") + q.explanation())));
        doc.section(q.sectionId()).ifPresent(s -> blocks.add(citation(doc, s)));
        blocks.add(new Block.Context(m.get("quiz.progress", index + 1, total)));
        return new Reply(Reply.REPLACE, blocks, verdict.replace("**", ""));
    }

    Reply quizSummary(Messages m, PolicyDocument doc, Completion done, List<Section> reread, boolean rolePlays) {
        String title = m.get("quiz.summary.title", done.correct(), done.total(), done.percent());
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Heading(title));
        blocks.add(new Block.Text(done.passed()
                ? m.get("quiz.summary.passed", settings.passMarkPercent(), doc.title(), doc.version())
                : m.get("quiz.summary.failed", settings.passMarkPercent())));
        if (reread.isEmpty()) {
            blocks.add(new Block.Text(m.get("quiz.summary.perfect")));
        } else {
            blocks.add(new Block.Bullets(m.get("quiz.summary.reread"), reread.stream().map(s -> sectionLink(doc, s)).toList()));
        }
        List<Button> buttons = new ArrayList<>();
        buttons.add(new Button(Actions.QUIZ_START, m.get("button.retake"), doc.policyId(),
                done.passed() ? Button.Style.DEFAULT : Button.Style.PRIMARY));
        if (rolePlays) {
            buttons.add(new Button(Actions.ROLEPLAY_START, m.get("button.roleplay"), ""));
        }
        blocks.add(new Block.Buttons(buttons));
        return new Reply(Reply.SAME, blocks, title);
    }

    // ---- role-play ----

    Reply rolePlayIntro(Messages m, Scenario scenario, Reply.Placement placement) {
        return new Reply(placement, List.of(new Block.Heading(m.get("roleplay.title", scenario.title())),
                new Block.Text(m.get("roleplay.intro"))), m.get("roleplay.title", scenario.title()));
    }

    Reply step(Messages m, String sessionId, int index, Scenario.Step step, Reply.Placement placement) {
        List<String> choices = new ArrayList<>();
        List<Button> buttons = new ArrayList<>();
        for (int i = 0; i < step.choices().size(); i++) {
            choices.add("**" + letter(i) + ".** " + step.choices().get(i).text());
            buttons.add(new Button(Actions.ROLEPLAY_CHOOSE, letter(i), new ButtonValue(sessionId, index, i).encode()));
        }
        String progress = m.get("roleplay.progress", index + 1);
        return new Reply(placement, List.of(new Block.Text(step.text()), new Block.Bullets(m.get("roleplay.ask"), choices),
                new Block.Context(progress), new Block.Buttons(buttons)), progress + ": " + step.text());
    }

    Reply stepFeedback(Messages m, int index, Scenario.Step step, int choice) {
        List<String> choices = new ArrayList<>();
        for (int i = 0; i < step.choices().size(); i++) {
            Scenario.Choice c = step.choices().get(i);
            choices.add(mark(m, c.best(), i == choice, "roleplay.yours", letter(i), c.text()));
        }
        Scenario.Choice chosen = step.choices().get(choice);
        String verdict = m.get(chosen.best() ? "roleplay.good" : "roleplay.notbest");
        return new Reply(Reply.REPLACE, List.of(new Block.Text(step.text()), new Block.Bullets("", choices),
                new Block.Text(verdict + m.get("sentence.separator") + chosen.feedback()), new Block.Context(m.get("roleplay.progress", index + 1))),
                verdict.replace("**", ""));
    }

    Reply rolePlaySummary(Messages m, Scenario scenario, PolicyDocument doc, Completion done) {
        String title = m.get("roleplay.summary.title", scenario.title());
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Heading(title));
        String score = m.get("roleplay.summary.score", done.correct(), done.total());
        // A finished role-play counts as done whatever the score (TrainingRules); the verdict says so.
        String verdict = m.get(done.correct() == done.total() ? "roleplay.summary.passed" : "roleplay.summary.failed");
        blocks.add(new Block.Text(score + m.get("sentence.separator") + verdict));
        List<String> sections = scenario.sectionIds().stream().flatMap(id -> doc.section(id).stream())
                .map(s -> sectionLink(doc, s)).toList();
        if (!sections.isEmpty()) {
            blocks.add(new Block.Bullets(m.get(done.correct() == done.total() ? "roleplay.summary.sections"
                    : "quiz.summary.reread"), sections));
        }
        blocks.add(new Block.Buttons(List.of(
                new Button(Actions.ROLEPLAY_START, m.get("button.roleplay.again"), scenario.id()),
                new Button(Actions.ROLEPLAY_START, m.get("button.roleplay.other"), "", Button.Style.PRIMARY))));
        return new Reply(Reply.SAME, blocks, title + ": " + score);
    }

    Reply scenarioList(Messages m, List<TrainingStatus.RolePlayProgress> scenarios, String note, Reply.Placement placement) {
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Heading(m.get("roleplay.list.title")));
        blocks.add(new Block.Text(note != null ? note : m.get("roleplay.list.intro")));
        blocks.add(new Block.Bullets("", scenarios.stream().map(s -> rolePlayItem(m, s)).toList()));
        List<Button> buttons = new ArrayList<>();
        boolean suggested = false;
        for (TrainingStatus.RolePlayProgress s : scenarios) {
            boolean suggest = !suggested && !s.done();
            suggested |= suggest;
            buttons.add(new Button(Actions.ROLEPLAY_START, label(s.title()), s.scenarioId(),
                    suggest ? Button.Style.PRIMARY : Button.Style.DEFAULT));
        }
        blocks.add(new Block.Buttons(buttons));
        return new Reply(placement, blocks, m.get("roleplay.list.title"));
    }

    // ---- status and home ----

    List<Block> home(Messages m, TrainingStatus status) {
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Heading(m.get("home.title")));
        List<Button> buttons = new ArrayList<>();
        TrainingStatus.ActiveTraining active = status.active();
        if (active != null) {
            blocks.add(new Block.Text(active.quiz()
                    ? m.get("home.active.quiz", active.title(), active.answered() + 1, active.total())
                    : m.get("home.active.roleplay", active.title())));
            buttons.add(new Button(active.quiz() ? Actions.QUIZ_START : Actions.ROLEPLAY_START, m.get("button.continue"),
                    active.quiz() ? active.policyId() : Modules.scenarioId(active.module()), Button.Style.PRIMARY));
            buttons.add(new Button(Actions.TRAINING_STOP, m.get("button.stop"), active.module()));
        }
        if (status.policies().isEmpty()) {
            blocks.add(new Block.Text(m.get("home.nothing")));
        }
        for (TrainingStatus.PolicyTraining p : status.policies()) {
            blocks.addAll(policyLines(m, p));
            if (p.acknowledgementOnly()) {
                if (!p.done()) { // confirming is no session: it can be pressed while a quiz runs
                    String label = status.policies().size() == 1 ? m.get("button.read")
                            : label(m.get("button.read.named", p.title()));
                    buttons.add(new Button(Actions.ACKNOWLEDGE, label, Acknowledged.buttonValue(p.policyId(), p.version()),
                            active != null ? Button.Style.DEFAULT : Button.Style.PRIMARY));
                }
            } else if (active == null) { // while a session runs, only it can be continued or stopped
                String label = status.policies().size() == 1 ? m.get(p.done() ? "button.retake" : "button.start")
                        : label(m.get(p.done() ? "button.retake.named" : "button.start.named", p.title()));
                if (p.update() != null) {
                    label = status.policies().size() == 1 ? m.get("button.update")
                            : label(m.get("button.update.named", p.title()));
                    buttons.add(new Button(Actions.UPDATE_QUIZ_START, label, p.policyId(),
                            active != null ? Button.Style.DEFAULT : Button.Style.PRIMARY));
                } else {
                    buttons.add(new Button(Actions.QUIZ_START, label, p.policyId(),
                            p.done() || active != null ? Button.Style.DEFAULT : Button.Style.PRIMARY));
                }
            }
        }
        if (!status.rolePlays().isEmpty()) {
            long done = status.rolePlays().stream().filter(TrainingStatus.RolePlayProgress::done).count();
            blocks.add(new Block.Bullets(m.get("home.roleplays", done, status.rolePlays().size()),
                    status.rolePlays().stream().map(s -> rolePlayItem(m, s)).toList()));
            blocks.add(new Block.Context(m.get("home.roleplays.rule")));
            if (active == null) { // a role-play button would be refused while a session runs
                buttons.add(new Button(Actions.ROLEPLAY_START, m.get("button.roleplay"), ""));
            }
        }
        if (!buttons.isEmpty()) {
            blocks.add(new Block.Buttons(buttons));
        }
        return blocks;
    }

    /** The policy's state, and under it (as small print) the last failed attempt or an earlier version passed. */
    private List<Block> policyLines(Messages m, TrainingStatus.PolicyTraining p) {
        if (p.acknowledgementOnly()) {
            if (p.done()) {
                return List.of(new Block.Text(m.get("home.policy.read.done", p.title(), p.version(),
                        date(m, p.read().at()))));
            }
            String key = p.update() != null ? (p.overdue() ? "home.policy.reread.overdue" : "home.policy.reread.due")
                    : p.overdue() ? "home.policy.read.overdue" : "home.policy.read.due";
            return List.of(new Block.Text(m.get(key, p.title(), p.version(), date(m, p.dueOn()),
                    p.update() == null ? 0 : p.update().sectionIds().size())));
        }
        if (p.done()) {
            return List.of(new Block.Text(m.get("home.policy.done", p.title(), p.version(),
                    date(m, p.passed().completedAt()), p.passed().correct(), p.passed().total())));
        }
        List<Block> blocks = new ArrayList<>();
        if (p.update() != null) {
            blocks.add(new Block.Text(m.get(p.overdue() ? "home.policy.update.overdue" : "home.policy.update.due",
                    p.title(), p.version(), date(m, p.dueOn()), p.update().sectionIds().size())));
        } else {
            blocks.add(new Block.Text(m.get(p.overdue() ? "home.policy.overdue" : "home.policy.due", p.title(),
                    p.version(), date(m, p.dueOn()))));
        }
        List<String> notes = new ArrayList<>();
        Completion last = p.lastAttempt();
        if (last != null && !last.passed()) {
            notes.add(m.get("home.policy.lastattempt", date(m, last.completedAt()), last.correct(), last.total(),
                    settings.passMarkPercent()));
        }
        if (p.earlier() != null) {
            notes.add(m.get("home.policy.earlier", p.earlier().policyVersion(), date(m, p.earlier().completedAt())));
        }
        if (!notes.isEmpty()) {
            blocks.add(new Block.Context(String.join(m.get("sentence.separator"), notes)));
        }
        return blocks;
    }

    /** A scenario in a list: done (with the best run's score unless every choice was best) or not yet. */
    private static String rolePlayItem(Messages m, TrainingStatus.RolePlayProgress s) {
        if (!s.done()) {
            return m.get("roleplay.item.todo", s.title());
        }
        return s.allBest() ? m.get("roleplay.item.best", s.title())
                : m.get("roleplay.item.done", s.title(), s.best().correct(), s.best().total());
    }

    // ---- small messages ----

    Reply notice(Messages m, Reply.Placement placement, String key, Object... args) {
        String text = m.get(key, args);
        return new Reply(placement, List.of(new Block.Text(text)), text.replace("**", ""));
    }

    /** A note with buttons to start a quiz or a role-play. */
    Reply noticeWithStart(Messages m, Reply.Placement placement, String key, String policyId, boolean rolePlays) {
        String text = m.get(key);
        List<Button> buttons = new ArrayList<>();
        if (policyId != null) {
            buttons.add(new Button(Actions.QUIZ_START, m.get("button.start"), policyId, Button.Style.PRIMARY));
        }
        if (rolePlays) {
            buttons.add(new Button(Actions.ROLEPLAY_START, m.get("button.roleplay"), ""));
        }
        List<Block> blocks = new ArrayList<>(List.of(new Block.Text(text)));
        if (!buttons.isEmpty()) {
            blocks.add(new Block.Buttons(buttons));
        }
        return new Reply(placement, blocks, text.replace("**", ""));
    }

    // ---- pieces ----

    private static String mark(Messages m, boolean best, boolean chosen, String yoursKey, String letter, String text) {
        String line = "**" + letter + ".** " + text;
        if (chosen) {
            return (best ? "✅ " : "❌ ") + line + " _(" + m.get(yoursKey) + ")_";
        }
        return best ? "✅ " + line : line;
    }

    static Block.Citation citation(PolicyDocument doc, Section s) {
        return new Block.Citation(doc.policyId(), doc.title(), s.id(), s.title(), doc.version(), link(doc, s),
                doc.language());
    }

    private static String sectionLink(PolicyDocument doc, Section s) {
        String link = link(doc, s);
        return link == null ? s.title() : "[" + s.title() + "](" + link + ")";
    }

    private static String link(PolicyDocument doc, Section s) {
        return doc.linkTo(s);
    }

    static String letter(int i) {
        return i < LETTERS.length() ? LETTERS.substring(i, i + 1) : Integer.toString(i + 1);
    }

    private static String label(String text) {
        return text.length() <= MAX_LABEL ? text : text.substring(0, MAX_LABEL - 1) + "…";
    }

    private String date(Messages m, Instant instant) {
        return date(m, LocalDate.ofInstant(instant, zone));
    }

    private static String date(Messages m, LocalDate date) {
        return Dates.day(date, m.language());
    }
}
