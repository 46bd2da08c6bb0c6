package io.policybot.conversation;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.policybot.answering.Answer;
import io.policybot.answering.AnswerReplies;
import io.policybot.answering.LiveAnswerer;
import io.policybot.answering.QuestionAnswerer;
import io.policybot.content.ContentLibrary;
import io.policybot.dedupe.EventDedupe;
import io.policybot.content.Policy;
import io.policybot.content.PolicyDocument;
import io.policybot.content.Section;
import io.policybot.people.Person;
import io.policybot.people.PersonRepository;
import io.policybot.questions.LoggedQuestion;
import io.policybot.questions.QuestionLogRepository;
import io.policybot.questions.Vote;
import io.policybot.questions.VoteResult;
import io.policybot.text.Messages;
import io.policybot.text.UserText;
import io.policybot.training.TrainingService;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.policybot.chat.Actions;
import io.policybot.chat.Actor;
import io.policybot.chat.ButtonHandler;
import io.policybot.chat.Block;
import io.policybot.chat.Button;
import io.policybot.chat.ChatGateway;
import io.policybot.chat.ChatGateways;
import io.policybot.chat.ConversationEngine;
import io.policybot.chat.DeliveryResult;
import io.policybot.chat.Inbound;
import io.policybot.chat.Reply;

/**
 * The conversation engine every platform shares: reads a message as a command or a question, answers button
 * presses, and contains every failure as a polite reply. Replayed deliveries (same delivery id) are answered once.
 */
public final class PolicyConversationEngine implements ConversationEngine {
    private static final Logger log = LoggerFactory.getLogger(PolicyConversationEngine.class);

    private final LiveAnswerer answerer;
    private final TrainingService training;
    private final PersonRepository people;
    private final QuestionLogRepository questions;
    private final StaffCommands staff;
    private final ChatGateways gateways;
    private final ButtonRoutes buttons;
    private final Clock clock;
    private final int maxQuestionChars;
    private final EventDedupe deliveries;
    /** The language each person last wrote in: commands carry no language of their own. */
    private final Cache<String, String> lastLanguage = Caffeine.newBuilder().maximumSize(100_000).build();

    public PolicyConversationEngine(LiveAnswerer answerer, TrainingService training, PersonRepository people,
                                    QuestionLogRepository questions, StaffCommands staff, Clock clock,
                                    int maxQuestionChars) {
        this(answerer, training, people, questions, staff, ChatGateways.none(), clock, maxQuestionChars);
    }

    /**
     * @param gateways where the engine posts for itself (Ask HR), so it can tell the person whether it went; the
     *                 buttons go to training and the staff desk by their prefixes
     */
    public PolicyConversationEngine(LiveAnswerer answerer, TrainingService training, PersonRepository people,
                                    QuestionLogRepository questions, StaffCommands staff, ChatGateways gateways,
                                    Clock clock, int maxQuestionChars) {
        this(answerer, training, people, questions, staff, List.of(training, staff), gateways, clock, maxQuestionChars);
    }

    /** @param buttons each capability's button handlers, routed by action-id prefix */
    public PolicyConversationEngine(LiveAnswerer answerer, TrainingService training, PersonRepository people,
                                    QuestionLogRepository questions, StaffCommands staff, List<ButtonHandler> buttons,
                                    ChatGateways gateways, Clock clock, int maxQuestionChars) {
        this(answerer, training, people, questions, staff, buttons, gateways,
                EventDedupe.inMemory(Duration.ofMinutes(30), 100_000), clock, maxQuestionChars);
    }

    /** @param deliveries the deliveries already answered: shared through the database when replicas share one */
    public PolicyConversationEngine(LiveAnswerer answerer, TrainingService training, PersonRepository people,
                                    QuestionLogRepository questions, StaffCommands staff, List<ButtonHandler> buttons,
                                    ChatGateways gateways, EventDedupe deliveries, Clock clock, int maxQuestionChars) {
        this.deliveries = deliveries;
        this.buttons = new ButtonRoutes(buttons);
        this.gateways = gateways;
        this.answerer = answerer;
        this.training = training;
        this.people = people;
        this.questions = questions;
        this.staff = staff;
        this.clock = clock;
        this.maxQuestionChars = maxQuestionChars;
    }

