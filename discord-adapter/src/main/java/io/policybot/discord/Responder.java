package io.policybot.discord;

import io.policybot.conversation.Block;
import io.policybot.conversation.Reply;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import net.dv8tion.jda.api.requests.restaction.MessageCreateAction;
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
 * <p>A DM refused with 50007 (DMs closed) is delivered as an ephemeral follow-up with a short notice instead;
 * without a live interaction the user gets a public notice without the content. Failures are logged with their
 * Discord codes only; a failed step never stops the next.
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
        // A button on an ephemeral message lives in that private view: "same conversation" stays private there.
        boolean sameIsPrivate = origin.inGuild() && origin.kind() == Origin.Kind.BUTTON && origin.sourceEphemeral();
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
        List<Route> routes = new ArrayList<>(plan(origin, replies));
        CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
        if (origin.kind() == Origin.Kind.COMMAND && live(origin, acknowledged)) {
            int first = firstMatching(routes, origin.deferredEphemeral());
            if (first >= 0) {
                Reply reply = routes.remove(first).reply();
                chain = guarded("edit of the deferred reply", () -> origin.hook()
                        .editOriginal(MessageRenderer.edit(reply.blocks(), reply.fallback())).submit());
            } else {
                chain = guarded("removal of the deferred reply", () -> origin.hook().deleteOriginal().submit());
            }
        }
        for (Route route : routes) {
            chain = chain.thenCompose(ignored -> send(origin, acknowledged, route));
        }
        return chain;
    }

    private static int firstMatching(List<Route> routes, boolean ephemeral) {
        for (int i = 0; i < routes.size(); i++) {
            if (routes.get(i) instanceof InConversation c && c.ephemeral() == ephemeral) {
                return i;
            }
        }
        return -1;
    }

    private CompletableFuture<Void> send(Origin origin, boolean acknowledged, Route route) {
        Reply reply = route.reply();
        return switch (route) {
            case InConversation c -> {
                if (live(origin, acknowledged)) {
                    yield guarded("follow-up", () -> origin.hook()
                            .sendMessage(MessageRenderer.create(reply.blocks(), reply.fallback()))
                            .setEphemeral(c.ephemeral()).submit());
                }
                yield c.ephemeral() ? direct(origin, acknowledged, reply) : toChannel(origin, reply);
            }
            case EditSource e -> {
                if (live(origin, acknowledged)) {
                    yield guarded("edit of the source message", () -> origin.hook()
                            .editOriginal(MessageRenderer.edit(reply.blocks(), reply.fallback())).submit());
                }
                yield origin.sourceEphemeral() ? direct(origin, acknowledged, reply) : toChannel(origin, reply);
            }
            case Direct d -> direct(origin, acknowledged, reply);
            case Named n -> guarded("post to the " + n.role() + " channel", () -> Outbound.toRole(origin.jda(), config,
                    n.role(), MessageRenderer.create(reply.blocks(), reply.fallback())));
        };
    }

    private CompletableFuture<Void> toChannel(Origin origin, Reply reply) {
        if (origin.channel() == null) {
            LOG.warn("no channel to post a reply to ({} {})", origin.kind(), origin.inGuild() ? "guild" : "dm");
            return CompletableFuture.completedFuture(null);
        }
        return guarded("channel message", () -> {
            MessageCreateAction action = origin.channel()
                    .sendMessage(MessageRenderer.create(reply.blocks(), reply.fallback()));
            if (origin.replyToMessageId() != null) {
                action = action.setMessageReference(origin.replyToMessageId()).failOnInvalidReply(false);
            }
            return action.submit();
        });
    }

    private CompletableFuture<Void> direct(Origin origin, boolean acknowledged, Reply reply) {
        CompletableFuture<?> sent;
        try {
            sent = Outbound.toUser(origin.user(), MessageRenderer.create(reply.blocks(), reply.fallback()));
        } catch (RuntimeException e) {
            sent = CompletableFuture.failedFuture(e);
        }
        return sent.handle((ok, error) -> error).thenCompose(error -> {
            if (error == null) {
                return CompletableFuture.completedFuture(null);
            }
            if (!DeliveryErrors.isDmClosed(error)) {
                LOG.warn("DM failed: {}", DeliveryErrors.describe(error));
                return CompletableFuture.completedFuture(null);
            }
            if (origin.inGuild() && live(origin, acknowledged)) {
                List<Block> blocks = new ArrayList<>();
                blocks.add(new Block.Text("_" + Notices.get(Notices.DM_CLOSED_PRIVATE, origin.locale()) + "_"));
                blocks.addAll(reply.blocks());
                return guarded("ephemeral fallback for closed DMs", () -> origin.hook()
                        .sendMessage(MessageRenderer.create(blocks, reply.fallback())).setEphemeral(true).submit());
            }
            if (origin.inGuild() && origin.channel() != null) {
                String notice = Notices.get(Notices.DM_CLOSED_PUBLIC, origin.locale());
                return toChannel(origin, new Reply(Reply.SAME, List.of(new Block.Text(notice)), notice));
            }
            LOG.warn("DMs closed and no live interaction or channel to tell the user; one reply not delivered");
            return CompletableFuture.completedFuture(null);
        });
    }

    private boolean live(Origin origin, boolean acknowledged) {
        return acknowledged && origin.hook() != null
                && clock.instant().isBefore(origin.arrivedAt().plus(TOKEN_LIFETIME).minus(SAFETY_MARGIN));
    }

    /** Runs one request; a failure (thrown or in the future) is logged by code and swallowed. */
    private static CompletableFuture<Void> guarded(String what, Supplier<CompletableFuture<?>> request) {
        CompletableFuture<?> f;
        try {
            f = request.get();
        } catch (RuntimeException e) {
            f = CompletableFuture.failedFuture(e);
        }
        if (f == null) {
            f = CompletableFuture.failedFuture(new IllegalStateException("no future"));
        }
        return f.handle((ok, error) -> {
            if (error != null) {
                LOG.warn("{} failed: {}", what, DeliveryErrors.describe(error));
            }
            return null;
        });
    }
}
