package io.team365.mail;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local stand-in for Google's and Microsoft's OAuth2 endpoints, following their documented contracts: the
 * authorization endpoint answers the consent with a redirect carrying {@code code} and {@code state}; the token
 * endpoint takes form posts (authorization_code with PKCE, refresh_token) and answers JSON, {@code invalid_grant}
 * once a grant is revoked; Google's revocation endpoint takes {@code token=}. Microsoft rotates refresh tokens.
 */
final class MailOAuthFakeProvider implements AutoCloseable {

    static final String CLIENT_ID = "team365-test-client";
    static final String CLIENT_SECRET = "team365-test-secret";

    private final HttpServer server;
    private final String provider;
    private final Map<String, Map<String, String>> codes = new ConcurrentHashMap<>();
    private final Set<String> liveRefreshTokens = ConcurrentHashMap.newKeySet();
    private final AtomicInteger issued = new AtomicInteger();
    final List<Map<String, String>> authorizeRequests = new CopyOnWriteArrayList<>();
    final List<Map<String, String>> tokenRequests = new CopyOnWriteArrayList<>();
    final List<String> revoked = new CopyOnWriteArrayList<>();
    volatile String email = "ann.archer@gmail.example";
    volatile String grantedScope;

    MailOAuthFakeProvider(String provider) {
        this.provider = provider;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/authorize", this::authorize);
        server.createContext("/token", this::token);
        server.createContext("/revoke", this::revoke);
        server.start();
    }

    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    String lastAccessToken() {
        return "access-" + provider + "-" + issued.get();
    }

    /** The user withdraws consent (or the refresh token expires): every refresh token stops working. */
    void revokeEverything() {
        liveRefreshTokens.clear();
    }

    private void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> query = parse(exchange.getRequestURI().getRawQuery());
        authorizeRequests.add(query);
        String code = "code-" + issued.incrementAndGet();
        codes.put(code, query);
        String location = query.get("redirect_uri") + "?code=" + enc(code) + "&state=" + enc(query.get("state"));
        exchange.getResponseHeaders().add("Location", location);
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private void token(HttpExchange exchange) throws IOException {
        Map<String, String> form = parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        tokenRequests.add(form);
        if (!CLIENT_ID.equals(form.get("client_id")) || !CLIENT_SECRET.equals(form.get("client_secret"))) {
            json(exchange, 401, "{\"error\":\"invalid_client\"}");
            return;
        }
        switch (form.getOrDefault("grant_type", "")) {
            case "authorization_code" -> {
                Map<String, String> authorized = codes.remove(form.getOrDefault("code", ""));
                if (authorized == null
                        || !authorized.get("redirect_uri").equals(form.get("redirect_uri"))
                        || !authorized
                                .get("code_challenge")
                                .equals(challenge(form.getOrDefault("code_verifier", "")))) {
                    json(exchange, 400, "{\"error\":\"invalid_grant\"}");
                    return;
                }
                String refresh = "refresh-" + provider + "-" + issued.incrementAndGet();
                liveRefreshTokens.add(refresh);
                json(exchange, 200, tokens(authorized.get("scope"), refresh, true));
            }
            case "refresh_token" -> {
                String refresh = form.getOrDefault("refresh_token", "");
                if (!liveRefreshTokens.contains(refresh)) {
                    json(
                            exchange,
                            400,
                            "{\"error\":\"invalid_grant\",\"error_description\":\"Token has been expired or revoked.\"}");
                    return;
                }
                String rotated = null;
                if (provider.equals("microsoft")) {
                    rotated = "refresh-" + provider + "-" + issued.incrementAndGet();
                    liveRefreshTokens.add(rotated);
                }
                json(exchange, 200, tokens(null, rotated, false));
            }
            default -> json(exchange, 400, "{\"error\":\"unsupported_grant_type\"}");
        }
    }

    private void revoke(HttpExchange exchange) throws IOException {
        Map<String, String> form = parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        revoked.add(form.get("token"));
        liveRefreshTokens.remove(form.get("token"));
        exchange.sendResponseHeaders(200, -1);
        exchange.close();
    }

    private String tokens(String requestedScope, String refresh, boolean withIdToken) {
        int n = issued.incrementAndGet();
        String scope = grantedScope != null ? grantedScope : (requestedScope == null ? "" : requestedScope);
        StringBuilder json = new StringBuilder("{\"access_token\":\"access-" + provider + "-" + n
                + "\",\"token_type\":\"Bearer\",\"expires_in\":3599,\"scope\":\"" + scope + "\"");
        if (refresh != null) {
            json.append(",\"refresh_token\":\"").append(refresh).append('"');
        }
        if (withIdToken && provider.equals("google")) {
            String claims =
                    "{\"iss\":\"https://accounts.google.com\",\"email\":\"" + email + "\",\"email_verified\":true}";
            Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
            json.append(",\"id_token\":\"")
                    .append(b64.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8)))
                    .append('.')
                    .append(b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8)))
                    .append(".signature\"");
        }
        return json.append('}').toString();
    }

    /** Follows the browser to the consent page, which answers with the redirect back to Team365. */
    static URI consent(String authorizeLocation) {
        try {
            var http = java.net.http.HttpClient.newHttpClient();
            var response = http.send(
                    java.net.http.HttpRequest.newBuilder(URI.create(authorizeLocation))
                            .build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding());
            return URI.create(response.headers().firstValue("Location").orElseThrow());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    static String challenge(String verifier) {
        try {
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(
                            MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, String> parse(String query) {
        Map<String, String> values = new LinkedHashMap<>();
        if (query == null || query.isEmpty()) {
            return values;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            values.put(key, value);
        }
        return values;
    }

    private static String enc(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }

    private static void json(HttpExchange exchange, int status, String body) throws IOException {
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