    /** When the dedupe store cannot tell (the database is down), answering twice beats not answering. */
    private boolean firstDelivery(Inbound inbound) {
        try {
            return deliveries.firstTime(inbound.actor().platform() + ":" + inbound.deliveryId(), clock.instant());
        } catch (RuntimeException e) {
            log.warn("could not check a {} delivery against the ones already answered: {}", inbound.actor().platform(),
                    e.getMessage());
            return true;
        }
    }

    @Override
    public List<Reply> handle(Inbound inbound) {
        if (inbound.deliveryId() != null && !firstDelivery(inbound)) {
            return List.of(); // a platform retry of something already answered (here or by another replica)
        }
        try {
            return switch (inbound) {
                case Inbound.Message m -> onMessage(m);
                case Inbound.ButtonPress b -> onButton(b);
            };
        } catch (RuntimeException e) {
            // Never the user's text or id in the log: only what failed.
            log.error("failed to handle a {} on {}", inbound.getClass().getSimpleName(), inbound.actor().platform(), e);
            String lang = languageFor(inbound.actor(), null);
            return List.of(new Reply(Reply.PRIVATE, List.of(new Block.Text(Messages.of("answering", lang).get("error.generic"))),
                    Messages.of("answering", lang).get("error.generic")));
        }
    }

    @Override
    public List<Block> home(Actor actor) {
        return training.homeBlocks(actor, languageFor(actor, null));
    }

    private List<Reply> onMessage(Inbound.Message m) {
        CommandParser.Parsed parsed = CommandParser.parse(m.text(), m.kind() == Inbound.Message.Kind.COMMAND);
        Actor actor = m.actor();
        if (parsed.language() != null && answerer.library().languages().contains(parsed.language())) {
            lastLanguage.put(actor.key(), parsed.language()); // "测验" asks for the Chinese quiz
        }
        if (parsed.command() == CommandParser.Command.QUESTION) {
            // "A" or "2" while a quiz question or role-play step waits: the answer to it, not a policy question.
            Optional<List<Reply>> choice = training.typedChoice(actor, m.channel(), languageFor(actor, null), m.text());
            if (choice.isPresent()) {
                return choice.get();
            }
        }
        return switch (parsed.command()) {
            case HELP -> List.of(help(actor, languageFor(actor, null)));
            case QUESTION, ASK -> answer(m, parsed.argument());
            case CANCEL -> training.cancel(actor, m.channel(), languageFor(actor, null));
            case QUIZ -> training.quizCommand(actor, m.channel(), languageFor(actor, null),
                    parsed.argument().isBlank() ? null : parsed.argument());
            case ROLEPLAY -> training.startRolePlay(actor, m.channel(), languageFor(actor, null),
                    parsed.argument().isBlank() ? null : parsed.argument());
            case STATUS -> training.status(actor, languageFor(actor, null));
            case TOPICS -> List.of(new Reply(Reply.SAME, AnswerReplies.topics(answerer.library(), languageFor(actor, null)), ""));
            case REPORT, GAPS, ANNOUNCE, CONSOLE -> staff.handle(parsed.command().name().toLowerCase(java.util.Locale.ROOT),
                    parsed.argument(), m, languageFor(actor, null));
        };
    }

    private List<Reply> answer(Inbound.Message m, String question) {
        QuestionAnswerer qa = answerer.get();
        Answer answer = qa.answer(question, languageFor(m.actor(), null));
        String logId = null;
        if (answer.decline() == Answer.Decline.NONE || answer.decline() == Answer.Decline.NOT_COVERED) {
            lastLanguage.put(m.actor().key(), answer.language());
            Person person = person(m.actor());
            LoggedQuestion logged = questions.log(new LoggedQuestion(null, person.id(), answer.question(), answer.language(),
                    answer.answered(), answer.sections().isEmpty() ? null : answer.sections().getFirst().policyId(),
                    answer.sections().isEmpty() ? null : answer.sections().getFirst().sectionId(), answer.confidence(),
                    clock.instant()));
            logId = logged.id();
        }
        List<Block> blocks = AnswerReplies.answer(answer, logId, maxQuestionChars);
        if (hrGateway(m.actor().platform()).isEmpty()) {
            blocks = withoutAskHr(blocks);
        }
        return List.of(new Reply(Reply.SAME, blocks, AnswerReplies.fallback(answer)));
    }

