package io.policybot.discord;

import static io.policybot.discord.Harness.await;
import static io.policybot.discord.Harness.reply;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.policybot.chat.Reply;
import java.util.Map;
import java.util.Set;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The member's Discord role ids become the Actor's groups in a guild; a DM has none. */
class MemberRolesTest {
    private static final String HR_ROLE = "123456789012345678";
    private static final String SALES_ROLE = "876543210987654321";

    private final Harness h = new Harness();
    private final FakeDiscord discord = h.discord;
    private final ScriptedEngine engine = ScriptedEngine.answering(reply(Reply.SAME, "Gaps", "None."));
    private final DiscordListener listener = h.listener(engine);

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void aGuildSlashCommandCarriesTheMembersRoleIds() {
        SlashCommandInteractionEvent event = discord.slash("6001", "gaps", true, Map.of());
        Member member = FakeDiscord.member(HR_ROLE, SALES_ROLE);
        when(event.getMember()).thenReturn(member);

        await(listener.slashCommand(event));

        assertEquals(Set.of(HR_ROLE, SALES_ROLE), engine.only().actor().groups());
    }

    @Test
    void aGuildButtonPressCarriesTheMembersRoleIds() {
        ButtonInteractionEvent event = discord.button("6002", "announce.confirm:a1", true, false);
        Member member = FakeDiscord.member(HR_ROLE);
        when(event.getMember()).thenReturn(member);

        await(listener.button(event));

        assertEquals(Set.of(HR_ROLE), engine.only().actor().groups());
    }

    @Test
    void aGuildMentionCarriesTheAuthorsRoleIds() {
        MessageReceivedEvent event = discord.message("6003", "<@" + FakeDiscord.BOT_ID + "> gaps", true, true);
        Member member = FakeDiscord.member(SALES_ROLE);
        when(event.getMember()).thenReturn(member);

        await(listener.message(event));

        assertEquals(Set.of(SALES_ROLE), engine.only().actor().groups());
        assertEquals("discord:" + FakeDiscord.USER_ID, engine.only().actor().key());
    }

    @Test
    void directMessagesHaveNoGroups() {
        SlashCommandInteractionEvent slash = discord.slash("6004", "gaps", false, Map.of());
        Member stray = FakeDiscord.member(HR_ROLE);
        when(slash.getMember()).thenReturn(stray);
        await(listener.slashCommand(slash));
        await(listener.message(discord.message("6005", "gaps", false, false)));

        assertEquals(2, engine.received.size());
        engine.received.forEach(in -> assertEquals(Set.of(), in.actor().groups()));
    }

    @Test
    void aMemberWithoutRolesOrWhoseRolesCannotBeReadHasNone() {
        assertEquals(Set.of(), DiscordListener.roleIds(null));
        assertEquals(Set.of(), DiscordListener.roleIds(FakeDiscord.member()));
        Member broken = mock(Member.class);
        when(broken.getRoles()).thenThrow(new IllegalStateException("guild not cached"));
        assertEquals(Set.of(), DiscordListener.roleIds(broken));
    }
}
