package io.policybot.discord;

import io.policybot.chat.Block;
import io.policybot.chat.ChatGateway;
import io.policybot.chat.DeliveryResult;
import io.policybot.chat.Reply;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outbox's way to Discord: DMs (user lookup, DM channel, message) and the configured channels.
 *
 * <p>Requests go through JDA's {@code submit()} futures, so rate limits are handled by JDA's queue and nothing
 * calls {@code complete()}; the synchronous {@link ChatGateway} methods wait on the future on the caller's (the
 * outbox's) thread, bounded by a timeout. Opening DMs is paced by {@link DmPacer}: a send that comes too soon is
 * answered {@link DeliveryResult.RetryLater} at once, so bulk sends never trip Discord's 40003.
 */
final class DiscordGateway implements ChatGateway {
    private static final Logger LOG = LoggerFactory.getLogger(DiscordGateway.class);
    static final Duration NOT_CONNECTED_RETRY = Duration.ofSeconds(30);

    private final Supplier<JDA> jda;
    private final DiscordConfig config;
    private final DmPacer pacer;
    private final Duration timeout;

    DiscordGateway(Supplier<JDA> jda, DiscordConfig config, DmPacer pacer, Duration timeout) {
        this.jda = jda;
        this.config = config;
        this.pacer = pacer;
        this.timeout = timeout;
    }

    @Override
    public String platform() {
        return DiscordListener.PLATFORM;
    }

    @Override
    public DeliveryResult sendDirect(String userId, List<Block> blocks, String fallback) {
        return await(sendDirectAsync(userId, blocks, fallback));
    }

    @Override
    public DeliveryResult sendToChannel(Reply.ChannelRole role, List<Block> blocks, String fallback) {
        return await(sendToChannelAsync(role, blocks, fallback));
    }

    /** Whether a channel is configured for the role: without an HR channel the engine offers no Ask HR. */
    @Override
    public boolean hasChannel(Reply.ChannelRole role) {
        return config.channelFor(role).isPresent();
    }

    /** A DM whose Discord nonce comes from {@code idempotencyKey}: a resend after a crash is delivered once. */
    @Override
    public DeliveryResult sendDirect(String userId, List<Block> blocks, String fallback, String idempotencyKey) {
        return await(sendDirectAsync(userId, blocks, fallback, nonce(idempotencyKey)));
    }

    /** A channel post whose Discord nonce comes from {@code idempotencyKey}. */
    @Override
    public DeliveryResult sendToChannel(Reply.ChannelRole role, List<Block> blocks, String fallback,
                                        String idempotencyKey) {
        return await(sendToChannelAsync(role, blocks, fallback, nonce(idempotencyKey)));
    }

    /**
     * Discord's nonce for an idempotency key: at most 25 characters, so the key's SHA-256, first 128 bits, in base
     * 36 (at most 25 digits). The same key always gives the same nonce; null for no key.
     */
    static String nonce(String idempotencyKey) {
        if (idempotencyKey == null || idempotencyKey.isEmpty()) {
            return null;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(idempotencyKey.getBytes(StandardCharsets.UTF_8));
            return new BigInteger(1, Arrays.copyOf(digest, 16)).toString(Character.MAX_RADIX);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JDK", e);
        }
    }

    /** Like {@link #sendDirect} without waiting: for callers that must not block. */
    CompletableFuture<DeliveryResult> sendDirectAsync(String userId, List<Block> blocks, String fallback) {
        return sendDirectAsync(userId, blocks, fallback, null);
    }

    private CompletableFuture<DeliveryResult> sendDirectAsync(String userId, List<Block> blocks, String fallback,
                                                              String nonce) {
        JDA client = jda.get();
        if (client == null) {
            return CompletableFuture.completedFuture(
                    new DeliveryResult.RetryLater(NOT_CONNECTED_RETRY, "discord not connected"));
        }
        if (userId == null || !userId.matches("\\d{1,20}")) {
            return CompletableFuture.completedFuture(new DeliveryResult.Failed("not a discord user id"));
        }
        Duration wait = pacer.reserve();
        if (!wait.isZero()) {
            return CompletableFuture.completedFuture(new DeliveryResult.RetryLater(wait, "pacing DM opening"));
        }
        return settle(() -> Outbound.toUser(client, userId, () -> MessageRenderer.create(blocks, fallback), nonce));
    }

    CompletableFuture<DeliveryResult> sendToChannelAsync(Reply.ChannelRole role, List<Block> blocks, String fallback) {
        return sendToChannelAsync(role, blocks, fallback, null);
    }

    private CompletableFuture<DeliveryResult> sendToChannelAsync(Reply.ChannelRole role, List<Block> blocks,
                                                                 String fallback, String nonce) {
        JDA client = jda.get();
        if (client == null) {
            return CompletableFuture.completedFuture(
                    new DeliveryResult.RetryLater(NOT_CONNECTED_RETRY, "discord not connected"));
        }
        if (config.channelFor(role).isEmpty()) {
            return CompletableFuture.completedFuture(
                    new DeliveryResult.Failed("no discord channel configured for " + role));
        }
        return settle(() -> Outbound.toRole(client, config, role, MessageRenderer.create(blocks, fallback), nonce));
    }

    private CompletableFuture<DeliveryResult> settle(Supplier<CompletableFuture<Message>> request) {
        CompletableFuture<Message> sent;
        try {
            sent = request.get();
        } catch (RuntimeException e) {
            sent = CompletableFuture.failedFuture(e);
        }
        return sent.handle((message, error) -> {
            if (error == null) {
                return new DeliveryResult.Sent(message.getId());
            }
            if (DeliveryErrors.isDmTooFast(error)) {
                pacer.backOff(DeliveryErrors.DM_TOO_FAST_PAUSE);
            }
            if (DeliveryErrors.unwrap(error) instanceof DiscordException e) {
                return new DeliveryResult.Failed(e.getMessage());
            }
            DeliveryResult result = DeliveryErrors.toResult(error);
            LOG.info("discord delivery not done: {} -> {}", DeliveryErrors.describe(error), result);
            return result;
        });
    }

    private DeliveryResult await(CompletableFuture<DeliveryResult> result) {
        try {
            return result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return new DeliveryResult.RetryLater(NOT_CONNECTED_RETRY, "discord did not answer in " + timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new DeliveryResult.RetryLater(Duration.ZERO, "interrupted");
        } catch (ExecutionException e) {
            return DeliveryErrors.toResult(e);
        }
    }
}