    /** The answer without its "Ask HR" button, where no HR channel is set up: a button that cannot work is not offered. */
    private static List<Block> withoutAskHr(List<Block> blocks) {
        List<Block> out = new ArrayList<>(blocks.size());
        for (Block block : blocks) {
            if (block instanceof Block.Buttons buttons) {
                List<Button> kept = buttons.buttons().stream().filter(b -> !b.actionId().equals(Actions.ASK_HR)).toList();
                if (!kept.isEmpty()) {
                    out.add(new Block.Buttons(kept));
                }
            } else {
                out.add(block);
            }
        }
        return out;
    }

    /** The platform's gateway when it has an HR channel to post Ask HR questions in. */
    private Optional<ChatGateway> hrGateway(String platform) {
        return gateways.forPlatform(platform).filter(g -> g.hasChannel(Reply.ChannelRole.HR));
    }

    private List<Reply> onButton(Inbound.ButtonPress b) {
        String lang = languageFor(b.actor(), null);
        Messages m = Messages.of("answering", lang);
        List<Reply> replies = switch (b.actionId()) {
            case Actions.SHOW_SECTION -> showSection(b, m);
            case Actions.FEEDBACK_UP, Actions.FEEDBACK_DOWN -> feedback(b, m);
            case Actions.ASK_HR -> askHr(b, m);
            // Each capability's own buttons, by prefix; an action nobody knows is stale, not training's.
            default -> buttons.route(b.actionId()).map(h -> h.onButton(b, lang)).orElse(List.of());
        };
        return replies.isEmpty() ? List.of(privateText(m.get("button.stale"))) : replies;
    }

    private List<Reply> showSection(Inbound.ButtonPress b, Messages m) {
        String[] parts = b.value().split("/");
        ContentLibrary library = answerer.library();
        Optional<Policy> policy = parts.length == 3 ? library.policy(parts[0]) : Optional.empty();
        if (policy.isEmpty()) {
            return List.of(privateText(m.get("section.unknown")));
        }
        PolicyDocument doc = policy.get().document(parts[2]);
        Optional<Section> section = doc.section(parts[1]);
        if (section.isEmpty()) {
            return List.of(privateText(m.get("section.unknown")));
        }
        return List.of(new Reply(Reply.PRIVATE, AnswerReplies.section(policy.get(), doc, section.get()), section.get().title()));
    }

    private List<Reply> feedback(Inbound.ButtonPress b, Messages m) {
        Person person = person(b.actor());
        boolean up = b.actionId().equals(Actions.FEEDBACK_UP);
        VoteResult result = questions.vote(b.value(), person.id(), up ? Vote.UP : Vote.DOWN, clock.instant());
        return switch (result) {
            case UNKNOWN_QUESTION -> List.of(privateText(m.get("button.stale")));
            case UNCHANGED -> List.of(privateText(m.get("feedback.same")));
            case CHANGED -> List.of(privateText(m.get("feedback.changed")));
            case RECORDED -> up ? List.of(privateText(m.get("feedback.thanksUp")))
                    : canAskHr(b, person) ? List.of(new Reply(Reply.PRIVATE, List.of(new Block.Text(m.get("feedback.thanksDown")),
                            new Block.Text(m.get("feedback.offerHr")),
                            new Block.Buttons(List.of(new Button(Actions.ASK_HR, m.get("decline.askHr"), b.value())))),
                            m.get("feedback.thanksDown")))
                    : List.of(privateText(m.get("feedback.thanksDown")));
        };
    }

    /** Ask HR is offered after a 👎 only to the person who asked, and only where HR has a channel. */
    private boolean canAskHr(Inbound.ButtonPress b, Person presser) {
        return hrGateway(b.actor().platform()).isPresent()
                && questions.find(b.value()).map(q -> q.personId().equals(presser.id())).orElse(false);
    }

