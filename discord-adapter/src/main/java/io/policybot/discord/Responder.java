package io.policybot.discord;

import io.policybot.chat.Block;
import io.policybot.chat.Reply;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import net.dv8tion.jda.api.requests.restaction.MessageCreateAction;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the engine's replies where their placement says, in order, one request after the other.
 *
 * <p>While the interaction token is alive (15 minutes from arrival, minus a margin), replies go through the
 * interaction's hook: a slash command's deferred "thinking..." message is edited into the first reply that has the
 * same visibility (ephemeral or not) as the defer, or deleted when none has; every other reply is a follow-up with
 * its own ephemeral flag. A button's REPLACE edits the message carrying the button. After the window, or when the
 * acknowledgement failed, public replies become fresh channel messages and private ones go by DM.
 *
 * <p>DMs go before the private note that announces them. A DM refused with 50007 (DMs closed) is delivered as an
 * ephemeral reply with a short notice instead (the notice once); without a live interaction the user gets one public
 * notice without the content. When Discord refuses the hook itself (token expired, message deleted), the reply goes
 * as a fresh message. Failures are logged with their Discord codes only; a failed step never stops the next.
 */
final class Responder {
    private static final Logger LOG = LoggerFactory.getLogger(Responder.class);

    static final Duration TOKEN_LIFETIME = Duration.ofMinutes(15);
    static final Duration SAFETY_MARGIN = Duration.ofSeconds(30);

    private final Clock clock;
    private final DiscordConfig config;

    Responder(Clock clock, DiscordConfig config) {
        this.clock = clock;
        this.config = config;
    }

    /** Where one reply goes, decided from its placement and the origin. */
    sealed interface Route {
        Reply reply();
    }

    /** In the conversation: through the hook while it lives, else a channel message (public) or a DM (private). */
    record InConversation(Reply reply, boolean ephemeral) implements Route {
    }

    /** Edit the message whose button was pressed. */
    record EditSource(Reply reply) implements Route {
    }

    record Direct(Reply reply) implements Route {
    }

    record Named(Reply reply, Reply.ChannelRole role) implements Route {
    }

    static List<Route> plan(Origin origin, List<Reply> replies) {
        // "Same conversation" keeps the visibility of where the person is: a button on an ephemeral message lives in
        // that private view, and a command deferred privately (everything but a question) answers privately (D5).
        boolean sameIsPrivate = origin.inGuild() && switch (origin.kind()) {
            case BUTTON -> origin.sourceEphemeral();
            case COMMAND -> origin.deferredEphemeral();
            case MESSAGE -> false;
        };
        List<Route> routes = new ArrayList<>();
        for (Reply reply : replies) {
            switch (reply.placement()) {
                case Reply.Placement.Home h -> {
                    // Discord has no personal home view.
                }
                case Reply.Placement.NamedChannel n -> routes.add(new Named(reply, n.role()));
                case Reply.Placement.DirectMessage d ->
                        routes.add(origin.inGuild() ? new Direct(reply) : new InConversation(reply, false));
                case Reply.Placement.Private p -> routes.add(new InConversation(reply, origin.inGuild()));
                case Reply.Placement.SameConversation s -> routes.add(new InConversation(reply, sameIsPrivate));
                case Reply.Placement.ReplaceSource r -> routes.add(origin.kind() == Origin.Kind.BUTTON
                        ? new EditSource(reply) : new InConversation(reply, sameIsPrivate));
            }
        }
        return routes;
    }

    /**
     * Sends the replies; completes when every step has finished or failed (never exceptionally).
     *
     * @param acknowledged whether the defer succeeded (always false for plain messages)
     */
    CompletableFuture<Void> deliver(Origin origin, boolean acknowledged, List<Reply> replies) {
        return new Delivery(origin, acknowledged).run(plan(origin, replies));
    }

