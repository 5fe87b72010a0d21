package io.team365.support;

import com.nimbusds.jose.JOSEObjectType;
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
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.test.context.DynamicPropertyRegistry;
import tools.jackson.databind.ObjectMapper;

/**
 * A small but real OpenID Connect provider over HTTP, for the single sign-on tests: discovery, a JWKS, an
 * authorization endpoint that signs in whoever the test names next (no login form), a token endpoint that checks the
 * client's credentials and the code, and user-info. It can misbehave on request (wrong nonce, expired or wrongly
 * signed ID token), which is what a well-behaved server like Spring Authorization Server cannot be made to do.
 */
public final class TestOidcProvider implements AutoCloseable {

    /** The platform provider every test context is configured with (registration {@code testidp}, OIDC). */
    public static final TestOidcProvider PLATFORM = start("platform-app", "platform-secret-123");

    /** Who signs in at the provider next; a null emailVerified leaves the claim out (as Facebook does). */
    public record Person(String subject, String email, Boolean emailVerified, String name, String picture) {}

    public enum Trick {
        NONE,
        WRONG_NONCE,
        EXPIRED,
        WRONG_KEY,
        /** Ignores prompt=login and max_age: reports a sign-in (auth_time) from an hour ago. */
        OLD_SIGN_IN
    }

    private record Grant(Person person, String nonce, String redirectUri, Trick trick, Instant authTime) {}

    /** The query of the last authorization request (to see what the app asked for, e.g. prompt=login). */
    public volatile Map<String, String> lastAuthorization = Map.of();

    private final HttpServer server;
    private final String clientId;
    private final String clientSecret;
    private final RSAKey key;
    private final RSAKey rogue;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    private final Map<String, Person> accessTokens = new ConcurrentHashMap<>();
    /** Every access and ID token handed out, to check that none is stored. */
    public final List<String> issuedTokens = new CopyOnWriteArrayList<>();

    private volatile Person next;
    private volatile Trick trick = Trick.NONE;

    private TestOidcProvider(String clientId, String clientSecret) throws Exception {
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.key = new RSAKeyGenerator(2048).keyID("signing-key").generate();
        // the same key id, another key: a token signed with it must fail the signature check, not the key lookup
        this.rogue = new RSAKeyGenerator(2048).keyID("signing-key").generate();
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/.well-known/openid-configuration", this::discovery);
        server.createContext("/jwks", exchange -> send(exchange, 200, new JWKSet(key.toPublicJWK()).toString()));
        server.createContext("/authorize", this::authorize);
        server.createContext("/token", this::token);
        server.createContext("/userinfo", this::userInfo);
        server.start();
    }

