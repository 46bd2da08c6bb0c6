package io.policybot.training;

import io.policybot.Ids;
import io.policybot.content.ContentLibrary;
import io.policybot.content.Policy;
import io.policybot.content.PolicyDocument;
import io.policybot.content.QuizQuestion;
import io.policybot.content.Scenario;
import io.policybot.content.Section;
import io.policybot.chat.Actions;
import io.policybot.chat.Actor;
import io.policybot.chat.Block;
import io.policybot.chat.ButtonHandler;
import io.policybot.chat.ChannelRef;
import io.policybot.chat.Inbound;
import io.policybot.chat.Reply;
import io.policybot.people.Person;
import io.policybot.people.PersonRepository;
import io.policybot.text.Messages;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Quizzes and role-plays: what the conversation engine calls for training commands and buttons.
 *
 * <p>Every step is stored before its reply is returned, so a restart (or a crash) never loses an answer the
 * person has seen acknowledged, and a replayed or stale button press is refused instead of counted twice.
 * Training runs in the person's DM. The methods without a {@link ChannelRef} send everything to the DM; pass the
 * channel when known, so a DM gets its replies in place and a channel gets a private "sent you a DM" note.
 */
public final class TrainingService implements ButtonHandler {
    private static final Logger log = LoggerFactory.getLogger(TrainingService.class);
    private static final String BUNDLE = "training";

    private final Supplier<ContentLibrary> content;
    private final TrainingRepository training;
    private final PersonRepository people;
    private final TrainingSettings settings;
    private final Clock clock;
    private final RandomGenerator random;
    private final ReentrantLock randomLock = new ReentrantLock();
    private final StateJson json = new StateJson();
    private final TrainingView view;
    private final TrainingStatusReader statusReader;

    /**
     * @param content  the content loaded now (a reload swaps what it returns)
     * @param random   seeds each session's shuffle; need not be thread-safe
     */
    public TrainingService(Supplier<ContentLibrary> content, TrainingRepository training, PersonRepository people,
                           TrainingSettings settings, Clock clock, RandomGenerator random) {
        this(content, training, people, settings, clock, random, UpdateRequirements.none());
    }

    /** @param updates what policy updates ask of people trained on an earlier version (delta training) */
    public TrainingService(Supplier<ContentLibrary> content, TrainingRepository training, PersonRepository people,
                           TrainingSettings settings, Clock clock, RandomGenerator random, UpdateRequirements updates) {
        this.content = Objects.requireNonNull(content, "content");
        this.training = Objects.requireNonNull(training, "training");
        this.people = Objects.requireNonNull(people, "people");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
        this.view = new TrainingView(settings, clock.getZone());
        this.statusReader = new TrainingStatusReader(training, settings, clock, json,
                Objects.requireNonNull(updates, "updates"));
    }

    // ---- starting ----

    public List<Reply> startQuiz(Actor actor, String language, String policyId) {
        return startQuiz(actor, null, language, policyId);
    }

    /** Starts a quiz, or re-sends the current question of the person's active session. */
    public List<Reply> startQuiz(Actor actor, ChannelRef channel, String language, String policyId) {
        language = language(language);
        Person person = person(actor);
        Optional<TrainingSession> active = usableActive(person);
        if (active.isPresent()) {
            return resumeSession(active.get(), channel, language, active.get().isQuiz());
        }
        ContentLibrary library = content.get();
        Messages m = messages(language);
        Optional<Policy> found = SessionContent.quizPolicy(library, blankToNull(policyId), language);
        if (found.isEmpty()) {
            return List.of(view.notice(m, Reply.PRIVATE, "quiz.none"));
        }
        Policy policy = found.get();
        String lang = policy.bestLanguage(language);
        QuizPlan plan = QuizPlan.draw(policy.quiz(lang), settings.questionsPerQuiz(), sessionRandom());
        TrainingSession session = newSession(person, Modules.QUIZ, policy, lang, json.write(plan));
        if (!training.create(session)) {
            return startedElsewhere(person, channel, language);
        }
        Messages sm = messages(lang);
        Reply.Placement target = target(channel);
        List<Reply> replies = dmNote(channel, m, "dm.quiz");
        replies.add(view.quizIntro(sm, policy.document(lang), plan.size(), target));
        QuizQuestion first = SessionContent.quiz(library, session, plan, List.of()).orElseThrow().question(0);
        replies.add(view.question(sm, session.id(), 0, plan.get(0), first, plan.size(), target));
        return replies;
    }