    /** One inbound's replies on their way, with what was learnt while sending them. */
    private final class Delivery {
        private final Origin origin;
        private final boolean acknowledged;
        /** Discord refused the interaction token: every later reply goes as a fresh message. */
        private volatile boolean tokenDead;
        /** The "your DMs are closed" notice went out once already. */
        private volatile boolean dmNoticeShown;

        Delivery(Origin origin, boolean acknowledged) {
            this.origin = origin;
            this.acknowledged = acknowledged;
        }

        CompletableFuture<Void> run(List<Route> planned) {
            int firstDirect = -1;
            for (int i = 0; i < planned.size() && firstDirect < 0; i++) {
                if (planned.get(i) instanceof Direct) {
                    firstDirect = i;
                }
            }
            if (firstDirect < 0) {
                return inConversation(planned);
            }
            // The DMs go first: a private note in front of them ("I've sent you the quiz in a DM") is only true once
            // they went through, and when DMs are closed the content is shown here instead, with one notice (D4).
            List<Route> notes = new ArrayList<>();
            List<Route> rest = new ArrayList<>();
            List<Reply> dms = new ArrayList<>();
            for (int i = 0; i < planned.size(); i++) {
                Route route = planned.get(i);
                if (route instanceof Direct d) {
                    dms.add(d.reply());
                } else if (i < firstDirect && route instanceof InConversation c && c.ephemeral()
                        && route.reply().placement() instanceof Reply.Placement.Private) {
                    notes.add(route);
                } else {
                    rest.add(route);
                }
            }
            return sendDms(dms).thenCompose(undelivered -> {
                List<Route> routes = new ArrayList<>();
                if (undelivered.isEmpty()) {
                    for (Route note : notes) {
                        // Without a live interaction a private note has no private place here: it is a public reply.
                        routes.add(live() ? note : new InConversation(note.reply(), false));
                    }
                    routes.addAll(rest);
                    return inConversation(routes);
                }
                if (origin.inGuild() && live()) {
                    for (int i = 0; i < undelivered.size(); i++) {
                        Reply reply = undelivered.get(i);
                        routes.add(new InConversation(i == 0 ? withNotice(reply) : reply, true));
                    }
                    dmNoticeShown = true;
                    routes.addAll(rest);
                    return inConversation(routes);
                }
                return publicDmNotice().thenCompose(ignored -> inConversation(rest));
            });
        }

        /** Sends the DMs in order; completes with those that could not go because the person's DMs are closed. */
        private CompletableFuture<List<Reply>> sendDms(List<Reply> dms) {
            CompletableFuture<List<Reply>> chain = CompletableFuture.completedFuture(new ArrayList<>());
            for (Reply reply : dms) {
                chain = chain.thenCompose(undelivered -> {
                    if (!undelivered.isEmpty()) {
                        undelivered.add(reply); // DMs are closed: no point trying the next one
                        return CompletableFuture.completedFuture(undelivered);
                    }
                    return dm(reply).thenApply(closed -> {
                        if (closed) {
                            undelivered.add(reply);
                        }
                        return undelivered;
                    });
                });
            }
            return chain;
        }

        private CompletableFuture<Void> inConversation(List<Route> planned) {
            List<Route> routes = new ArrayList<>(planned);
            CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
            if (origin.kind() == Origin.Kind.COMMAND && live()) {
                int first = firstMatching(routes, origin.deferredEphemeral());
                if (first >= 0) {
                    Route route = routes.remove(first);
                    chain = editOriginal("edit of the deferred reply", route.reply(), origin.deferredEphemeral());
                } else {
                    chain = guarded("removal of the deferred reply", () -> origin.hook().deleteOriginal().submit());
                }
            }
            for (Route route : routes) {
                chain = chain.thenCompose(ignored -> send(route));
            }
            return chain;
        }

