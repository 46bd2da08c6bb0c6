package io.policybot.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.policybot.chat.Block;
import io.policybot.chat.DeliveryResult;
import io.policybot.chat.Reply;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.exceptions.RateLimitedException;
import net.dv8tion.jda.api.requests.ErrorResponse;
import net.dv8tion.jda.api.requests.restaction.CacheRestAction;
import org.junit.jupiter.api.Test;

class DiscordGatewayTest {
    private static final List<Block> NEWS = List.of(new Block.Heading("Policy updated"),
            new Block.Text("Version 1.1 of the Social Media Policy is out."));

    private final FakeDiscord discord = new FakeDiscord();
    private final MutableClock clock = new MutableClock(Harness.START);
    private final DmPacer pacer = new DmPacer(clock, Duration.ofSeconds(1));
    private final DiscordGateway gateway = new DiscordGateway(() -> discord.jda,
            new DiscordConfig("test-token-not-real", null, FakeDiscord.HR_CHANNEL_ID, null), pacer,
            Duration.ofSeconds(5));

    @Test
    void aDmIsLookedUpOpenedAndSent() {
        DeliveryResult result = gateway.sendDirect(FakeDiscord.USER_ID, NEWS, "Policy updated");

        assertEquals(new DeliveryResult.Sent("555555555555555555"), result);
        assertEquals(List.of("retrieve user", "open dm", "dm"), discord.timeline);
        assertEquals("Policy updated", discord.sent("dm").get(0).title());
        assertTrue(discord.sent("dm").get(0).create().getAllowedMentions().isEmpty());
        verify(discord.jda.retrieveUserById(FakeDiscord.USER_ID), never()).complete();
    }

    @Test
    void anOutboxDmCarriesANonceFromItsIdempotencyKey() {
        String key = "announcement:a1:person:p42:v1.1";

        assertEquals(new DeliveryResult.Sent("555555555555555555"),
                gateway.sendDirect(FakeDiscord.USER_ID, NEWS, "Policy updated", key));
        clock.advance(Duration.ofSeconds(1));
        gateway.sendDirect(FakeDiscord.USER_ID, NEWS, "Policy updated", key);
        clock.advance(Duration.ofSeconds(1));
        gateway.sendDirect(FakeDiscord.USER_ID, NEWS, "Policy updated", "announcement:a1:person:p43:v1.1");

        List<String> nonces = discord.sent("dm").stream().map(FakeDiscord.Sent::nonce).toList();
        assertEquals(DiscordGateway.nonce(key), nonces.get(0));
        assertEquals(nonces.get(0), nonces.get(1), "a resend after a crash has the same nonce");
        assertTrue(!nonces.get(2).equals(nonces.get(0)), "another message has another nonce");
        assertTrue(nonces.stream().allMatch(n -> n.length() <= 25), nonces.toString());
    }

    @Test
    void anOutboxChannelPostCarriesANonceAndPlainSendsKeepJdasOwn() {
        gateway.sendToChannel(Reply.ChannelRole.HR, NEWS, "Policy updated", "announcement:a1:channel");
        gateway.sendToChannel(Reply.ChannelRole.HR, NEWS, "Policy updated");

        List<FakeDiscord.Sent> posts = discord.sent("hr channel");
        assertEquals(DiscordGateway.nonce("announcement:a1:channel"), posts.get(0).nonce());
        assertEquals(null, posts.get(1).nonce());
    }

    @Test
    void noncesAreShortStableAndNullWithoutAKey() {
        assertEquals(DiscordGateway.nonce("k"), DiscordGateway.nonce("k"));
        assertTrue(DiscordGateway.nonce("x".repeat(500)).length() <= 25);
        assertEquals(null, DiscordGateway.nonce(null));
        assertEquals(null, DiscordGateway.nonce(""));
    }

    @Test
    void closedDmsFail() {
        discord.dmFailure.set(FakeDiscord.discordError(ErrorResponse.CANNOT_SEND_TO_USER));

        assertEquals(new DeliveryResult.Failed("dms closed"), gateway.sendDirect(FakeDiscord.USER_ID, NEWS, "x"));
    }

    @Test
    void anUnknownUserFails() {
        CacheRestAction<User> lookup = failingLookup(FakeDiscord.discordError(ErrorResponse.UNKNOWN_USER));
        when(discord.jda.retrieveUserById("123")).thenReturn(lookup);

        assertEquals(new DeliveryResult.Failed("unknown user"), gateway.sendDirect("123", NEWS, "x"));
        assertEquals(new DeliveryResult.Failed("not a discord user id"), gateway.sendDirect("U123", NEWS, "x"));
    }

    @Test
    void rateLimitsAndServerErrorsAreRetriedLater() {
        discord.dmFailure.set(new RateLimitedException("channels/1/messages", 4_000));
        assertEquals(new DeliveryResult.RetryLater(Duration.ofSeconds(4), "rate limited"),
                gateway.sendDirect(FakeDiscord.USER_ID, NEWS, "x"));

        clock.advance(Duration.ofSeconds(1));
        discord.dmFailure.set(FakeDiscord.discordError(ErrorResponse.SERVER_ERROR));
        assertEquals(new DeliveryResult.RetryLater(DeliveryErrors.SERVER_RETRY, "discord server error"),
                gateway.sendDirect(FakeDiscord.USER_ID, NEWS, "x"));
    }

