package io.team365.bench;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Client a benchmark works in, signed up through the real API and remembered in a file next to the data, so a
 * dataset generated once is reused by later runs: tenant, user, credentials and a personal access token.
 */
record BenchTenant(UUID tenantId, UUID userId, String email, String password, String token) {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" (?:content|value)=\"([^\"]*)\"");

    static BenchTenant load(Path file) throws IOException {
        if (!Files.exists(file)) {
            return null;
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            p.load(in);
        }
        return new BenchTenant(
                UUID.fromString(p.getProperty("tenantId")),
                UUID.fromString(p.getProperty("userId")),
                p.getProperty("email"),
                p.getProperty("password"),
                p.getProperty("token"));
    }

    void save(Path file) throws IOException {
        Properties p = new Properties();
        p.setProperty("tenantId", tenantId.toString());
        p.setProperty("userId", userId.toString());
        p.setProperty("email", email);
        p.setProperty("password", password);
        p.setProperty("token", token);
        try (Writer out = Files.newBufferedWriter(file)) {
            p.store(out, "the benchmark Client (bench/java/io/team365/bench/BenchTenant.java)");
        }
    }

    /**
     * Signs up a new Client through {@code POST /api/v1/signup}, follows the verification link the server logs (no
     * SMTP configured), signs in and creates a token.
     */
    static BenchTenant signUp(String base, Path serverLog) throws Exception {
        String email = "bench-" + System.currentTimeMillis() + "@bench.team365.test";
        String password = "plum orchard lantern 42";
        HttpClient http = client();
        HttpResponse<String> created = http.send(
                HttpRequest.newBuilder(URI.create(base + "/api/v1/signup"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"company\":\"Bench Brothers\",\"name\":\"Bea Bench\",\"email\":\"%s\",\"password\":\"%s\"}"
                                        .formatted(email, password)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() != 201) {
            throw new IllegalStateException("sign-up failed: " + created.statusCode() + " " + created.body());
        }
        String link = awaitLink(serverLog, email);
        HttpResponse<String> verified = http.send(
                HttpRequest.newBuilder(URI.create(base + link)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (verified.statusCode() >= 400) {
            throw new IllegalStateException("verification failed: " + verified.statusCode());
        }
        BenchTenant partial = new BenchTenant(
                UUID.fromString(field(created.body(), "tenantId")),
                UUID.fromString(field(created.body(), "userId")),
                email,
                password,
                null);
        return partial.withNewToken(base);
    }

    /** Signs in with the stored credentials and creates a fresh personal access token. */
    BenchTenant withNewToken(String base) throws Exception {
        HttpClient http = client();
        String csrf = csrf(http, base);
        String form = "username=" + enc(email) + "&password=" + enc(password) + "&_csrf=" + enc(csrf);
        HttpResponse<String> signedIn = http.send(
                HttpRequest.newBuilder(URI.create(base + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        String location = signedIn.headers().firstValue("Location").orElse("");
        if (signedIn.statusCode() != 302 || location.contains("/login")) {
            throw new IllegalStateException("sign-in failed: " + signedIn.statusCode() + " " + location);
        }
        HttpResponse<String> token = http.send(
                HttpRequest.newBuilder(URI.create(base + "/api/v1/me/tokens"))
                        .header("Content-Type", "application/json")
                        .header("X-CSRF-TOKEN", csrf(http, base))
                        .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"crm benchmark\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (token.statusCode() != 201) {
            throw new IllegalStateException("token creation failed: " + token.statusCode() + " " + token.body());
        }
        return new BenchTenant(tenantId, userId, email, password, field(token.body(), "token"));
    }

    /** Whether the stored token still authenticates (it is lost when the data directory is). */
    boolean tokenWorks(String base) throws Exception {
        if (token == null) {
            return false;
        }
        HttpResponse<String> me = client().send(
                HttpRequest.newBuilder(URI.create(base + "/api/v1/me"))
                        .header("Authorization", "Bearer " + token)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return me.statusCode() == 200 && me.body().contains(tenantId.toString());
    }

    private static HttpClient client() {
        return HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    private static String csrf(HttpClient http, String base) throws Exception {
        String page = http.send(
                        HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        Matcher m = CSRF.matcher(page);
        if (!m.find()) {
            page = http.send(
                            HttpRequest.newBuilder(URI.create(base + "/app")).build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            m = CSRF.matcher(page);
            if (!m.find()) {
                throw new IllegalStateException("no CSRF token on the sign-in page");
            }
        }
        return m.group(1);
    }

    /** The verification link the server logged for {@code email} (mail is logged when no SMTP server is set). */
    private static String awaitLink(Path log, String email) throws Exception {
        Pattern link = Pattern.compile("(/verify-email\\?token=[A-Za-z0-9_\\-]+)");
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            String text = Files.readString(log, StandardCharsets.UTF_8);
            int at = text.lastIndexOf("email to " + email);
            if (at >= 0) {
                Matcher m = link.matcher(text.substring(at));
                if (m.find()) {
                    return m.group(1);
                }
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("no verification link for " + email + " in " + log);
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*\"([^\"]*)\"")
                .matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