        private CompletableFuture<Void> send(Route route) {
            Reply reply = route.reply();
            return switch (route) {
                case InConversation c -> live() ? followUp(reply, c.ephemeral()) : fresh(reply, c.ephemeral());
                case EditSource e -> live() ? editOriginal("edit of the source message", reply, origin.sourceEphemeral())
                        : fresh(reply, origin.sourceEphemeral());
                case Direct d -> dm(reply).thenCompose(closed -> closed ? closedDms(reply)
                        : CompletableFuture.completedFuture(null));
                case Named n -> sequence("post to the " + n.role() + " channel",
                        MessageRenderer.create(reply.blocks(), reply.fallback()),
                        data -> Outbound.toRole(origin.jda(), config, n.role(), data));
            };
        }

        /** Edits the hook's message (the deferred reply, or the one whose button was pressed); long replies go on. */
        private CompletableFuture<Void> editOriginal(String what, Reply reply, boolean ephemeral) {
            MessageRenderer.Edit edit = MessageRenderer.edit(reply.blocks(), reply.fallback());
            return hookCall(what, () -> origin.hook().editOriginal(edit.first()).submit(), reply, ephemeral)
                    .thenCompose(ok -> ok ? followUps(edit.rest(), ephemeral) : CompletableFuture.completedFuture(null));
        }

        private CompletableFuture<Void> followUp(Reply reply, boolean ephemeral) {
            List<MessageCreateData> parts = MessageRenderer.create(reply.blocks(), reply.fallback());
            return hookCall("follow-up", () -> origin.hook().sendMessage(parts.get(0)).setEphemeral(ephemeral).submit(),
                    reply, ephemeral)
                    .thenCompose(ok -> ok ? followUps(parts.subList(1, parts.size()), ephemeral)
                            : CompletableFuture.completedFuture(null));
        }

        private CompletableFuture<Void> followUps(List<MessageCreateData> parts, boolean ephemeral) {
            return sequence("follow-up", parts, data -> origin.hook().sendMessage(data).setEphemeral(ephemeral).submit());
        }

        /**
         * One request through the interaction hook. When Discord refuses it (token expired or unknown, message gone:
         * D6), the reply goes as a fresh message instead; completes with whether the hook call itself worked.
         */
        private CompletableFuture<Boolean> hookCall(String what, Supplier<CompletableFuture<?>> request, Reply reply,
                                                    boolean ephemeral) {
            return attempt(request).thenCompose(error -> {
                if (error == null) {
                    return CompletableFuture.completedFuture(true);
                }
                LOG.warn("{} failed: {}", what, DeliveryErrors.describe(error));
                if (!DeliveryErrors.isHookRefused(error)) {
                    return CompletableFuture.completedFuture(false);
                }
                if (DeliveryErrors.isTokenDead(error)) {
                    tokenDead = true;
                }
                LOG.info("the interaction hook was refused; sending that reply as a fresh message");
                return fresh(reply, ephemeral).thenApply(ignored -> false);
            });
        }

        /** Without the hook: public replies as channel messages, private ones by DM. */
        private CompletableFuture<Void> fresh(Reply reply, boolean ephemeral) {
            if (!ephemeral) {
                return toChannel(reply);
            }
            return dm(reply).thenCompose(closed -> closed ? closedDms(reply) : CompletableFuture.completedFuture(null));
        }

        private CompletableFuture<Void> toChannel(Reply reply) {
            if (origin.channel() == null) {
                LOG.warn("no channel to post a reply to ({} {})", origin.kind(), origin.inGuild() ? "guild" : "dm");
                return CompletableFuture.completedFuture(null);
            }
            List<MessageCreateData> parts = MessageRenderer.create(reply.blocks(), reply.fallback());
            CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
            for (int i = 0; i < parts.size(); i++) {
                MessageCreateData data = parts.get(i);
                boolean first = i == 0;
                chain = chain.thenCompose(ignored -> guarded("channel message", () -> {
                    MessageCreateAction action = origin.channel().sendMessage(data);
                    if (first && origin.replyToMessageId() != null) {
                        action = action.setMessageReference(origin.replyToMessageId()).failOnInvalidReply(false);
                    }
                    return action.submit();
                }));
            }
            return chain;
        }