    /**
     * Sends the asker's own question to HR, naming them, and tells them whether it went: the question counts as
     * passed to HR only once the post was delivered, so a failed post can be sent again.
     */
    private List<Reply> askHr(Inbound.ButtonPress b, Messages m) {
        Optional<LoggedQuestion> q = questions.find(b.value());
        if (q.isEmpty()) {
            return List.of(privateText(m.get("askHr.unknown")));
        }
        Person asker = person(b.actor());
        if (!q.get().personId().equals(asker.id())) {
            return List.of(privateText(m.get("askHr.notYours")));
        }
        Optional<ChatGateway> gateway = hrGateway(b.actor().platform());
        if (gateway.isEmpty()) {
            log.warn("Ask HR was pressed on {}, which has no HR channel configured", b.actor().platform());
            return List.of(privateText(m.get("askHr.noChannel")));
        }
        if (!questions.markEscalated(b.value(), clock.instant())) {
            return List.of(privateText(m.get("askHr.already")));
        }
        Messages hr = Messages.of("answering", "en");
        String name = UserText.inline(asker.displayName());
        String post = hr.get("askHr.post", name, UserText.inline(asker.platformUserId()), UserText.quote(q.get().question()));
        String fallback = hr.get("askHr.postFallback", UserText.plain(asker.displayName()));
        DeliveryResult result;
        try {
            result = gateway.get().sendToChannel(Reply.ChannelRole.HR, List.of(new Block.Text(post)), fallback);
        } catch (RuntimeException e) {
            result = new DeliveryResult.Failed(e.getClass().getSimpleName());
        }
        if (result instanceof DeliveryResult.Sent) {
            return List.of(privateText(m.get("askHr.sent")));
        }
        questions.clearEscalated(b.value());
        String reason = switch (result) {
            case DeliveryResult.RetryLater r -> r.reason();
            case DeliveryResult.Failed f -> f.reason();
            case DeliveryResult.Sent s -> "";
        };
        // Only what failed: never the question or the person.
        log.warn("An Ask HR post on {} was not delivered ({}); the person was told to try again", b.actor().platform(), reason);
        return List.of(privateText(m.get("askHr.failed")));
    }

    private Reply help(Actor actor, String lang) {
        Messages m = Messages.of("answering", lang);
        String policies = answerer.library().all().stream().map(p -> p.document(lang).title() + " (" + p.version() + ")")
                .collect(Collectors.joining(", "));
        List<Block> blocks = new ArrayList<>(List.of(new Block.Heading(m.get("help.title")), new Block.Text(m.get("help.body"))));
        // Only the staff commands this person's role allows.
        List<String> staffCommands = staff.commandsFor(actor).stream().map(c -> m.get("help.staff." + c)).toList();
        if (!staffCommands.isEmpty()) {
            blocks.add(new Block.Bullets(m.get("help.staff"), staffCommands));
        }
        blocks.add(new Block.Context(m.get("help.policies", policies)));
        // Only the person asked for it: in a channel it is theirs alone (Slack N1, Discord D5); in the DM a plain message.
        return new Reply(Reply.PRIVATE, blocks, m.get("help.title"));
    }

    private Person person(Actor actor) {
        // A platform that sent no name gives the user id as display name: never overwrite a stored real name with it.
        String name = actor.displayName().equals(actor.userId()) ? null : actor.displayName();
        return people.findOrCreate(actor.platform(), actor.userId(), name, clock.instant());
    }

    /**
     * The language for the bot's own words: the person's locale when the content has it, else the language they
     * last asked in, else English (or the content's only language).
     */
    String languageFor(Actor actor, String fallback) {
        Set<String> languages = answerer.library().languages();
        if (actor.locale() != null && languages.contains(actor.locale().getLanguage())) {
            return actor.locale().getLanguage();
        }
        String last = lastLanguage.getIfPresent(actor.key());
        if (last != null) {
            return last;
        }
        if (fallback != null && languages.contains(fallback)) {
            return fallback;
        }
        return languages.contains("en") || languages.isEmpty() ? "en" : languages.iterator().next();
    }

    private static Reply privateText(String text) {
        return new Reply(Reply.PRIVATE, List.of(new Block.Text(text)), text);
    }
}
