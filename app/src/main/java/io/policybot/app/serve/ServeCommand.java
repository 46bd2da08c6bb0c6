package io.policybot.app.serve;

import io.policybot.app.AppConfig;
import io.policybot.app.BotRuntime;
import io.policybot.app.BotProcess;
import io.policybot.app.PlatformConfig;
import io.policybot.app.PolicyBotCommand;
import io.policybot.app.web.OidcSignOn;
import io.policybot.app.web.WebConsole;
import java.time.Duration;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code policybot serve}: the bot as a service. Headless (no console chat), the configured platforms (none is
 * fine: the process still serves its endpoints), and the operator's listener: /healthz, /readyz, /metrics.
 */
@Command(name = "serve", description = "Run headless as a service: the configured chat platforms (if any) and an HTTP "
        + "listener with GET /healthz, /readyz and /metrics (Prometheus).")
public final class ServeCommand implements Callable<Integer> {
    /** The port when neither --port, POLICYBOT_HTTP_PORT nor http.port says otherwise. */
    public static final int DEFAULT_PORT = 8080;

    @ParentCommand
    PolicyBotCommand parent;

    @Option(names = "--port", paramLabel = "PORT",
            description = "The port of /healthz, /readyz and /metrics (env POLICYBOT_HTTP_PORT, http.port; default 8080; 0 = any free).")
    Integer port;

    @Override
    public Integer call() throws Exception {
        Map<String, String> env = parent.environment();
        int listen = port != null ? port : port(env.get("POLICYBOT_HTTP_PORT"));
        AppConfig config = parent.config();
        PlatformConfig platforms = PlatformConfig.fromEnvironment(env);
        BotMetrics metrics = new BotMetrics();
        Readiness readiness = new Readiness();
        HealthServer http = new HealthServer(env.get("POLICYBOT_HTTP_BIND"), listen, readiness::checks, metrics::scrape);
        java.util.function.Consumer<String> say = say(env);
        say.accept("PolicyBot is serving: http://" + hostForHumans(env.get("POLICYBOT_HTTP_BIND")) + ":"
                + http.port() + "/healthz, /readyz, /metrics" + (platforms.none()
                ? " (no chat platform configured: set SLACK_BOT_TOKEN or DISCORD_BOT_TOKEN to answer in chat)" : ""));
        String consoleUrl = env.get("POLICYBOT_CONSOLE_URL") != null && !env.get("POLICYBOT_CONSOLE_URL").isBlank()
                ? env.get("POLICYBOT_CONSOLE_URL").strip()
                : "http://" + hostForHumans(env.get("POLICYBOT_HTTP_BIND")) + ":" + http.port() + WebConsole.PREFIX;
        OidcSignOn.Config oidc = singleSignOn(env, consoleUrl);
        BotRuntime runtime;
        try {
            // Closed by the shutdown hook of runUntilStopped, once the bots have stopped.
            runtime = BotRuntime.builder(config, Clock.systemDefaultZone()).platforms(platforms.names())
                    .consoleUrl(consoleUrl).withIndex().build();
        } catch (RuntimeException e) {
            readiness.failed(e.getClass().getSimpleName());
            http.close();
            metrics.close();
            throw e;
        }
        metrics.watch(runtime.services().storage().database(), runtime.answerer());
        metrics.outboxPlatforms(java.util.List.of("slack", "discord"));
        runtime.services().announcements().onAttempt(metrics::outboxAttempt);
        OidcSignOn sso = oidc == null ? null : new OidcSignOn(oidc, runtime.services().storage().oidcLogins(),
                java.net.http.HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build(), runtime.clock());
        http.mount(WebConsole.PREFIX, new WebConsole(runtime.services(), runtime.clock(), consoleUrl.startsWith("https:"),
                Duration.ofMinutes(idleMinutes(env.get("POLICYBOT_CONSOLE_IDLE_MINUTES"))), runtime.answerer(),
                config.contentDir(), sso));
        say.accept("The web console: " + consoleUrl + "/ (send \"console\" to the bot for a sign-in link"
                + (sso == null ? ")" : ", or sign in with " + sso.config().issuer() + ")"));
        return BotProcess.runUntilStopped(platforms, runtime, new BotProcess.Hooks(
                engine -> new MeteredEngine(engine, metrics.registry()), metrics.registry(),
                () -> {
                    readiness.built(runtime);
                    say.accept("PolicyBot is ready.");
                },
                () -> {
                    http.close();
                    metrics.close();
                }, say));
    }

    /** Status lines: plain on stderr, or log lines when the log is JSON (so every line of stderr is JSON). */
    private static java.util.function.Consumer<String> say(Map<String, String> env) {
        if ("json".equalsIgnoreCase(env.getOrDefault("POLICYBOT_LOG_FORMAT", "").strip())) {
            org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger("io.policybot.serve");
            return log::info;
        }
        return System.err::println;
    }

    /** Single sign-on when {@code console.oidc.issuer} is set; then the client id and secret must be set too. */
    static OidcSignOn.Config singleSignOn(Map<String, String> env, String consoleUrl) {
        String issuer = env.get("POLICYBOT_OIDC_ISSUER");
        if (issuer == null || issuer.isBlank()) {
            return null;
        }
        String clientId = env.get("POLICYBOT_OIDC_CLIENT_ID");
        String secret = env.get("POLICYBOT_OIDC_CLIENT_SECRET");
        if (clientId == null || clientId.isBlank() || secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("Single sign-on needs console.oidc.clientId (POLICYBOT_OIDC_CLIENT_ID) and "
                    + "the client secret (POLICYBOT_OIDC_CLIENT_SECRET or console.oidc.clientSecretFile) besides the "
                    + "issuer " + issuer.strip());
        }
        String redirect = env.get("POLICYBOT_OIDC_REDIRECT_URL");
        if (redirect == null || redirect.isBlank()) {
            redirect = consoleUrl.replaceAll("/+$", "") + "/oidc/callback";
        }
        return new OidcSignOn.Config(issuer, clientId.strip(), secret.strip(), redirect.strip());
    }

    static int idleMinutes(String text) {
        if (text == null || text.isBlank()) {
            return 30;
        }
        try {
            int m = Integer.parseInt(text.strip());
            if (m >= 1 && m <= 24 * 60) {
                return m;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException("POLICYBOT_CONSOLE_IDLE_MINUTES (console.idleMinutes) must be 1 to 1440, not " + text);
    }

    static int port(String text) {
        if (text == null || text.isBlank()) {
            return DEFAULT_PORT;
        }
        try {
            int p = Integer.parseInt(text.strip());
            if (p >= 0 && p <= 65535) {
                return p;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException("POLICYBOT_HTTP_PORT (http.port) must be a port from 0 to 65535, not " + text);
    }

    private static String hostForHumans(String bind) {
        return bind == null || bind.isBlank() || bind.strip().equals("0.0.0.0") ? "localhost" : bind.strip();
    }
}