        /** Sends one reply by DM (every part of it); completes with true when the person's DMs are closed. */
        private CompletableFuture<Boolean> dm(Reply reply) {
            List<MessageCreateData> parts = MessageRenderer.create(reply.blocks(), reply.fallback());
            CompletableFuture<?> sent;
            try {
                sent = Outbound.toUser(origin.user(), parts);
            } catch (RuntimeException e) {
                sent = CompletableFuture.failedFuture(e);
            }
            return sent.handle((ok, error) -> {
                if (error == null) {
                    return false;
                }
                if (DeliveryErrors.isDmClosed(error)) {
                    return true;
                }
                LOG.warn("DM failed: {}", DeliveryErrors.describe(error));
                return false;
            });
        }

        /** A reply that could not go by DM: privately here while the interaction lives, else one public notice. */
        private CompletableFuture<Void> closedDms(Reply reply) {
            if (origin.inGuild() && live()) {
                Reply shown = dmNoticeShown ? reply : withNotice(reply);
                dmNoticeShown = true;
                return followUp(shown, true);
            }
            return publicDmNotice();
        }

        /** The public "couldn't DM you" notice, at most once per delivery, without the content. */
        private CompletableFuture<Void> publicDmNotice() {
            if (dmNoticeShown) {
                return CompletableFuture.completedFuture(null);
            }
            dmNoticeShown = true;
            if (origin.inGuild() && origin.channel() != null) {
                String notice = Notices.get(Notices.DM_CLOSED_PUBLIC, origin.locale());
                return toChannel(new Reply(Reply.SAME, List.of(new Block.Text(notice)), notice));
            }
            LOG.warn("DMs closed and no live interaction or channel to tell the user; a reply was not delivered");
            return CompletableFuture.completedFuture(null);
        }

        private Reply withNotice(Reply reply) {
            List<Block> blocks = new ArrayList<>();
            blocks.add(new Block.Text("_" + Notices.get(Notices.DM_CLOSED_PRIVATE, origin.locale()) + "_"));
            blocks.addAll(reply.blocks());
            return new Reply(reply.placement(), blocks, reply.fallback());
        }

        private boolean live() {
            return acknowledged && !tokenDead && origin.hook() != null
                    && clock.instant().isBefore(origin.arrivedAt().plus(TOKEN_LIFETIME).minus(SAFETY_MARGIN));
        }
    }

    private static int firstMatching(List<Route> routes, boolean ephemeral) {
        for (int i = 0; i < routes.size(); i++) {
            if (routes.get(i) instanceof InConversation c && c.ephemeral() == ephemeral) {
                return i;
            }
        }
        return -1;
    }

    /** The parts of one long reply, one request after the other. */
    private static CompletableFuture<Void> sequence(String what, List<MessageCreateData> parts,
                                                    java.util.function.Function<MessageCreateData, CompletableFuture<?>> send) {
        CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
        for (MessageCreateData data : parts) {
            chain = chain.thenCompose(ignored -> guarded(what, () -> send.apply(data)));
        }
        return chain;
    }

    /** Runs one request; completes with its failure, or null when it worked. */
    private static CompletableFuture<Throwable> attempt(Supplier<CompletableFuture<?>> request) {
        CompletableFuture<?> f;
        try {
            f = request.get();
        } catch (RuntimeException e) {
            f = CompletableFuture.failedFuture(e);
        }
        if (f == null) {
            f = CompletableFuture.failedFuture(new IllegalStateException("no future"));
        }
        return f.handle((ok, error) -> error);
    }

    /** Runs one request; a failure (thrown or in the future) is logged by code and swallowed. */
    private static CompletableFuture<Void> guarded(String what, Supplier<CompletableFuture<?>> request) {
        return attempt(request).thenAccept(error -> {
            if (error != null) {
                LOG.warn("{} failed: {}", what, DeliveryErrors.describe(error));
            }
        });
    }
}
