package io.team365.files;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An HTTP client for uploads (the shared test browser sends no multipart bodies): with a bearer token for the API,
 * or signed in with a session cookie as a browser, reading the CSRF token from pages.
 */
final class FileClient {

    private static final Pattern CSRF_META = Pattern.compile("name=\"_csrf\" (?:content|value)=\"([^\"]*)\"");

    private final String base;
    private final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private final String address = "10.%d.%d.%d"
            .formatted(
                    ThreadLocalRandom.current().nextInt(256),
                    ThreadLocalRandom.current().nextInt(256),
                    ThreadLocalRandom.current().nextInt(1, 255));
    private String bearer;

    private FileClient(String base) {
        this.base = base;
    }

    static FileClient withToken(int port, String token) {
        FileClient client = new FileClient("http://localhost:" + port);
        client.bearer = token;
        return client;
    }

    static FileClient signedIn(int port, String email, String password) {
        FileClient client = new FileClient("http://localhost:" + port);
        String form = "username=" + enc(email) + "&password=" + enc(password) + "&_csrf=" + enc(client.csrfToken());
        HttpResponse<byte[]> response = client.send(client.request("/login")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        if (response.statusCode() != 302
                || response.headers().firstValue("Location").orElse("").contains("/login")) {
            throw new IllegalStateException("sign-in failed: " + response.statusCode());
        }
        return client;
    }

    String csrfToken() {
        String page = text(get("/app"));
        Matcher matcher = CSRF_META.matcher(page);
        if (!matcher.find()) {
            matcher = CSRF_META.matcher(text(get("/login")));
            if (!matcher.find()) {
                throw new IllegalStateException("no CSRF token");
            }
        }
        return matcher.group(1);
    }

    HttpResponse<byte[]> get(String path) {
        return send(request(path).GET());
    }

    HttpResponse<byte[]> get(String path, Map<String, String> headers) {
        HttpRequest.Builder builder = request(path).GET();
        headers.forEach(builder::header);
        return send(builder);
    }

    HttpResponse<byte[]> post(String path, Multipart body, Map<String, String> headers) {
        HttpRequest.Builder builder = request(path)
                .header("Content-Type", body.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes()));
        headers.forEach(builder::header);
        return send(builder);
    }

    HttpResponse<byte[]> postForm(String path, Map<String, String> fields, Map<String, String> headers) {
        StringBuilder form = new StringBuilder();
        fields.forEach((k, v) -> form.append(form.isEmpty() ? "" : "&")
                .append(enc(k))
                .append('=')
                .append(enc(v)));
        HttpRequest.Builder builder = request(path)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString()));
        headers.forEach(builder::header);
        return send(builder);
    }

    HttpResponse<byte[]> send(String method, String path) {
        return send(request(path).method(method, HttpRequest.BodyPublishers.noBody()));
    }

    static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder =
                HttpRequest.newBuilder(URI.create(base + path)).header("X-Forwarded-For", address);
        if (bearer != null) {
            builder.header("Authorization", "Bearer " + bearer);
        }
        return builder;
    }

    private HttpResponse<byte[]> send(HttpRequest.Builder builder) {
        try {
            return http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
