package io.policybot.app.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.policybot.signin.OidcLoginStore;
import io.policybot.signin.SignInLinks;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Single sign-on with OpenID Connect, the authorization code flow with PKCE: {@link #start} makes the state, nonce
 * and code verifier (kept in the database, so the provider may send the browser back to any replica) and the URL of
 * the provider's login page; {@link #finish} uses the state once, exchanges the code at the token endpoint and
 * validates the ID token: signature by a key of the provider's JWKS (nimbus-jose-jwt), issuer, audience, expiry and
 * nonce, on the injected clock. What comes out is a verified e-mail address; the console maps it to a roster person.
 * The provider's endpoints come from its discovery document, read on first use (the console starts even when the
 * provider is down).
 */
public final class OidcSignOn {
    /** How long a login may take at the provider. */
    static final Duration LOGIN_TIME = Duration.ofMinutes(10);
    /** Clock difference tolerated between the provider and this machine. */
    static final Duration SKEW = Duration.ofSeconds(60);
    private static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384,
            JWSAlgorithm.RS512, JWSAlgorithm.PS256, JWSAlgorithm.ES256);
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * @param issuer       the provider's issuer URL exactly as its ID tokens name it
     * @param clientSecret from the environment or a secret file, never the config file
     * @param redirectUrl  this console's {@code /console/oidc/callback} as the provider knows it
     */
    public record Config(String issuer, String clientId, String clientSecret, String redirectUrl) {
        public Config {
            issuer = issuer.strip().replaceAll("/+$", "");
        }
    }

    /** The provider's endpoints, from its discovery document. */
    record Endpoints(URI authorization, URI token, URI jwks) {
    }

    /** Why a sign-on failed: {@code code} picks the words shown, {@code detail} goes to the audit log. */
    static final class Refused extends Exception {
        final String code;

        Refused(String code, String detail) {
            super(detail);
            this.code = code;
        }
    }

    /** A started login: where to send the browser, and the state to bind to it in a cookie. */
    record Started(URI redirect, String state) {
    }

    /** A verified identity: the e-mail claim (lower case), the subject and the language the login began in. */
    record Verified(String email, String subject, Locale locale) {
    }

    private final Config config;
    private final OidcLoginStore logins;
    private final HttpClient http;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private volatile Endpoints endpoints;
    private volatile JWKSet keys;
    private volatile Instant keysFetched = Instant.EPOCH;

    public OidcSignOn(Config config, OidcLoginStore logins, HttpClient http, Clock clock) {
        this.config = config;
        this.logins = logins;
        this.http = http;
        this.clock = clock;
    }

    public Config config() {
        return config;
    }

    Started start(Locale locale) throws Refused {
        Endpoints e = endpoints();
        String state = token();
        String nonce = token();
        String verifier = token();
        Instant now = clock.instant();
        logins.save(new OidcLoginStore.Pending(SignInLinks.hash(state), nonce, verifier, locale.toLanguageTag(), now,
                now.plus(LOGIN_TIME)));
        Map<String, String> q = new LinkedHashMap<>();
        q.put("response_type", "code");
        q.put("client_id", config.clientId());
        q.put("redirect_uri", config.redirectUrl());
        q.put("scope", "openid email profile");
        q.put("state", state);
        q.put("nonce", nonce);
        q.put("code_challenge", challenge(verifier));
        q.put("code_challenge_method", "S256");
        String sep = e.authorization().getRawQuery() == null ? "?" : "&";
        return new Started(URI.create(e.authorization() + sep + form(q)), state);
    }

    /**
     * The provider sent the browser back with {@code code} and {@code state}; {@code boundState} is the state of the
     * cookie set at the start (empty when the browser that comes back is not the one that left).
     */
    Verified finish(String code, String state, String boundState) throws Refused {
        if (state.isEmpty() || !io.policybot.signin.ConsoleSessions.same(state, boundState)) {
            throw new Refused("oidc.state", "the state does not belong to this browser");
        }
        OidcLoginStore.Pending login = logins.consume(SignInLinks.hash(state), clock.instant())
                .orElseThrow(() -> new Refused("oidc.state", "the state was used already, has expired or is unknown"));
        if (code.isEmpty()) {
            throw new Refused("oidc.failed", "no code in the callback");
        }
        String idToken = exchange(code, login.codeVerifier());
        JWTClaimsSet claims = validate(idToken, login.nonce());
        try {
            String email = claims.getStringClaim("email");
            if (email == null || email.isBlank()) {
                throw new Refused("oidc.noEmail", "the ID token has no email claim");
            }
            Object verified = claims.getClaim("email_verified");
            if (Boolean.FALSE.equals(verified) || "false".equals(verified)) {
                throw new Refused("oidc.noEmail", "the provider says the e-mail is not verified");
            }
            return new Verified(email.strip().toLowerCase(Locale.ROOT), claims.getSubject(),
                    Locale.forLanguageTag(login.locale()));
        } catch (ParseException e) {
            throw new Refused("oidc.failed", "the email claim is not text");
        }
    }

    private String exchange(String code, String verifier) throws Refused {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("grant_type", "authorization_code");
        body.put("code", code);
        body.put("redirect_uri", config.redirectUrl());
        body.put("code_verifier", verifier);
        String basic = Base64.getEncoder().encodeToString((enc(config.clientId()) + ":" + enc(config.clientSecret()))
                .getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(endpoints().token()).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
                .header("Authorization", "Basic " + basic).POST(HttpRequest.BodyPublishers.ofString(form(body))).build();
        JsonNode answer = json(request, "the token endpoint");
        JsonNode idToken = answer.get("id_token");
        if (idToken == null || !idToken.isTextual()) {
            JsonNode error = answer.get("error");
            throw new Refused("oidc.failed", "the token endpoint gave no ID token"
                    + (error == null ? "" : " (" + error.asText() + ")"));
        }
        return idToken.asText();
    }

    /** The ID token's signature by one of the provider's keys, then its claims, on this console's clock. */
    JWTClaimsSet validate(String idToken, String nonce) throws Refused {
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = SignedJWT.parse(idToken);
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw new Refused("oidc.failed", "the ID token is not a signed JWT");
        }
        if (!ALGORITHMS.contains(jwt.getHeader().getAlgorithm())) {
            throw new Refused("oidc.failed", "the ID token is signed with " + jwt.getHeader().getAlgorithm()
                    + ", not an algorithm accepted here");
        }
        if (!signedByProvider(jwt, false) && !signedByProvider(jwt, true)) {
            throw new Refused("oidc.failed", "the ID token's signature is not by a key of the provider");
        }
        Instant now = clock.instant();
        if (!config.issuer().equals(claims.getIssuer() == null ? "" : claims.getIssuer().replaceAll("/+$", ""))) {
            throw new Refused("oidc.failed", "the ID token is from issuer " + claims.getIssuer());
        }
        List<String> audience = claims.getAudience();
        if (audience == null || !audience.contains(config.clientId())) {
            throw new Refused("oidc.failed", "the ID token is for audience " + audience + ", not this console");
        }
        Object azp = claims.getClaim("azp");
        if (audience.size() > 1 && !config.clientId().equals(azp)) {
            throw new Refused("oidc.failed", "the ID token was issued to another party (azp " + azp + ")");
        }
        if (claims.getExpirationTime() == null || !now.isBefore(claims.getExpirationTime().toInstant().plus(SKEW))) {
            throw new Refused("oidc.failed", "the ID token has expired");
        }
        if (claims.getIssueTime() != null && claims.getIssueTime().toInstant().isAfter(now.plus(SKEW))) {
            throw new Refused("oidc.failed", "the ID token is issued in the future");
        }
        Object tokenNonce = claims.getClaim("nonce");
        if (!(tokenNonce instanceof String n) || !io.policybot.signin.ConsoleSessions.same(n, nonce)) {
            throw new Refused("oidc.failed", "the ID token's nonce is not this login's");
        }
        return claims;
    }

    /** Whether a key of the JWKS verifies the signature; {@code fresh}: read the JWKS again first (keys rotated). */
    private boolean signedByProvider(SignedJWT jwt, boolean fresh) throws Refused {
        JWKSet set = jwks(fresh);
        if (set == null) {
            return false;
        }
        try {
            List<Key> candidates = new JWSVerificationKeySelector<SecurityContext>(jwt.getHeader().getAlgorithm(),
                    new ImmutableJWKSet<>(set)).selectJWSKeys(jwt.getHeader(), null);
            for (Key key : candidates) {
                JWSVerifier verifier = new DefaultJWSVerifierFactory().createJWSVerifier(jwt.getHeader(), key);
                if (jwt.verify(verifier)) {
                    return true;
                }
            }
            return false;
        } catch (JOSEException e) {
            return false;
        }
    }

    /** The JWKS, read again when {@code fresh} and the last read is a minute old or more (so a forged kid cannot hammer it). */
    private JWKSet jwks(boolean fresh) throws Refused {
        Instant now = clock.instant();
        if (keys != null && !(fresh && now.isAfter(keysFetched.plusSeconds(60)))) {
            return fresh ? null : keys;
        }
        HttpRequest request = HttpRequest.newBuilder(endpoints().jwks()).timeout(Duration.ofSeconds(10))
                .header("Accept", "application/json").GET().build();
        try {
            keys = JWKSet.parse(json(request, "the provider's keys (JWKS)").toString());
            keysFetched = now;
            return keys;
        } catch (ParseException e) {
            throw new Refused("oidc.unavailable", "the provider's JWKS is not valid: " + e.getMessage());
        }
    }

    Endpoints endpoints() throws Refused {
        Endpoints e = endpoints;
        if (e != null) {
            return e;
        }
        URI discovery = URI.create(config.issuer() + "/.well-known/openid-configuration");
        JsonNode doc = json(HttpRequest.newBuilder(discovery).timeout(Duration.ofSeconds(10))
                .header("Accept", "application/json").GET().build(), "the discovery document");
        String issuer = text(doc, "issuer").replaceAll("/+$", "");
        if (!issuer.equals(config.issuer())) {
            throw new Refused("oidc.unavailable", "the discovery document names issuer " + issuer + ", not "
                    + config.issuer());
        }
        e = new Endpoints(URI.create(text(doc, "authorization_endpoint")), URI.create(text(doc, "token_endpoint")),
                URI.create(text(doc, "jwks_uri")));
        endpoints = e;
        return e;
    }

    private static String text(JsonNode doc, String field) throws Refused {
        JsonNode v = doc.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw new Refused("oidc.unavailable", "the discovery document has no " + field);
        }
        return v.asText();
    }

    private JsonNode json(HttpRequest request, String what) throws Refused {
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode node;
            try {
                node = JSON.readTree(r.body());
            } catch (IOException e) {
                throw new Refused("oidc.unavailable", what + " answered " + r.statusCode() + " without JSON");
            }
            if (r.statusCode() / 100 != 2 && node.get("error") == null) {
                throw new Refused("oidc.unavailable", what + " answered " + r.statusCode());
            }
            return node;
        } catch (IOException e) {
            throw new Refused("oidc.unavailable", what + " could not be reached: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Refused("oidc.unavailable", what + ": interrupted");
        }
    }

    private String token() {
        byte[] b = new byte[32];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    static String challenge(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static String form(Map<String, String> fields) {
        StringJoiner j = new StringJoiner("&");
        fields.forEach((k, v) -> j.add(enc(k) + "=" + enc(v)));
        return j.toString();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