    /**
     * The {@code quiz} command: resumes the session in progress; else starts the update quiz when one is due (a
     * policy update asks for it), else the full quiz.
     */
    public List<Reply> quizCommand(Actor actor, ChannelRef channel, String language, String policyId) {
        language = language(language);
        Person person = person(actor);
        if (usableActive(person).isEmpty()) {
            ContentLibrary library = content.get();
            Optional<Policy> found = SessionContent.quizPolicy(library, blankToNull(policyId), language);
            if (found.isPresent()) {
                String id = found.get().id();
                boolean updateDue = statusReader.read(person, library, found.get().bestLanguage(language)).policies()
                        .stream().anyMatch(p -> p.policyId().equals(id) && p.update() != null);
                if (updateDue) {
                    return startUpdateQuiz(actor, channel, language, id);
                }
            }
        }
        return startQuiz(actor, channel, language, policyId);
    }

    /** Stops the quiz or role-play in progress (the answers given stay in the history); says so when there is none. */
    public List<Reply> cancel(Actor actor, ChannelRef channel, String language) {
        language = language(language);
        Person person = person(actor);
        Optional<TrainingSession> active = training.active(person.id());
        ContentLibrary library = content.get();
        String policyId = SessionContent.quizPolicy(library, null, language).map(Policy::id).orElse(null);
        boolean rolePlays = SessionContent.hasRolePlays(library, language);
        if (active.isEmpty()) {
            return List.of(view.noticeWithStart(messages(language), Reply.PRIVATE, "cancel.none", policyId, rolePlays));
        }
        training.abandon(active.get().id(), now());
        return List.of(view.noticeWithStart(messages(language), Reply.PRIVATE,
                active.get().isQuiz() ? "cancel.quiz" : "cancel.roleplay", policyId, rolePlays));
    }

    private static final java.util.regex.Pattern TYPED_CHOICE =
            java.util.regex.Pattern.compile("(?i)\\(?([a-j]|[1-9]|10)[.)）．。]?");

    /**
     * A letter or number typed while a quiz question or role-play step is waiting ("A", "b.", "2") answers it, as
     * the button with that letter would. Empty when the text is not such a choice or nothing is waiting.
     */
    public Optional<List<Reply>> typedChoice(Actor actor, ChannelRef channel, String language, String text) {
        java.util.regex.Matcher matcher = TYPED_CHOICE.matcher(text.strip());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        Optional<TrainingSession> active = training.active(person(actor).id())
                .filter(s -> usable(s, content.get()));
        if (active.isEmpty()) {
            return Optional.empty();
        }
        TrainingSession s = active.get();
        List<RecordedAnswer> answers = training.answers(s.id());
        int index;
        int count;
        if (s.isQuiz()) {
            QuizSession quiz = SessionContent.quiz(content.get(), s, json.read(s.state(), QuizPlan.class), answers)
                    .orElseThrow().session();
            index = quiz.current();
            count = quiz.plan().get(index).options().size();
        } else {
            RolePlaySession rp = SessionContent.rolePlay(content.get(), s, json.read(s.state(), RolePlayState.class),
                    answers).orElseThrow().session();
            index = rp.current();
            count = rp.step().choices().size();
        }
        String typed = matcher.group(1).toUpperCase(java.util.Locale.ROOT);
        int choice = Character.isDigit(typed.charAt(0)) ? Integer.parseInt(typed) - 1 : typed.charAt(0) - 'A';
        if (choice >= count) {
            return Optional.of(List.of(view.notice(messages(s.language()), Reply.PRIVATE, "typed.range",
                    TrainingView.letter(count - 1), count)));
        }
        Inbound.ButtonPress press = new Inbound.ButtonPress(actor, channel,
                s.isQuiz() ? Actions.QUIZ_ANSWER : Actions.ROLEPLAY_CHOOSE, new ButtonValue(s.id(), index, choice).encode());
        List<Reply> replies = onLiveSession(press, language(language), s.isQuiz(),
                s.isQuiz() ? this::answerQuiz : this::chooseRolePlay);
        // A typed answer has no message of the bot's to update in place: the feedback follows as a new message.
        return Optional.of(replies.stream().map(r -> Reply.REPLACE.equals(r.placement())
                ? new Reply(Reply.SAME, r.blocks(), r.fallback()) : r).toList());
    }