    @Test
    void bulkSendsArePacedWithoutWaiting() {
        DeliveryResult first = gateway.sendDirect(FakeDiscord.USER_ID, NEWS, "x");
        DeliveryResult second = gateway.sendDirect(FakeDiscord.USER_ID, NEWS, "x");
        clock.advance(Duration.ofMillis(400));
        DeliveryResult third = gateway.sendDirect(FakeDiscord.USER_ID, NEWS, "x");
        clock.advance(Duration.ofMillis(600));
        DeliveryResult fourth = gateway.sendDirect(FakeDiscord.USER_ID, NEWS, "x");

        assertInstanceOf(DeliveryResult.Sent.class, first);
        assertEquals(new DeliveryResult.RetryLater(Duration.ofSeconds(1), "pacing DM opening"), second);
        assertEquals(new DeliveryResult.RetryLater(Duration.ofMillis(600), "pacing DM opening"), third);
        assertInstanceOf(DeliveryResult.Sent.class, fourth);
        assertEquals(2, discord.sent("dm").size(), "paced sends never reach Discord");
    }

    @Test
    void openingDmsTooFastBacksOff() {
        discord.dmFailure.set(FakeDiscord.discordError(ErrorResponse.OPEN_DM_TOO_FAST));
        assertEquals(new DeliveryResult.RetryLater(DeliveryErrors.DM_TOO_FAST_PAUSE, "opening DMs too fast"),
                gateway.sendDirect(FakeDiscord.USER_ID, NEWS, "x"));

        clock.advance(Duration.ofSeconds(5));
        assertEquals(new DeliveryResult.RetryLater(Duration.ofSeconds(55), "pacing DM opening"),
                gateway.sendDirect(FakeDiscord.USER_ID, NEWS, "x"));
    }

    @Test
    void channelPostsGoToTheConfiguredChannel() {
        assertEquals(new DeliveryResult.Sent("555555555555555555"),
                gateway.sendToChannel(Reply.ChannelRole.HR, NEWS, "Policy updated"));
        assertEquals("Policy updated", discord.sent("hr channel").get(0).title());

        assertEquals(new DeliveryResult.Failed("no discord channel configured for ANNOUNCEMENTS"),
                gateway.sendToChannel(Reply.ChannelRole.ANNOUNCEMENTS, NEWS, "x"));
    }

    @Test
    void anInvisibleOrForbiddenChannelFails() {
        when(discord.jda.getChannelById(GuildMessageChannel.class, FakeDiscord.HR_CHANNEL_ID)).thenReturn(null);
        assertInstanceOf(DeliveryResult.Failed.class, gateway.sendToChannel(Reply.ChannelRole.HR, NEWS, "x"));

        GuildMessageChannel forbidden = mock(GuildMessageChannel.class);
        when(discord.jda.getChannelById(GuildMessageChannel.class, FakeDiscord.HR_CHANNEL_ID)).thenReturn(forbidden);
        var action = mock(net.dv8tion.jda.api.requests.restaction.MessageCreateAction.class);
        var missingPermissions = FakeDiscord.discordError(ErrorResponse.MISSING_PERMISSIONS);
        when(action.submit()).thenReturn(CompletableFuture.failedFuture(missingPermissions));
        when(forbidden.sendMessage(org.mockito.ArgumentMatchers.any(
                net.dv8tion.jda.api.utils.messages.MessageCreateData.class))).thenReturn(action);
        assertEquals(new DeliveryResult.Failed("no access to channel (50013)"),
                gateway.sendToChannel(Reply.ChannelRole.HR, NEWS, "x"));
    }

    @Test
    void beforeTheBotIsConnectedEverythingWaits() {
        DiscordGateway notYet = new DiscordGateway(() -> null, new DiscordConfig("t"), pacer, Duration.ofSeconds(1));

        assertEquals(new DeliveryResult.RetryLater(DiscordGateway.NOT_CONNECTED_RETRY, "discord not connected"),
                notYet.sendDirect(FakeDiscord.USER_ID, NEWS, "x"));
        assertEquals("discord", notYet.platform());
    }

    @Test
    void aSlowDiscordIsRetriedLater() {
        CacheRestAction<User> hanging = failingLookup(null);
        when(hanging.submit()).thenReturn(new CompletableFuture<>());
        when(discord.jda.retrieveUserById("123")).thenReturn(hanging);
        DiscordGateway impatient = new DiscordGateway(() -> discord.jda, new DiscordConfig("t"), pacer,
                Duration.ofMillis(50));

        assertInstanceOf(DeliveryResult.RetryLater.class, impatient.sendDirect("123", NEWS, "x"));
    }

    private static CacheRestAction<User> failingLookup(Throwable error) {
        @SuppressWarnings("unchecked")
        CacheRestAction<User> lookup = mock(CacheRestAction.class);
        when(lookup.submit()).thenReturn(CompletableFuture.failedFuture(error == null ? new IllegalStateException() : error));
        return lookup;
    }
}
