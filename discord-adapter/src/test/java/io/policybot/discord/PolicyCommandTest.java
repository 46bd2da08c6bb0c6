package io.policybot.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Map;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PolicyCommandTest {

    @Test
    void policyHasItsSubcommands() {
        SlashCommandData policy = PolicyCommand.definition();

        assertEquals("policy", policy.getName());
        assertEquals(List.of("ask", "quiz", "roleplay", "status", "help", "report", "announce", "gaps", "console"),
                policy.getSubcommands().stream().map(SubcommandData::getName).toList());
        SubcommandData ask = policy.getSubcommands().get(0);
        assertEquals(OptionType.STRING, ask.getOptions().get(0).getType());
        assertEquals("question", ask.getOptions().get(0).getName());
        assertTrue(ask.getOptions().get(0).isRequired());
        SubcommandData report = policy.getSubcommands().get(5);
        assertEquals(OptionType.USER, report.getOptions().get(0).getType());
        assertFalse(report.getOptions().get(0).isRequired());
        assertEquals(java.util.Set.of(InteractionContextType.GUILD, InteractionContextType.BOT_DM), policy.getContexts());
    }

    @ParameterizedTest
    @ValueSource(strings = {"quiz", "roleplay", "status", "help", "announce", "gaps", "console"})
    void subcommandsWithoutOptionsAreTheirName(String subcommand) {
        assertEquals(subcommand, PolicyCommand.toText(subcommand, name -> null));
        assertTrue(PolicyCommand.defersPrivately(subcommand));
    }

    @Test
    void optionsBecomeText() {
        assertEquals("ask can I post?", PolicyCommand.toText("ask", options(Map.of("question", "can I post?"))));
        assertEquals("report <@42>", PolicyCommand.toText("report", options(Map.of("target", "42"))));
        assertEquals("report", PolicyCommand.toText("report", options(Map.of())));
        assertEquals("help", PolicyCommand.toText(null, options(Map.of())));
        assertFalse(PolicyCommand.defersPrivately("ask"), "answers are for the channel");
    }

    private static java.util.function.Function<String, OptionMapping> options(Map<String, String> values) {
        return name -> {
            String value = values.get(name);
            if (value == null) {
                return null;
            }
            OptionMapping mapping = mock(OptionMapping.class);
            when(mapping.getAsString()).thenReturn(value);
            return mapping;
        };
    }
}
