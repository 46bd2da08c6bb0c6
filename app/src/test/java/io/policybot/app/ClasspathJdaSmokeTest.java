package io.policybot.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.response.auth.AuthTestResponse;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.utils.ConcurrentSessionController;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.requests.RestConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The shipped classpath (the app module's) holds one okhttp, the okhttp 5 JDA is built for, and Slack's SDK runs
 * on it too: a real JDA client logs in and makes a REST call, and a real Slack client calls the Web API, both
 * against a fake on loopback. Before the build converged, okhttp 4 (Slack's) sat first on the Class-Path and JDA
 * ran partly on its classes.
 */
class ClasspathJdaSmokeTest {
    private static final String BOT_ID = "1000000000000000001";
    private static final String USER_ID = "2000000000000000002";

    private HttpServer server;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<String> userAgents = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::answer);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void oneOkHttpAndOneKotlinStdlibOnTheClasspath() throws IOException {
        assertEquals(1, copies("okhttp3/OkHttpClient.class"), "okhttp3 classes come from one jar");
        assertEquals(1, copies("kotlin/KotlinVersion.class"), "one kotlin-stdlib");
        List<String> jars = jars();
        assertEquals(1, jars.stream().filter(j -> j.startsWith("okhttp")).count(), jars::toString);
        assertEquals(1, jars.stream().filter(j -> j.startsWith("kotlin-stdlib")).count(), jars::toString);
        assertTrue(okhttp3.OkHttp.VERSION.startsWith("5."), "JDA 6.5 is built on okhttp 5, got " + okhttp3.OkHttp.VERSION);
    }

    @Test
    void realJdaLogsInAndCallsRestThroughTheSharedOkHttp() throws Exception {
        RestConfig rest = new RestConfig().setBaseUrl(base() + "/api/v10/");
        JDA jda = JDABuilder.createLight("fake-token")
                .setRestConfig(rest)
                // A single bot connects to the session controller's gateway, never GET /gateway/bot: point it at a
                // closed loopback port so nothing looks up Discord's real host.
                .setSessionController(new ConcurrentSessionController() {
                    @Override
                    public String getGateway() {
                        return "ws://127.0.0.1:9";
                    }
                })
                .setAutoReconnect(false)
                .setEnableShutdownHook(false)
                .build();
        try {
            assertEquals("policybot", jda.getSelfUser().getName(), "login read /users/@me");
            User user = jda.retrieveUserById(USER_ID).complete();
            assertEquals("ada", user.getName());
        } finally {
            jda.shutdownNow();
        }
        assertTrue(requests.contains("GET /api/v10/users/@me"), requests::toString);
        assertTrue(requests.contains("GET /api/v10/users/" + USER_ID), requests::toString);
        assertTrue(userAgents.stream().anyMatch(ua -> ua.startsWith("DiscordBot")), userAgents::toString);
    }

    @Test
    void realSlackClientCallsTheWebApiThroughTheSameOkHttp() throws Exception {
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(base() + "/api/");
        AuthTestResponse auth = Slack.getInstance(config).methods("xoxb-fake").authTest(r -> r);
        assertTrue(auth.isOk(), auth::toString);
        assertEquals("U0BOT", auth.getUserId());
        assertTrue(requests.contains("POST /api/auth.test"), requests::toString);
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static int copies(String resource) throws IOException {
        List<URL> found = Collections.list(ClasspathJdaSmokeTest.class.getClassLoader().getResources(resource));
        return found.size();
    }

    /** The file names of the jars on the classpath (each has a manifest). */
    private static List<String> jars() throws IOException {
        return Collections.list(ClasspathJdaSmokeTest.class.getClassLoader().getResources("META-INF/MANIFEST.MF"))
                .stream().map(URL::toString).filter(u -> u.startsWith("jar:"))
                .map(u -> u.substring(0, u.indexOf("!/")))
                .map(u -> u.substring(u.lastIndexOf('/') + 1)).toList();
    }

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        requests.add(exchange.getRequestMethod() + " " + path);
        String agent = exchange.getRequestHeaders().getFirst("User-Agent");
        if (agent != null) {
            userAgents.add(agent);
        }
        exchange.getRequestBody().readAllBytes();
        String body;
        int status = 200;
        if (path.equals("/api/v10/users/@me")) {
            body = "{\"id\":\"" + BOT_ID + "\",\"username\":\"policybot\",\"discriminator\":\"0\",\"avatar\":null,"
                    + "\"bot\":true,\"verified\":true,\"mfa_enabled\":false,\"flags\":0}";
        } else if (path.equals("/api/v10/users/" + USER_ID)) {
            body = "{\"id\":\"" + USER_ID + "\",\"username\":\"ada\",\"discriminator\":\"0\",\"avatar\":null,"
                    + "\"global_name\":\"Ada\",\"public_flags\":0}";
        } else if (path.startsWith("/api/v10/gateway")) {
            // A closed port: the gateway connection fails in the background; this test is about REST over okhttp.
            body = "{\"url\":\"ws://127.0.0.1:9\",\"shards\":1,\"session_start_limit\":{\"total\":1000,"
                    + "\"remaining\":1000,\"reset_after\":0,\"max_concurrency\":1}}";
        } else if (path.equals("/api/auth.test")) {
            body = "{\"ok\":true,\"url\":\"https://fake.slack.com/\",\"team\":\"Fake\",\"user\":\"policybot\","
                    + "\"team_id\":\"T0FAKE\",\"user_id\":\"U0BOT\",\"bot_id\":\"B0BOT\"}";
        } else {
            status = 404;
            body = "{\"message\":\"Unknown\",\"code\":0}";
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