    public static TestOidcProvider start(String clientId, String clientSecret) {
        try {
            return new TestOidcProvider(clientId, clientSecret);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public String clientId() {
        return clientId;
    }

    public String clientSecret() {
        return clientSecret;
    }

    /** The person the next authorization signs in, and how the provider misbehaves for it. */
    public void nextSignIn(Person person, Trick trick) {
        this.next = person;
        this.trick = trick;
    }

    public void nextSignIn(Person person) {
        nextSignIn(person, Trick.NONE);
    }

    /**
     * Spring Boot's standard properties for this provider: {@code testidp} as OpenID Connect (issuer discovery), and
     * {@code testoauth} as plain OAuth2 with a user-info endpoint, the way Facebook is configured.
     */
    public void registerPlatform(DynamicPropertyRegistry registry) {
        String registration = "spring.security.oauth2.client.registration.";
        String provider = "spring.security.oauth2.client.provider.";
        registry.add(registration + "testidp.client-id", () -> clientId);
        registry.add(registration + "testidp.client-secret", () -> clientSecret);
        registry.add(registration + "testidp.client-name", () -> "Test IdP");
        registry.add(registration + "testidp.scope", () -> "openid,email,profile");
        registry.add(provider + "testidp.issuer-uri", this::issuer);
        registry.add(registration + "testoauth.client-id", () -> clientId);
        registry.add(registration + "testoauth.client-secret", () -> clientSecret);
        registry.add(registration + "testoauth.client-name", () -> "Test OAuth");
        registry.add(registration + "testoauth.scope", () -> "email,profile");
        registry.add(registration + "testoauth.authorization-grant-type", () -> "authorization_code");
        registry.add(registration + "testoauth.redirect-uri", () -> "{baseUrl}/login/oauth2/code/{registrationId}");
        registry.add(provider + "testoauth.authorization-uri", () -> issuer() + "/authorize");
        registry.add(provider + "testoauth.token-uri", () -> issuer() + "/token");
        registry.add(provider + "testoauth.user-info-uri", () -> issuer() + "/userinfo");
        registry.add(provider + "testoauth.user-name-attribute", () -> "sub");
    }

    private void discovery(HttpExchange exchange) throws IOException {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("issuer", issuer());
        metadata.put("authorization_endpoint", issuer() + "/authorize");
        metadata.put("token_endpoint", issuer() + "/token");
        metadata.put("jwks_uri", issuer() + "/jwks");
        metadata.put("userinfo_endpoint", issuer() + "/userinfo");
        metadata.put("response_types_supported", List.of("code"));
        metadata.put("subject_types_supported", List.of("public"));
        metadata.put("id_token_signing_alg_values_supported", List.of("RS256"));
        metadata.put("scopes_supported", List.of("openid", "email", "profile"));
        metadata.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic", "client_secret_post"));
        send(exchange, 200, json.writeValueAsString(metadata));
    }

    private void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> query = parse(exchange.getRequestURI().getRawQuery());
        lastAuthorization = Map.copyOf(query);
        Person person = next;
        if (!clientId.equals(query.get("client_id")) || person == null || query.get("redirect_uri") == null) {
            send(exchange, 400, "{\"error\":\"invalid_request\"}");
            return;
        }
        String code = UUID.randomUUID().toString();
        Instant authTime = trick == Trick.OLD_SIGN_IN ? Instant.now().minusSeconds(3600) : Instant.now();
        codes.put(code, new Grant(person, query.get("nonce"), query.get("redirect_uri"), trick, authTime));
        String location = query.get("redirect_uri") + "?code=" + code + "&state="
                + URLEncoder.encode(query.getOrDefault("state", ""), StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Location", location);
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private void token(HttpExchange exchange) throws IOException {
        Map<String, String> form = parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String id = form.get("client_id");
        String secret = form.get("client_secret");
        String basic = exchange.getRequestHeaders().getFirst("Authorization");
        if (basic != null && basic.startsWith("Basic ")) {
            String[] pair =
                    new String(Base64.getDecoder().decode(basic.substring(6)), StandardCharsets.UTF_8).split(":", 2);
            id = URLDecoder.decode(pair[0], StandardCharsets.UTF_8);
            secret = URLDecoder.decode(pair[1], StandardCharsets.UTF_8);
        }
        Grant grant = codes.remove(String.valueOf(form.get("code")));
        if (!clientId.equals(id) || !clientSecret.equals(secret)) {
            send(exchange, 401, "{\"error\":\"invalid_client\"}");
            return;
        }
        if (grant == null || !grant.redirectUri().equals(form.get("redirect_uri"))) {
            send(exchange, 400, "{\"error\":\"invalid_grant\"}");
            return;
        }
        String accessToken = "at-" + UUID.randomUUID();
        accessTokens.put(accessToken, grant.person());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", accessToken);
        body.put("token_type", "Bearer");
        body.put("expires_in", 300);
        body.put("scope", grant.nonce() == null ? "email profile" : "openid email profile");
        if (grant.nonce() != null) {
            String idToken = idToken(grant);
            body.put("id_token", idToken);
            issuedTokens.add(idToken);
        }
        issuedTokens.add(accessToken);
        send(exchange, 200, json.writeValueAsString(body));
    }

    private String idToken(Grant grant) {
        Instant now = Instant.now();
        Instant issued = grant.trick() == Trick.EXPIRED ? now.minusSeconds(3600) : now;
        Instant expires = grant.trick() == Trick.EXPIRED ? now.minusSeconds(1800) : now.plusSeconds(300);
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer())
                .subject(grant.person().subject())
                .audience(clientId)
                .issueTime(Date.from(issued))
                .expirationTime(Date.from(expires))
                .claim("auth_time", grant.authTime().getEpochSecond())
                .claim("nonce", grant.trick() == Trick.WRONG_NONCE ? "not-the-nonce-you-sent" : grant.nonce());
        personClaims(grant.person()).forEach(claims::claim);
        try {
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256)
                            .keyID(key.getKeyID())
                            .type(JOSEObjectType.JWT)
                            .build(),
                    claims.build());
            jwt.sign(new RSASSASigner(grant.trick() == Trick.WRONG_KEY ? rogue : key));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void userInfo(HttpExchange exchange) throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        Person person = authorization == null ? null : accessTokens.get(authorization.replaceFirst("^Bearer ", ""));
        if (person == null) {
            send(exchange, 401, "{\"error\":\"invalid_token\"}");
            return;
        }
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", person.subject());
        claims.putAll(personClaims(person));
        send(exchange, 200, json.writeValueAsString(claims));
    }

    private static Map<String, Object> personClaims(Person person) {
        Map<String, Object> claims = new LinkedHashMap<>();
        if (person.email() != null) {
            claims.put("email", person.email());
        }
        if (person.emailVerified() != null) {
            claims.put("email_verified", person.emailVerified());
        }
        if (person.name() != null) {
            claims.put("name", person.name());
        }
        if (person.picture() != null) {
            claims.put("picture", person.picture());
        }
        return claims;
    }

    private static Map<String, String> parse(String query) {
        Map<String, String> values = new LinkedHashMap<>();
        if (query == null || query.isEmpty()) {
            return values;
        }
        for (String pair : query.split("&")) {
            String[] parts = pair.split("=", 2);
            values.put(
                    URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
                    parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
        }
        return values;
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
