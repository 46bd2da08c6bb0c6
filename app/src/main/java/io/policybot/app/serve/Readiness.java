package io.policybot.app.serve;

import io.policybot.app.BotRuntime;
import io.policybot.content.ContentLibrary;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What /readyz checks: the content is loaded, the search index is built and the database answers. Until the
 * runtime is built (content loading, index building) every check says "starting".
 */
public final class Readiness {
    /** One check's result; {@code detail} is for a person reading the JSON. */
    public record Check(String name, boolean ok, String detail) {
    }

    private final AtomicReference<BotRuntime> runtime = new AtomicReference<>();
    private volatile String failure;

    /** The runtime is built: content loaded and the index built. */
    public void built(BotRuntime built) {
        runtime.set(built);
    }

    /** Start-up failed: /readyz says why (the process is about to stop). */
    public void failed(String why) {
        failure = why;
    }

    public List<Check> checks() {
        BotRuntime r = runtime.get();
        List<Check> checks = new ArrayList<>();
        if (r == null) {
            String detail = failure != null ? "start-up failed: " + failure : "starting: loading content and building the index";
            checks.add(new Check("content", false, detail));
            checks.add(new Check("index", false, detail));
            checks.add(new Check("database", false, detail));
            return checks;
        }
        ContentLibrary library = r.answerer().library();
        int policies = library.policies().size();
        checks.add(new Check("content", policies > 0, policies + (policies == 1 ? " policy" : " policies")
                + " loaded, languages " + library.languages()));
        checks.add(new Check("index", r.answerer().get() != null, "search index built"));
        checks.add(database(r));
        return checks;
    }

    private static Check database(BotRuntime r) {
        try {
            Integer one = CompletableFuture.supplyAsync(() -> r.services().storage().database().read(c -> {
                try (var s = c.createStatement(); var rs = s.executeQuery("SELECT 1")) {
                    return rs.next() ? rs.getInt(1) : 0;
                }
            })).get(2, TimeUnit.SECONDS);
            return new Check("database", one == 1, "reachable");
        } catch (Exception e) {
            return new Check("database", false, "not reachable (" + e.getClass().getSimpleName() + ")");
        }
    }
}