    /**
     * Starts the update quiz of a policy: questions of the sections changed since the version the person last
     * passed, and nothing else. Someone with no earlier training gets the full quiz; someone with nothing to
     * retrain is told so. An active session is resumed instead.
     */
    public List<Reply> startUpdateQuiz(Actor actor, ChannelRef channel, String language, String policyId) {
        language = language(language);
        Person person = person(actor);
        Optional<TrainingSession> active = usableActive(person);
        if (active.isPresent()) {
            return resumeSession(active.get(), channel, language, Modules.isUpdate(active.get().module()));
        }
        ContentLibrary library = content.get();
        Messages m = messages(language);
        Optional<Policy> found = SessionContent.quizPolicy(library, blankToNull(policyId), language);
        if (found.isEmpty()) {
            return List.of(view.notice(m, Reply.PRIVATE, "quiz.none"));
        }
        Policy policy = found.get();
        String lang = policy.bestLanguage(language);
        TrainingStatus.PolicyTraining state = statusReader.read(person, library, lang).policies().stream()
                .filter(p -> p.policyId().equals(policy.id())).findFirst().orElse(null);
        if (state == null || state.update() == null) {
            if (state != null && state.done()) {
                return List.of(view.notice(m, Reply.PRIVATE, "update.none", state.title(), state.version()));
            }
            return startQuiz(actor, channel, language, policy.id()); // never trained: the full training
        }
        Set<String> sections = state.update().sectionIds();
        List<QuizQuestion> pool = policy.quiz(lang).stream().filter(q -> sections.contains(q.sectionId())).toList();
        int count = Math.min(settings.questionsPerQuiz(), Math.max(sections.size(), Math.min(3, pool.size())));
        QuizPlan plan = QuizPlan.draw(pool, count, sessionRandom());
        TrainingSession session = newSession(person, Modules.UPDATE, policy, lang, json.write(plan));
        if (!training.create(session)) {
            return startedElsewhere(person, channel, language);
        }
        Messages sm = messages(lang);
        Reply.Placement target = target(channel);
        List<Reply> replies = dmNote(channel, m, "dm.quiz");
        replies.add(view.notice(sm, target, "update.intro", policy.document(lang).title(), policy.version(),
                plan.size()));
        QuizQuestion first = SessionContent.quiz(library, session, plan, List.of()).orElseThrow().question(0);
        replies.add(view.question(sm, session.id(), 0, plan.get(0), first, plan.size(), target));
        return replies;
    }

    public List<Reply> startRolePlay(Actor actor, String language, String scenarioIdOrNull) {
        return startRolePlay(actor, null, language, scenarioIdOrNull);
    }

