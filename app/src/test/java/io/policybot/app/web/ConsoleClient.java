package io.policybot.app.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A plain HTTP client on the {@link ConsoleWorld}'s console: GET, form POST, and signing in with a link. */
final class ConsoleClient {
    /** A signed-in browser: its session cookie and the CSRF token of its forms. */
    record Browser(String cookie, String csrf) {
    }

    private final Supplier<String> base;
    private final Function<String, String> tokens;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    ConsoleClient(ConsoleWorld world) {
        this(world::base, user -> world.token(user, "en"));
    }

    /** @param tokens a fresh sign-in token for a user id, as {@code console} in chat makes one */
    ConsoleClient(String base, Function<String, String> tokens) {
        this(() -> base, tokens);
    }

    private ConsoleClient(Supplier<String> base, Function<String, String> tokens) {
        this.base = base;
        this.tokens = tokens;
    }

    HttpResponse<String> get(String path, String cookie) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base.get() + path)).GET();
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String cookie, String form) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base.get() + path))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form));
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A form POST with the browser's cookie and CSRF token; {@code fields} are name, value pairs. */
    HttpResponse<String> submit(Browser b, String path, String... fields) throws Exception {
        StringBuilder form = new StringBuilder("csrf=").append(enc(b.csrf()));
        for (int i = 0; i + 1 < fields.length; i += 2) {
            form.append('&').append(enc(fields[i])).append('=').append(enc(fields[i + 1]));
        }
        return post(path, b.cookie(), form.toString());
    }

    HttpResponse<String> redeem(String token) throws Exception {
        return post("/signin", null, "token=" + enc(token));
    }

    Browser signIn(String userId) throws Exception {
        HttpResponse<String> r = redeem(tokens.apply(userId));
        assertEquals(303, r.statusCode(), r.body());
        String setCookie = r.headers().firstValue("Set-Cookie").orElseThrow();
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));
        Matcher m = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(get("/", cookie).body());
        assertTrue(m.find(), "the overview has forms with a CSRF token");
        return new Browser(cookie, m.group(1));
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
