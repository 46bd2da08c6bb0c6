package io.policybot.app;

import io.policybot.content.ContentException;
import io.policybot.content.ContentLibrary;
import io.policybot.content.Policy;
import io.policybot.versions.PublishedVersion;
import io.policybot.versions.PolicyVersionStore;
import io.policybot.wiring.Storage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Which content a process serves. Normally the content directory (else the bundled content); the last published
 * content (a copy in the data directory) instead when the directory is broken, when the bot was started without the
 * --content its policies were published from, or when text changed under a version already published. Each case is
 * said loudly, with what to do, so HR is never surprised by what people are told.
 */
final class ServedContent {
    private final AppConfig config;
    private final LastPublishedContent lastPublished;
    private final Consumer<String> warnings;

    ServedContent(AppConfig config, Consumer<String> warnings) {
        this.config = config;
        this.lastPublished = new LastPublishedContent(config.dataDir());
        this.warnings = warnings;
    }

    LastPublishedContent lastPublished() {
        return lastPublished;
    }

    /** The content to start with, as read from disk: see the class comment (the version check is separate). */
    Choice starting() {
        if (config.contentDir() != null) {
            try {
                return new Choice(config.loadContent(), false);
            } catch (ContentException e) {
                if (!lastPublished.exists()) {
                    throw e;
                }
                ContentLibrary last = lastPublished.load();
                warnings.accept("The content in " + config.contentDir() + " is invalid, so it is not served:\n  "
                        + e.problems().stream().map(Object::toString).collect(Collectors.joining("\n  "))
                        + "\nServing the last published content instead (" + versions(last) + "). Fix the problems "
                        + "(policybot content validate " + config.contentDir() + ") and it is published on the next "
                        + "start or save.");
                return new Choice(last, true);
            }
        }
        ContentLibrary bundled = config.loadContent();
        Optional<Path> source = lastPublished.source();
        if (lastPublished.exists() && source.isPresent()) {
            ContentLibrary last = lastPublished.load();
            if (!last.fingerprint().equals(bundled.fingerprint())) {
                warnings.accept("No content directory was given, but the policies in " + config.dataDir()
                        + " were published from " + source.get() + " (" + versions(last) + "; the bundled content has "
                        + versions(bundled) + "). Serving what was published. To edit and publish it, start with "
                        + "--content " + source.get() + " (or set POLICYBOT_CONTENT_DIR).");
                return new Choice(last, true);
            }
        }
        return new Choice(bundled, false);
    }

    /** @param lastPublished true when this is the kept copy, not what was asked for */
    record Choice(ContentLibrary library, boolean lastPublished) {
    }

    /**
     * For a process that only reads (ask): the starting content, unless its text changed under a version already
     * in the database, then the last published content. Opens no database that does not exist.
     */
    ContentLibrary forReading() {
        Choice choice = starting();
        Path db = config.dataDir().resolve("policybot.db");
        String url = config.databaseUrl(); // a shared PostgreSQL, when set (DATABASE_URL or database.url)
        boolean shared = url != null && !url.isBlank();
        if (choice.lastPublished() || !shared && !Files.isRegularFile(db)) {
            return choice.library();
        }
        try (Storage storage = Storage.open(url, db)) {
            PolicyVersionStore store = storage.versions();
            List<String> changed = choice.library().all().stream().filter(p -> changedUnderPublishedVersion(store, p))
                    .map(p -> p.id() + " " + p.version()).toList();
            return changed.isEmpty() ? choice.library() : refused(String.join(", ", changed), choice.library());
        }
    }

    private static boolean changedUnderPublishedVersion(PolicyVersionStore store, Policy policy) {
        Optional<PublishedVersion> published = store.find(policy.id(), policy.version());
        return published.isPresent()
                && !published.get().fingerprint().equals(PublishedVersion.of(policy, Instant.EPOCH).fingerprint());
    }

    /** What to serve when {@code which} ("social-media 1.0") changed under a published version. */
    ContentLibrary refused(String which, ContentLibrary loaded) {
        if (lastPublished.exists()) {
            ContentLibrary last = lastPublished.load();
            warnings.accept("The text of " + which + " changed, but that version was already published: the change is "
                    + "neither published nor served. Raise `version:` in its policy files to publish it. Serving the "
                    + "last published content (" + versions(last) + ").");
            return last;
        }
        warnings.accept("The text of " + which + " changed, but that version was already published: raise `version:` "
                + "in its policy files to publish it. No published copy is kept in " + config.dataDir()
                + " yet, so the changed text is served as it is.");
        return loaded;
    }

    static String versions(ContentLibrary library) {
        return library.all().stream().map(p -> p.id() + " " + p.version()).collect(Collectors.joining(", "));
    }

    /** Warnings a person must see: on stderr, marked, whatever the log level. */
    static void warnLoudly(String warning) {
        System.err.println("WARNING: " + warning.replace("\n", "\n         "));
    }
}