    /**
     * Starts the named scenario; with no name, lists the scenarios as buttons (the next one not yet passed
     * highlighted). An active session is resumed instead.
     */
    public List<Reply> startRolePlay(Actor actor, ChannelRef channel, String language, String scenarioIdOrNull) {
        language = language(language);
        Person person = person(actor);
        String scenarioId = blankToNull(scenarioIdOrNull);
        Optional<TrainingSession> active = usableActive(person);
        if (active.isPresent()) {
            String module = active.get().module();
            boolean same = scenarioId == null ? !Modules.isAnyQuiz(module) : Modules.rolePlay(scenarioId).equals(module);
            return resumeSession(active.get(), channel, language, same);
        }
        ContentLibrary library = content.get();
        Messages m = messages(language);
        List<TrainingStatus.RolePlayProgress> scenarios = statusReader.rolePlays(person, library, language);
        if (scenarios.isEmpty()) {
            return List.of(view.notice(m, Reply.PRIVATE, "roleplay.none"));
        }
        Optional<Policy> found = scenarioId == null ? Optional.empty()
                : SessionContent.scenarioPolicy(library, scenarioId, language);
        if (found.isEmpty()) {
            String note = scenarioId == null ? null : m.get("roleplay.unknown", scenarioId);
            return List.of(view.scenarioList(m, scenarios, note, listPlacement(channel)));
        }
        Policy policy = found.get();
        String lang = policy.bestLanguage(language);
        Scenario scenario = SessionContent.scenario(policy, lang, scenarioId).orElseThrow();
        TrainingSession session = newSession(person, Modules.rolePlay(scenario.id()), policy, lang,
                json.write(RolePlaySession.begin(scenario)));
        if (!training.create(session)) {
            return startedElsewhere(person, channel, language);
        }
        Messages sm = messages(lang);
        Reply.Placement target = target(channel);
        List<Reply> replies = dmNote(channel, m, "dm.roleplay");
        replies.add(view.rolePlayIntro(sm, scenario, target));
        replies.add(view.step(sm, session.id(), 0, scenario.step(scenario.start()), target));
        return replies;
    }

    public List<Reply> resume(Actor actor, String language) {
        return resume(actor, null, language);
    }

    /** Re-sends the question (or role-play step) waiting for the person, or says there is none. */
    public List<Reply> resume(Actor actor, ChannelRef channel, String language) {
        language = language(language);
        Person person = person(actor);
        Optional<TrainingSession> active = usableActive(person);
        if (active.isPresent()) {
            return resumeSession(active.get(), channel, language, true);
        }
        ContentLibrary library = content.get();
        String policyId = SessionContent.quizPolicy(library, null, language).map(Policy::id).orElse(null);
        return List.of(view.noticeWithStart(messages(language), Reply.PRIVATE, "resume.none", policyId,
                SessionContent.hasRolePlays(library, language)));
    }

    // ---- buttons ----

    /** The training buttons: quizzes, role-plays, the update quiz an announcement offers, stopping. */
    @Override
    public Set<String> prefixes() {
        return Set.of("quiz.", "roleplay.", "training.", "update.quiz.");
    }

    /** Handles the training buttons; an empty list means the press is not a training one. */
    @Override
    public List<Reply> onButton(Inbound.ButtonPress press, String language) {
        language = language(language);
        return switch (press.actionId()) {
            case Actions.QUIZ_START -> startQuiz(press.actor(), press.channel(), language, press.value());
            case Actions.UPDATE_QUIZ_START -> startUpdateQuiz(press.actor(), press.channel(), language, press.value());
            case Actions.ROLEPLAY_START -> startRolePlay(press.actor(), press.channel(), language, press.value());
            case Actions.QUIZ_ANSWER -> onLiveSession(press, language, true, this::answerQuiz);
            case Actions.ROLEPLAY_CHOOSE -> onLiveSession(press, language, false, this::chooseRolePlay);
            case Actions.TRAINING_STOP -> cancel(press.actor(), press.channel(), language);
            default -> List.of();
        };
    }

