package io.policybot.app;

import io.policybot.content.ContentLibrary;
import io.policybot.content.ContentLoader;
import io.policybot.content.Policy;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** Content tools for HR: check a content directory before publishing it. */
@Command(name = "content", description = "Content tools.", subcommands = {ContentCommand.Validate.class, ContentCommand.Reload.class,
        ContentImportCommand.class, ContentLintCommand.class})
final class ContentCommand {

    @Command(name = "validate", description = "Check a content directory (default: the configured or bundled content).")
    static final class Validate implements Callable<Integer> {
        @ParentCommand
        ContentCommand parent;

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Parameters(arity = "0..1", paramLabel = "DIR")
        Path dir;

        @Override
        public Integer call() {
            PolicyBotCommand root = (PolicyBotCommand) spec.parent().parent().userObject();
            Path target = dir != null ? dir : root.config().contentDir();
            ContentLoader loader = new ContentLoader();
            ContentLibrary lib = target == null ? loader.loadBundled() : loader.load(target);
            for (Policy p : lib.all()) {
                spec.commandLine().getOut().printf("%s %s: %s, %d sections, %d quiz questions, %d role-plays per language%n",
                        p.id(), p.version(), p.languages(), p.document("en").sections().size(),
                        p.quizzes().values().stream().mapToInt(java.util.List::size).max().orElse(0),
                        p.scenarios().values().stream().mapToInt(java.util.List::size).max().orElse(0));
            }
            spec.commandLine().getOut().println("OK: content is valid (fingerprint " + lib.fingerprint() + ")");
            return 0;
        }
    }

    @Command(name = "reload", description = "Publish the configured content: store a new policy version and print what changed.")
    static final class Reload implements Callable<Integer> {
        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PolicyBotCommand root = (PolicyBotCommand) spec.parent().parent().userObject();
            java.io.PrintWriter out = spec.commandLine().getOut();
            boolean refused = false;
            try (BotRuntime runtime = BotRuntime.builder(root.config(), root.clock()).withPublishing().build()) {
                for (io.policybot.versions.ContentPublisher.Result r : runtime.published()) {
                    out.printf("%s %s: %s%n", r.policyId(), r.version(), switch (r.outcome()) {
                        case FIRST -> "first version published";
                        case NEW_VERSION -> "new version published (compared with " + r.changes().fromVersion() + ")";
                        case UNCHANGED -> "unchanged, nothing published";
                        case VERSION_NOT_RAISED -> "the text changed but the version did not: raise `version:` to publish";
                    });
                    refused |= r.outcome() == io.policybot.versions.ContentPublisher.Outcome.VERSION_NOT_RAISED;
                    if (r.outcome() == io.policybot.versions.ContentPublisher.Outcome.FIRST) {
                        continue;
                    }
                    r.changes().languages().forEach((lang, l) -> {
                        l.changed().forEach(s -> out.printf("  [%s] changed  %s (%s)%n", lang, s.title(), s.sectionId()));
                        l.added().forEach(s -> out.printf("  [%s] added    %s (%s)%n", lang, s.title(), s.sectionId()));
                        l.removed().forEach(s -> out.printf("  [%s] removed  %s (%s)%n", lang, s.title(), s.sectionId()));
                    });
                }
            }
            out.flush();
            // A refused text change is not published (and not served): scripts must see that it did not go through.
            return refused ? ExitCodes.REFUSED : ExitCodes.OK;
        }
    }
}
