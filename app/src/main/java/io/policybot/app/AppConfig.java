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
 */
public record AppConfig(Path contentDir, Path dataDir, boolean embeddings, String databaseUrl) {

    public AppConfig {
        databaseUrl = databaseUrl == null || databaseUrl.isBlank() ? null : databaseUrl.strip();
    }

    /** With the embedded SQLite file. */
    public AppConfig(Path contentDir, Path dataDir, boolean embeddings) {
        this(contentDir, dataDir, embeddings, null);
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
        return new AppConfig(content, data, embeddings, env.get("DATABASE_URL"));
    }
}
