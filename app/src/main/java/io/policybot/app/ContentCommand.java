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
@Command(name = "content", description = "Content tools.", subcommands = ContentCommand.Validate.class)
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
}
