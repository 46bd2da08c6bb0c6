package io.policybot.app.web;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One request to the console: its path below {@code /console}, its query or form parameters and its cookies. */
record Request(String method, String path, Map<String, String> params, Map<String, String> cookies) {
    private static final int MAX_BODY = 64 * 1024;

    static Request of(HttpExchange ex, String prefix) throws IOException {
        String path = ex.getRequestURI().getPath();
        path = path.length() <= prefix.length() ? "/" : path.substring(prefix.length());
        Map<String, String> params = new LinkedHashMap<>();
        parse(ex.getRequestURI().getRawQuery(), params);
        if ("POST".equals(ex.getRequestMethod())) {
            try (InputStream in = ex.getRequestBody()) {
                byte[] body = in.readNBytes(MAX_BODY + 1);
                if (body.length > MAX_BODY) {
                    throw new IOException("form too large");
                }
                parse(new String(body, StandardCharsets.UTF_8), params);
            }
        }
        Map<String, String> cookies = new LinkedHashMap<>();
        for (String header : ex.getRequestHeaders().getOrDefault("Cookie", List.of())) {
            for (String part : header.split(";")) {
                int eq = part.indexOf('=');
                if (eq > 0) {
                    cookies.putIfAbsent(part.substring(0, eq).strip(), part.substring(eq + 1).strip());
                }
            }
        }
        return new Request(ex.getRequestMethod(), path, params, cookies);
    }

    String param(String name) {
        String v = params.get(name);
        return v == null ? "" : v.strip();
    }

    private static void parse(String raw, Map<String, String> into) {
        if (raw == null || raw.isEmpty()) {
            return;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            // 2,000 characters: more than a question may have (1,000), so a longer one is told so rather than cut.
            into.putIfAbsent(k, v.length() > 2000 ? v.substring(0, 2000) : v);
        }
    }
}
