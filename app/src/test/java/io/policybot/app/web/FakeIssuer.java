package io.policybot.app.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small OpenID Connect provider on loopback for the tests: a discovery document, a JWKS with a test RSA key, a
 * login page (one button: sign in as {@link #email}), and a token endpoint that checks the client's secret, the
 * redirect URL and the PKCE verifier, and answers with an ID token that {@link #mode} may spoil (signed by another
 * key, for another audience, expired, with another nonce).
 */
final class FakeIssuer implements AutoCloseable {
    static final String CLIENT_ID = "policybot-console";
    static final String CLIENT_SECRET = "s3cret-for-tests";

    enum Mode { GOOD, BAD_SIGNATURE, WRONG_AUDIENCE, EXPIRED, WRONG_NONCE, UNVERIFIED_EMAIL }

    private final HttpServer server;
    private final Clock clock;
    private final RSAKey key;
    private final RSAKey otherKey;
    private final Map<String, Map<String, String>> codes = new ConcurrentHashMap<>();
    private final AtomicInteger counter = new AtomicInteger();
    /** Every authorization request, as the console sent it. */
    final List<Map<String, String>> authorizations = new CopyOnWriteArrayList<>();
    /** Every token request's problems (empty list: the request was right). */
    final List<String> tokenProblems = new CopyOnWriteArrayList<>();
    volatile String email = "eva@acme.example";
    volatile Mode mode = Mode.GOOD;

    FakeIssuer(Clock clock) throws IOException, JOSEException {
        this.clock = clock;
        this.key = new RSAKeyGenerator(2048).keyID("test-key").generate();
        // Same key id, another key: a token it signs must not pass.
        this.otherKey = new RSAKeyGenerator(2048).keyID("test-key").generate();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 20);
        server.createContext("/", this::handle);
        server.start();
    }

    String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/acme";
    }

    OidcSignOn.Config config(String redirectUrl) {
        return new OidcSignOn.Config(issuer(), CLIENT_ID, CLIENT_SECRET, redirectUrl);
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath().substring("/realms/acme".length());
            Map<String, String> q = parse(ex.getRequestURI().getRawQuery());
            switch (path) {
                case "/.well-known/openid-configuration" -> json(ex, 200, Map.of("issuer", issuer(),
                        "authorization_endpoint", issuer() + "/authorize", "token_endpoint", issuer() + "/token",
                        "jwks_uri", issuer() + "/jwks", "response_types_supported", List.of("code"),
                        "id_token_signing_alg_values_supported", List.of("RS256")));
                case "/jwks" -> send(ex, 200, "application/json", new JWKSet(key.toPublicJWK()).toString());
                case "/authorize" -> {
                    authorizations.add(q);
                    String id = "req" + counter.incrementAndGet();
                    codes.put(id, q);
                    send(ex, 200, "text/html; charset=utf-8", "<!DOCTYPE html><html><head><title>Acme sign-in</title>"
                            + "</head><body><h1>Acme identity</h1><p id=\"who\">" + email + "</p>"
                            + "<a id=\"approve\" href=\"approve?req=" + id + "\">Sign in</a></body></html>");
                }
                case "/approve" -> {
                    // The page's button works again (a person going back): each time a new code, the same state.
                    Map<String, String> auth = codes.get(q.get("req"));
                    String code = "code-" + counter.incrementAndGet();
                    codes.put(code, auth);
                    ex.getResponseHeaders().set("Location", auth.get("redirect_uri") + "?code=" + code + "&state="
                            + URLEncoder.encode(auth.get("state"), StandardCharsets.UTF_8));
                    ex.sendResponseHeaders(302, -1);
                }
                case "/token" -> token(ex);
                default -> send(ex, 404, "text/plain", "not found");
            }
        } catch (JOSEException e) {
            throw new IOException(e);
        }
    }

    private void token(HttpExchange ex) throws IOException, JOSEException {
        Map<String, String> form = parse(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String expected = "Basic " + Base64.getEncoder().encodeToString((CLIENT_ID + ":" + CLIENT_SECRET)
                .getBytes(StandardCharsets.UTF_8));
        Map<String, String> auth = codes.remove(form.getOrDefault("code", ""));
        String problem = !expected.equals(ex.getRequestHeaders().getFirst("Authorization")) ? "client authentication"
                : !"authorization_code".equals(form.get("grant_type")) ? "grant_type"
                : auth == null ? "unknown or used code"
                : !auth.get("redirect_uri").equals(form.get("redirect_uri")) ? "redirect_uri"
                : !OidcSignOn.challenge(form.getOrDefault("code_verifier", "")).equals(auth.get("code_challenge"))
                        ? "PKCE verifier" : null;
        if (problem != null) {
            tokenProblems.add(problem);
            json(ex, 400, Map.of("error", "invalid_grant", "error_description", problem));
            return;
        }
        Date now = Date.from(clock.instant());
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(issuer()).subject("sub-" + email)
                .audience(mode == Mode.WRONG_AUDIENCE ? "another-app" : CLIENT_ID).issueTime(now)
                .expirationTime(Date.from(clock.instant().plus(mode == Mode.EXPIRED ? Duration.ofMinutes(-5)
                        : Duration.ofMinutes(5))))
                .claim("nonce", mode == Mode.WRONG_NONCE ? "not-the-nonce" : auth.get("nonce"))
                .claim("email", email).claim("email_verified", mode != Mode.UNVERIFIED_EMAIL);
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("test-key").build(),
                claims.build());
        jwt.sign(new RSASSASigner(mode == Mode.BAD_SIGNATURE ? otherKey : key));
        json(ex, 200, Map.of("access_token", "at-" + counter.incrementAndGet(), "token_type", "Bearer",
                "expires_in", 300, "id_token", jwt.serialize()));
    }

    private static Map<String, String> parse(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            out.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                    eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    private static void json(HttpExchange ex, int status, Object body) throws IOException {
        send(ex, status, "application/json", new ObjectMapper().writeValueAsString(body));
    }

    private static void send(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, b.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(b);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
