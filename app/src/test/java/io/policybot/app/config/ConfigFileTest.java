package io.policybot.app.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.policybot.PolicyBotException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFileTest {
    /** Tests run in the module directory (app/); the repository is its parent. */
    private static final Path REPO = Path.of("").toAbsolutePath().getParent();

    @Test
    void theExampleConfigurationInTheRepositoryPassesTheCheck() {
        Path example = REPO.resolve("policybot.example.yaml");
        EffectiveConfig config = EffectiveConfig.load(example, Map.of());
        assertEquals(List.of(), config.problems());
        assertEquals("json", config.get("logging.format").orElseThrow());
        assertEquals("C0HRDESK01", config.get("slack.hrChannel").orElseThrow());
        assertEquals(0, new ConfigCommand.Check(() -> config).call(), "config check passes on it");
    }

    @Test
    void theDeploymentExamplesConfigurationPassesTheCheck() {
        EffectiveConfig config = EffectiveConfig.load(REPO.resolve("deploy/policybot.yaml"), Map.of());
        assertEquals(List.of(), config.problems());
        assertEquals("http", config.get("slack.mode").orElseThrow());
    }

    @Test
    void theKubernetesConfigMapsConfigurationPassesTheCheckWithItsSecretMounted(@TempDir Path tmp) throws Exception {
        String manifest = Files.readString(REPO.resolve("deploy/kubernetes/policybot.yaml"));
        String configMap = null;
        for (Object doc : new org.yaml.snakeyaml.Yaml().loadAll(manifest)) {
            Map<?, ?> m = (Map<?, ?>) doc;
            if ("ConfigMap".equals(m.get("kind"))) {
                configMap = (String) ((Map<?, ?>) m.get("data")).get("policybot.yaml");
            }
        }
        Path secrets = tmp.resolve("secrets");
        Files.createDirectories(secrets);
        Files.writeString(secrets.resolve("slack-bot-token"), "xoxb-mounted\n");
        Files.writeString(secrets.resolve("slack-signing-secret"), "mounted-secret\n");
        Path file = tmp.resolve("policybot.yaml");
        Files.writeString(file, configMap.replace("/run/secrets/policybot", secrets.toString()));
        EffectiveConfig config = EffectiveConfig.load(file, Map.of());
        assertEquals(List.of(), config.problems());
        assertEquals("xoxb-mounted", config.environment().get("SLACK_BOT_TOKEN"), "the token comes from the Secret's file");
    }

    @Test
    void unknownKeysWrongTypesAndSecretsAreReportedWithTheirLines() {
        ConfigFile file = ConfigFile.parse(Path.of("policybot.yaml"), """
                http:
                  port: eighty
                slack:
                  mode: websocket
                  hrChanel: C1
                  botToken: xoxb-do-not-put-me-here
                answering:
                  embeddings: maybe
                colour: blue
                """);
        List<String> problems = file.problems().stream().map(ConfigFile.Problem::toString).toList();
        assertEquals(6, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("line 2: http.port must be a port number"), problems.get(0));
        assertTrue(problems.get(1).startsWith("line 4: slack.mode must be one of socket, http"), problems.get(1));
        assertTrue(problems.get(2).contains("line 5: unknown setting \"slack.hrChanel\" (did you mean slack.hrChannel?)"),
                problems.get(2));
        assertTrue(problems.get(3).startsWith("line 6: slack.botToken is a secret"), problems.get(3));
        assertTrue(problems.get(3).contains("SLACK_BOT_TOKEN") && problems.get(3).contains("slack.botTokenFile"));
        assertFalse(problems.toString().contains("xoxb-do-not-put-me-here"), "the secret is never echoed");
        assertTrue(problems.get(4).startsWith("line 8: answering.embeddings must be true or false"), problems.get(4));
        assertTrue(problems.get(5).startsWith("line 9: unknown setting \"colour\""), problems.get(5));
    }

    @Test
    void brokenYamlSaysWhereAndDottedKeysMeanTheSameAsNestedOnes() {
        ConfigFile broken = ConfigFile.parse(Path.of("policybot.yaml"), "slack:\n  mode: http\n   port: 3\n");
        assertEquals(1, broken.problems().size());
        assertTrue(broken.problems().getFirst().line() >= 2, broken.problems().toString());
        ConfigFile dotted = ConfigFile.parse(Path.of("policybot.yaml"), "slack.mode: http\nhttp.port: 9090\n");
        assertEquals(List.of(), dotted.problems());
        assertEquals("http", dotted.values().get("slack.mode"));
        assertEquals("9090", dotted.values().get("http.port"));
    }

    @Test
    void theEnvironmentWinsOverTheFileAndTodaysVariablesKeepWorking(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("policybot.yaml");
        Path secret = tmp.resolve("bot-token");
        Files.writeString(secret, "xoxb-from-a-file\n");
        Files.writeString(file, "slack:\n  mode: http\n  hrChannel: C0FILE\n  botTokenFile: " + secret + "\n"
                + "answering:\n  embeddings: false\ndata:\n  dir: /srv/data\n"
                + "database:\n  url: jdbc:postgresql://db:5432/policybot?user=bot&password=hunter2\n");
        EffectiveConfig config = EffectiveConfig.load(file, Map.of("SLACK_HR_CHANNEL", "C0ENV", "SLACK_PORT", "3100"));
        Map<String, String> env = config.environment();
        assertEquals("C0ENV", env.get("SLACK_HR_CHANNEL"), "the environment wins");
        assertEquals("http", env.get("SLACK_MODE"), "the file fills what the environment leaves");
        assertEquals("3100", env.get("SLACK_PORT"));
        assertEquals("xoxb-from-a-file", env.get("SLACK_BOT_TOKEN"), "a secret from the file its key names");
        assertEquals("off", env.get("POLICYBOT_EMBEDDINGS"), "as POLICYBOT_EMBEDDINGS has always been written");
        io.policybot.app.AppConfig app = io.policybot.app.AppConfig.from(env, null, null, null);
        assertEquals("/srv/data", app.dataDir().toString());
        assertEquals("jdbc:postgresql://db:5432/policybot?user=bot&password=hunter2", app.databaseUrl(),
                "the file's database.url reaches the store");
        assertEquals("jdbc:postgresql://db:5432/policybot?user=bot&password=***", config.values().stream()
                .filter(v -> v.setting().key().equals("database.url")).findFirst().orElseThrow().shown(),
                "config show masks the password in the URL");
        EffectiveConfig.Value token = config.values().stream()
                .filter(v -> v.setting().key().equals("slack.botToken")).findFirst().orElseThrow();
        assertEquals("****** (set)", token.shown());
        assertTrue(token.source().contains("slack.botTokenFile"));
    }

    @Test
    void configShowMasksSecretsAndSaysWhereEachValueComesFrom(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("policybot.yaml");
        Files.writeString(file, "slack:\n  mode: http\n");
        EffectiveConfig config = EffectiveConfig.load(file, Map.of("SLACK_BOT_TOKEN", "xoxb-secret-value-123"));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream old = System.out;
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            assertEquals(0, new ConfigCommand.Show(() -> config).call());
        } finally {
            System.setOut(old);
        }
        String shown = bytes.toString(StandardCharsets.UTF_8);
        assertFalse(shown.contains("xoxb-secret-value-123"), shown);
        assertTrue(shown.matches("(?s).*slack\\.botToken\\s+\\*\\*\\*\\*\\*\\* \\(set\\)\\s+# environment SLACK_BOT_TOKEN.*"), shown);
        assertTrue(shown.matches("(?s).*slack\\.mode\\s+http\\s+# policybot\\.yaml line 2.*"), shown);
    }

    @Test
    void aBotDoesNotStartOnAFileWithProblems(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("policybot.yaml");
        Files.writeString(file, "htp:\n  port: 1\n");
        PolicyBotException e = assertThrows(PolicyBotException.class,
                () -> EffectiveConfig.load(file, Map.of()).requireValidFile());
        assertTrue(e.getMessage().contains("line 1: unknown setting \"htp\""), e.getMessage());
        PolicyBotException missing = assertThrows(PolicyBotException.class,
                () -> EffectiveConfig.load(null, Map.of("POLICYBOT_CONFIG", tmp.resolve("nope.yaml").toString()))
                        .requireValidFile());
        assertTrue(missing.getMessage().contains("no configuration file at"), missing.getMessage());
    }

    @Test
    void docsConfigurationHasEverySettingInOneTable() throws Exception {
        String page = Files.readString(REPO.resolve("docs/configuration.md"));
        int begin = page.indexOf(SettingsTable.BEGIN);
        int end = page.indexOf(SettingsTable.END);
        assertTrue(begin >= 0 && end > begin, "docs/configuration.md has the generated table");
        assertEquals(SettingsTable.markdown(), page.substring(begin, end + SettingsTable.END.length()) + "\n",
                "docs/configuration.md is up to date (regenerate the table from SettingsTable.markdown())");
    }
}