    private List<Reply> answerQuiz(LivePress pressed) {
        TrainingSession s = pressed.session();
        ButtonValue v = pressed.value();
        Messages sm = pressed.messages();
        ContentLibrary library = pressed.library();
        Optional<SessionContent.Quiz> loaded = SessionContent.quiz(library, s, json.read(s.state(), QuizPlan.class),
                training.answers(s.id()));
        if (loaded.isEmpty()) {
            return contentChanged(s, sm, library);
        }
        QuizSession quiz = loaded.get().session();
        Reply refused = refusal(sm, quiz.check(v.index(), v.choice()));
        if (refused != null) {
            return List.of(refused);
        }
        Instant now = now();
        QuizQuestion q = loaded.get().question(v.index());
        RecordedAnswer answer = quiz.answer(v.index(), v.choice(), q, now);
        boolean last = v.index() == quiz.total() - 1;
        Completion done = null;
        if (last) {
            done = completion(s, quiz.correct() + (answer.correct() ? 1 : 0), quiz.total(), now);
        }
        refused = refusal(sm, training.recordAnswer(answer, s.state(), done, now));
        if (refused != null) {
            return List.of(refused);
        }
        PolicyDocument doc = loaded.get().document();
        QuizPlan plan = quiz.plan();
        List<Reply> replies = new ArrayList<>();
        replies.add(view.quizFeedback(sm, v.index(), plan.get(v.index()), q, answer, doc, quiz.total()));
        if (!last) {
            int next = v.index() + 1;
            replies.add(view.question(sm, s.id(), next, plan.get(next), loaded.get().question(next), quiz.total(),
                    Reply.SAME));
            return replies;
        }
        Set<String> missed = new LinkedHashSet<>();
        List<RecordedAnswer> all = new ArrayList<>(quiz.answers());
        all.add(answer);
        for (RecordedAnswer a : all) {
            if (!a.correct()) {
                missed.add(loaded.get().question(a.index()).sectionId());
            }
        }
        List<Section> reread = doc.sections().stream().filter(sec -> missed.contains(sec.id())).toList();
        replies.add(view.quizSummary(sm, doc, done, reread, SessionContent.hasRolePlays(library, s.language())));
        replies.add(home(pressed.person(), s.language()));
        return replies;
    }

    private List<Reply> chooseRolePlay(LivePress pressed) {
        TrainingSession s = pressed.session();
        ButtonValue v = pressed.value();
        Messages sm = pressed.messages();
        ContentLibrary library = pressed.library();
        Optional<SessionContent.RolePlay> loaded = SessionContent.rolePlay(library, s,
                json.read(s.state(), RolePlayState.class), training.answers(s.id()));
        if (loaded.isEmpty()) {
            return contentChanged(s, sm, library);
        }
        RolePlaySession rp = loaded.get().session();
        Reply refused = refusal(sm, rp.check(v.index(), v.choice()));
        if (refused != null) {
            return List.of(refused);
        }
        Instant now = now();
        RolePlaySession.Move move = rp.choose(v.index(), v.choice(), now);
        Completion done = null;
        if (move.ends()) {
            done = completion(s, rp.best() + (move.answer().correct() ? 1 : 0), v.index() + 1, now);
        }
        refused = refusal(sm, training.recordAnswer(move.answer(), json.write(move.next()), done, now));
        if (refused != null) {
            return List.of(refused);
        }
        List<Reply> replies = new ArrayList<>();
        replies.add(view.stepFeedback(sm, v.index(), move.step(), v.choice()));
        if (!move.ends()) {
            replies.add(view.step(sm, s.id(), v.index() + 1, rp.scenario().step(move.next().step()), Reply.SAME));
            return replies;
        }
        replies.add(view.rolePlaySummary(sm, rp.scenario(), loaded.get().document(), done));
        replies.add(home(pressed.person(), s.language()));
        return replies;
    }

    /** A press on the presser's own live session: the session's messages (its language) and the content now. */
    private record LivePress(Person person, TrainingSession session, ButtonValue value, Messages messages,
            ContentLibrary library) {
    }

    /** Hands a press to {@code handle} when it is on the presser's live session; else the polite refusal. */
    private List<Reply> onLiveSession(Inbound.ButtonPress press, String language, boolean quiz,
            Function<LivePress, List<Reply>> handle) {
        Messages m = messages(language);
        ButtonValue v = ButtonValue.parse(press.value());
        Optional<TrainingSession> found = v == null ? Optional.empty()
                : training.find(v.sessionId()).filter(s -> s.isQuiz() == quiz);
        if (found.isEmpty()) {
            return List.of(view.notice(m, Reply.PRIVATE, "stale.unknown"));
        }
        Person person = person(press.actor());
        TrainingSession session = found.get();
        if (!session.personId().equals(person.id())) {
            return List.of(view.notice(m, Reply.PRIVATE, "stale.other"));
        }
        if (session.status() != SessionStatus.ACTIVE) {
            return List.of(view.notice(messages(session.language()), Reply.PRIVATE, "stale.finished"));
        }
        return handle.apply(new LivePress(person, session, v, messages(session.language()), content.get()));
    }

