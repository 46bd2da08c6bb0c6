package io.policybot.slack;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** manifest.yaml asks for exactly what the code uses: no scope too many, no event missing. */
class ManifestTest {

    @SuppressWarnings("unchecked")
    private static <T> T at(Map<String, Object> root, String... path) {
        Object node = root;
        for (String key : path) {
            node = ((Map<String, Object>) node).get(key);
        }
        return (T) node;
    }

    @Test
    void manifestMatchesTheCode() throws IOException {
        Map<String, Object> m;
        try (Reader in = Files.newBufferedReader(Path.of("manifest.yaml"))) {
            m = new Yaml().load(in);
        }
        List<String> scopes = at(m, "oauth_config", "scopes", "bot");
        assertEquals(Set.copyOf(SlackBot.BOT_SCOPES), Set.copyOf(scopes));
        assertEquals(SlackBot.BOT_SCOPES.size(), scopes.size());

        List<String> events = at(m, "settings", "event_subscriptions", "bot_events");
        assertEquals(Set.copyOf(SlackBot.EVENTS), Set.copyOf(events));

        List<Map<String, Object>> commands = at(m, "features", "slash_commands");
        assertEquals(List.of(SlackBot.COMMAND), commands.stream().map(c -> c.get("command")).toList());

        assertEquals(true, at(m, "settings", "interactivity", "is_enabled"));
        assertEquals(true, at(m, "settings", "socket_mode_enabled"));
        assertEquals(true, at(m, "features", "app_home", "home_tab_enabled"));
        assertEquals(true, at(m, "features", "app_home", "messages_tab_enabled"));
        assertEquals(false, at(m, "features", "app_home", "messages_tab_read_only_enabled"));
    }
}
