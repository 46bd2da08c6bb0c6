package io.policybot.app;

import io.policybot.content.ContentLibrary;
import io.policybot.content.ContentLint;
import io.policybot.content.ContentLoader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code policybot content lint}: suggestions for content that is valid but could answer and train better. */
@Command(name = "lint", mixinStandardHelpOptions = true,
        description = {"Suggest improvements to valid content: sections without a short answer, sections no quiz question "
                + "covers, policies without a quiz (acknowledgement only), passages too long to quote, \"I don't know\" replies that send people to an example address."},
        footer = {"", "Exits 0 when the content is valid, with or without suggestions; 1 when it is invalid."})
final class ContentLintCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "DIR", description = "The content directory (default: the configured or bundled content).")
    Path dir;

    @Override
    public Integer call() {
        PolicyBotCommand root = (PolicyBotCommand) spec.parent().parent().userObject();
        Path target = dir != null ? dir : root.config().contentDir();
        ContentLoader loader = new ContentLoader();
        ContentLibrary lib;
        try {
            lib = target == null ? loader.loadBundled() : loader.load(target);
        } catch (io.policybot.content.ContentException e) {
            spec.commandLine().getErr().println("policybot: " + e.getMessage());
            return ExitCodes.FAILED;
        }
        List<ContentLint.Suggestion> suggestions = new ContentLint().check(lib);
        PrintWriter out = spec.commandLine().getOut();
        suggestions.forEach(s -> out.println(s));
        out.println(suggestions.isEmpty() ? "OK: no suggestions"
                : Counted.count(suggestions.size(), "suggestion") + " (the content is valid; these are optional)");
        out.flush();
        return ExitCodes.OK;
    }
}