    /** What a finished session records: the score out of {@code of}, and whether that passes. */
    private Completion completion(TrainingSession s, int score, int of, Instant at) {
        return new Completion(Ids.next(), s.personId(), s.id(), s.module(), s.policyId(), s.policyVersion(), score, of,
                settings.passes(score, of), at);
    }

    private Reply refusal(Messages m, AnswerCheck check) {
        return switch (check) {
            case OK -> null;
            case ALREADY_ANSWERED -> view.notice(m, Reply.PRIVATE, "stale.answered");
            case NOT_CURRENT -> view.notice(m, Reply.PRIVATE, "stale.notcurrent");
            case FINISHED -> view.notice(m, Reply.PRIVATE, "stale.finished");
        };
    }

    private Reply refusal(Messages m, AnswerOutcome outcome) {
        return switch (outcome) {
            case RECORDED -> null;
            case ALREADY_ANSWERED -> view.notice(m, Reply.PRIVATE, "stale.answered");
            case SESSION_NOT_ACTIVE -> view.notice(m, Reply.PRIVATE, "stale.finished");
        };
    }

    // ---- status ----

    public List<Reply> status(Actor actor, String language) {
        language = language(language);
        List<Block> blocks = homeBlocks(actor, language);
        return List.of(new Reply(Reply.PRIVATE, blocks, messages(language).get("home.title")));
    }

    /** A known person's status, as {@link #status(Actor, String)} shows it (the CLI looks people up first). */
    public List<Reply> status(Person person, String language) {
        language = language(language);
        return List.of(new Reply(Reply.PRIVATE, homeBlocks(person, language), messages(language).get("home.title")));
    }

    /** The person's training overview: done, due and by when, the session in progress, buttons to start. */
    public List<Block> homeBlocks(Actor actor, String language) {
        return homeBlocks(person(actor), language(language));
    }

    /** The data behind {@link #status}: for reminders and reports too. */
    public TrainingStatus trainingStatus(Actor actor, String language) {
        return statusReader.read(person(actor), content.get(), language(language));
    }

    /** A known person's training status (reminders and reports read it without an actor). */
    public TrainingStatus trainingStatus(Person person, String language) {
        return statusReader.read(person, content.get(), language(language));
    }

    private List<Block> homeBlocks(Person person, String language) {
        return view.home(messages(language), statusReader.read(person, content.get(), language));
    }

    private Reply home(Person person, String language) {
        return new Reply(Reply.HOME, homeBlocks(person, language), messages(language).get("home.title"));
    }

    // ---- helpers ----

    private List<Reply> resumeSession(TrainingSession s, ChannelRef channel, String language, boolean asked) {
        Messages m = messages(language);
        Messages sm = messages(s.language());
        ContentLibrary library = content.get();
        Reply.Placement target = target(channel);
        List<Reply> replies = dmNote(channel, m, "dm.resume");
        List<RecordedAnswer> answers = training.answers(s.id());
        if (s.isQuiz()) {
            SessionContent.Quiz quiz = SessionContent.quiz(library, s, json.read(s.state(), QuizPlan.class), answers)
                    .orElseThrow(); // usableActive checked it
            QuizSession qs = quiz.session();
            int index = qs.current();
            replies.add(view.notice(sm, target, asked ? "resume.quiz" : "resume.busy.quiz", index + 1, qs.total()));
            replies.add(view.question(sm, s.id(), index, qs.plan().get(index), quiz.question(index), qs.total(), target));
        } else {
            SessionContent.RolePlay rp = SessionContent.rolePlay(library, s, json.read(s.state(), RolePlayState.class),
                    answers).orElseThrow();
            String title = rp.session().scenario().title();
            replies.add(view.notice(sm, target, asked ? "resume.roleplay" : "resume.busy.roleplay", title));
            replies.add(view.step(sm, s.id(), rp.session().current(), rp.session().step(), target));
        }
        return replies;
    }

