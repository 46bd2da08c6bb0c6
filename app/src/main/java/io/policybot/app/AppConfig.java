package io.policybot.app;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where things are and what is switched on, from flags and the environment. Secrets (tokens) are read from the
 * environment only, by the adapters' own configs, and never printed.
 *
 * @param contentDir  the content to load, or null for the bundled content
 * @param dataDir     the SQLite database and caches
 * @param embeddings  hybrid retrieval with the bundled sentence-embedding models (else lexical only)
 * @param databaseUrl a shared database ({@code DATABASE_URL} / {@code database.url}: jdbc:postgresql://...), or null
 *                    for the embedded SQLite file in {@code dataDir}
 * @param settings    the effective settings by variable name (the environment over the configuration file): the
 *                    roles, the retention period, the console URL are read from here, never from the process
 */
public record AppConfig(Path contentDir, Path dataDir, boolean embeddings, String databaseUrl,
                        Map<String, String> settings) {

    public AppConfig {
        databaseUrl = databaseUrl == null || databaseUrl.isBlank() ? null : databaseUrl.strip();
        settings = Map.copyOf(settings);
    }

    /** With the embedded SQLite file and no other settings (tests, benchmarks). */
    public AppConfig(Path contentDir, Path dataDir, boolean embeddings) {
        this(contentDir, dataDir, embeddings, null, Map.of());
    }

    public AppConfig(Path contentDir, Path dataDir, boolean embeddings, String databaseUrl) {
        this(contentDir, dataDir, embeddings, databaseUrl, Map.of());
    }

    /** How long questions and feedback are kept ({@code retention.questions}, days; 0 = forever). */
    public java.time.Duration questionRetention() {
        String days = settings.get("POLICYBOT_RETENTION_QUESTIONS");
        if (days == null || days.isBlank()) {
            return io.policybot.questions.QuestionRetention.DEFAULT;
        }
        try {
            return java.time.Duration.ofDays(Math.max(0, Long.parseLong(days.strip())));
        } catch (NumberFormatException e) {
            throw new BadUsage("POLICYBOT_RETENTION_QUESTIONS (retention.questions) takes a number of days, not \""
                    + days + "\"");
        }
    }

    /** The configured content directory, else the bundled content; validated (throws ContentException). */
    public io.policybot.content.ContentLibrary loadContent() {
        io.policybot.content.ContentLoader loader = new io.policybot.content.ContentLoader();
        return contentDir == null ? loader.loadBundled() : loader.load(contentDir);
    }

    public static AppConfig from(Map<String, String> env, Path contentFlag, Path dataFlag, Boolean embeddingsFlag) {
        Path content = contentFlag != null ? contentFlag
                : env.get("POLICYBOT_CONTENT_DIR") != null && !env.get("POLICYBOT_CONTENT_DIR").isBlank()
                ? Path.of(env.get("POLICYBOT_CONTENT_DIR")) : null;
        Path data = dataFlag != null ? dataFlag
                : Path.of(env.getOrDefault("POLICYBOT_DATA_DIR", "data"));
        boolean embeddings = embeddingsFlag != null ? embeddingsFlag
                : !"off".equalsIgnoreCase(env.getOrDefault("POLICYBOT_EMBEDDINGS", "on"));
        java.util.Map<String, String> settings = new java.util.HashMap<>(env);
        settings.values().removeIf(java.util.Objects::isNull);
        return new AppConfig(content, data, embeddings, env.get("DATABASE_URL"), settings);
    }
}