    /**
     * The person's active session if it can still run on the content loaded now; one that cannot (its
     * questions were removed) is abandoned, so the person can start afresh.
     */
    private Optional<TrainingSession> usableActive(Person person) {
        Optional<TrainingSession> active = training.active(person.id());
        if (active.isEmpty() || usable(active.get(), content.get())) {
            return active;
        }
        log.info("abandoning training session {}: its content changed", active.get().id());
        training.abandon(active.get().id(), now());
        return Optional.empty();
    }

    private boolean usable(TrainingSession s, ContentLibrary library) {
        List<RecordedAnswer> answers = training.answers(s.id());
        if (s.isQuiz()) {
            Optional<SessionContent.Quiz> quiz = SessionContent.quiz(library, s, json.read(s.state(), QuizPlan.class), answers);
            return quiz.isPresent() && !quiz.get().session().finished();
        }
        Optional<SessionContent.RolePlay> rp = SessionContent.rolePlay(library, s,
                json.read(s.state(), RolePlayState.class), answers);
        return rp.isPresent() && !rp.get().session().finished();
    }

    private List<Reply> contentChanged(TrainingSession s, Messages sm, ContentLibrary library) {
        training.abandon(s.id(), now());
        String policyId = s.isQuiz() ? s.policyId() : null;
        return List.of(view.noticeWithStart(sm, Reply.PRIVATE, "session.changed", policyId,
                !s.isQuiz() && SessionContent.hasRolePlays(library, s.language())));
    }

    /** Another thread or process started a session for this person a moment ago: show that one. */
    private List<Reply> startedElsewhere(Person person, ChannelRef channel, String language) {
        return usableActive(person).map(s -> resumeSession(s, channel, language, true))
                .orElseGet(() -> List.of(view.notice(messages(language), Reply.PRIVATE, "error.retry")));
    }

    private TrainingSession newSession(Person person, String module, Policy policy, String language, String state) {
        Instant now = now();
        return new TrainingSession(Ids.next(), person.id(), module, policy.id(), policy.version(), language,
                SessionStatus.ACTIVE, state, now, now);
    }

    private Person person(Actor actor) {
        // Actor falls back to the user id as display name; that must not overwrite a real name.
        String name = actor.displayName().equals(actor.userId()) ? null : actor.displayName();
        return people.findOrCreate(actor.platform(), actor.userId(), name, now());
    }

    /** Each session gets its own seeded generator: the shared one is touched briefly, under a lock. */
    private RandomGenerator sessionRandom() {
        randomLock.lock();
        try {
            return new SplittableRandom(random.nextLong());
        } finally {
            randomLock.unlock();
        }
    }

    private static Reply.Placement target(ChannelRef channel) {
        return channel != null && channel.direct() ? Reply.SAME : Reply.DM;
    }

    private static Reply.Placement listPlacement(ChannelRef channel) {
        if (channel == null) {
            return Reply.DM;
        }
        return channel.direct() ? Reply.SAME : Reply.PRIVATE;
    }

    private List<Reply> dmNote(ChannelRef channel, Messages m, String key) {
        List<Reply> replies = new ArrayList<>();
        if (channel != null && !channel.direct()) {
            replies.add(view.notice(m, Reply.PRIVATE, key));
        }
        return replies;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /** "en" when the caller knows no language. */
    private static String language(String language) {
        return language == null || language.isBlank() ? "en" : language;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** The bundle in {@code language}, or English when there is none for it. */
    static Messages messages(String language) {
        try {
            return Messages.of(BUNDLE, language);
        } catch (MissingResourceException e) {
            return Messages.of(BUNDLE, "en");
        }
    }
}
