package io.team365.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A real HTTP client with a cookie jar, for tests that act as a browser without one: it reads the CSRF token from
 * pages the way our JavaScript does and sends it back.
 */
public class Browserless {

    private static final Pattern CSRF_META = Pattern.compile("name=\"_csrf\" (?:content|value)=\"([^\"]*)\"");

    private final String base;
    private final HttpClient http;
    private String authorization;
    private boolean browserSession;
    /** Kept to confirm the person again before a sensitive action (step-up); test passwords only. */
    private String password;

    /** Each client appears to come from an address of its own (the test server trusts X-Forwarded-For). */
    private String clientAddress = "10.%d.%d.%d"
            .formatted(
                    ThreadLocalRandom.current().nextInt(256),
                    ThreadLocalRandom.current().nextInt(256),
                    ThreadLocalRandom.current().nextInt(1, 255));

    Browserless(String base) {
        this(
                base,
                HttpClient.newBuilder()
                        .cookieHandler(new CookieManager())
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .build());
    }

    private Browserless(String base, HttpClient http) {
        this.base = base;
        this.http = http;
    }

    /** The same browser (cookies and all) talking to another server node. */
    public Browserless onPort(int port) {
        Browserless other = new Browserless(base.replaceFirst(":\\d+$", ":" + port), http);
        other.browserSession = browserSession;
        other.authorization = authorization;
        other.clientAddress = clientAddress;
        other.password = password;
        return other;
    }

    public Browserless withBearer(String token) {
        return withAuthorization("Bearer " + token);
    }

    public Browserless withAuthorization(String authorization) {
        Browserless copy = new Browserless(base);
        copy.authorization = authorization;
        return copy;
    }

    public HttpResponse<String> get(String path) {
        return send(request(path).GET().build());
    }

    /** GETs a page as a browser does, asking for HTML. */
    public HttpResponse<String> page(String path) {
        return send(request(path)
                .header("Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8")
                .GET()
                .build());
    }

    /** GETs a page and follows redirects within the site, like a browser would. */
    public HttpResponse<String> browse(String path) {
        HttpResponse<String> response = get(path);
        int hops = 0;
        while (response.statusCode() / 100 == 3 && hops++ < 5) {
            String location = response.headers().firstValue("Location").orElseThrow();
            response = get(
                    location.startsWith("http")
                            ? URI.create(location).getRawPath()
                                    + (URI.create(location).getRawQuery() == null
                                            ? ""
                                            : "?" + URI.create(location).getRawQuery())
                            : location);
        }
        return response;
    }

    public HttpResponse<String> postJson(String path, String json) {
        return send(withCsrf(request(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    /** Posts JSON as a page's script does: with the CSRF token of a page, signed in or not (passkey sign-in). */
    public HttpResponse<String> postJsonFromPage(String path, String json) {
        return send(request(path)
                .header("X-CSRF-TOKEN", csrfToken())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    public HttpResponse<String> postJsonWith(String path, String json, String idempotencyKey) {
        return send(withCsrf(request(path))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    /** Posts a body of unknown length (chunked transfer encoding), as a streaming client would. */
    public HttpResponse<String> postChunked(String path, byte[] body) {
        return send(withCsrf(request(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body)))
                .build());
    }

    public HttpResponse<String> patchJson(String path, String json) {
        return send(withCsrf(request(path))
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    public HttpResponse<String> delete(String path) {
        return send(withCsrf(request(path)).DELETE().build());
    }

    public HttpResponse<String> send(String method, String path, String contentType, String body) {
        HttpRequest.Builder builder = withCsrf(request(path));
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        return send(builder.method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    /** A request with an {@code If-Match} header (null for none). */
    public HttpResponse<String> send(String method, String path, String contentType, String body, String ifMatch) {
        HttpRequest.Builder builder = withCsrf(request(path));
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        if (ifMatch != null) {
            builder.header("If-Match", ifMatch);
        }
        return send(builder.method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    /** Submits a form the way a page does: with the CSRF token of a page fetched first. */
    public HttpResponse<String> postForm(String path, Map<String, String> fields) {
        return postForm(path, fields, csrfToken());
    }

    /** Submits a form with a CSRF token read before, so many can be fired at once without a page load each. */
    public HttpResponse<String> postForm(String path, Map<String, String> fields, String csrfToken) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("_csrf", csrfToken);
        String body = all.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(request(path)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    /** A form with repeated fields (checkboxes), as name-value pairs in order. */
    public HttpResponse<String> postFormPairs(String path, java.util.List<Map.Entry<String, String>> fields) {
        java.util.List<Map.Entry<String, String>> all = new java.util.ArrayList<>(fields);
        all.add(Map.entry("_csrf", csrfToken()));
        String body =
                all.stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        return send(request(path)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    public void signIn(String email, String password) {
        HttpResponse<String> response = postForm("/login", Map.of("username", email, "password", password));
        String location = response.headers().firstValue("Location").orElse("");
        if (response.statusCode() != 302 || location.contains("/login")) {
            throw new IllegalStateException("sign-in failed: " + response.statusCode() + " " + location);
        }
        browserSession = true;
        this.password = password;
    }

    /**
     * A browser that signed in some other way than the password form (single sign-on, a passkey): its JSON requests
     * carry the page's CSRF token from now on, as the app's scripts do.
     */
    public void signedInByBrowser() {
        browserSession = true;
    }

    /**
     * Confirms it is the person again (step-up, issue 7), as someone asked to before a sensitive action would; for
     * tests whose session is older than the step-up window when they create a token.
     */
    public void confirmIdentity() {
        if (password == null) {
            throw new IllegalStateException("this browser did not sign in with a password");
        }
        HttpResponse<String> response =
                postForm("/settings/security/confirm", Map.of("password", password, "next", "/settings/security"));
        if (response.statusCode() != 302) {
            throw new IllegalStateException("confirming failed: " + response.statusCode());
        }
    }

    /** The session id the server gave this browser (its session cookie, base64 as Spring Session writes it), or null. */
    public String sessionId() {
        return http.cookieHandler()
                .filter(CookieManager.class::isInstance)
                .map(handler -> ((CookieManager) handler)
                        .getCookieStore().getCookies().stream()
                                .filter(cookie -> cookie.getName().equals("T365SESSION"))
                                .map(cookie -> new String(
                                        java.util.Base64.getDecoder().decode(cookie.getValue()),
                                        StandardCharsets.UTF_8))
                                .findFirst()
                                .orElse(null))
                .orElse(null);
    }

    public String csrfToken() {
        HttpResponse<String> page = get("/login");
        Matcher matcher = CSRF_META.matcher(page.body());
        if (!matcher.find()) {
            // browse: someone asked to accept a changed privacy policy is redirected to a page that has the token too
            page = browse("/app");
            matcher = CSRF_META.matcher(page.body());
            if (!matcher.find()) {
                throw new IllegalStateException("no CSRF token on the page");
            }
        }
        return matcher.group(1);
    }

    private HttpRequest.Builder withCsrf(HttpRequest.Builder builder) {
        if (authorization == null && browserSession) {
            builder.header("X-CSRF-TOKEN", csrfToken());
        }
        return builder;
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder =
                HttpRequest.newBuilder(URI.create(base + path)).header("X-Forwarded-For", clientAddress);
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        return builder;
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
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

    /** The value of a top-level string field of a small JSON document. */
    public static String jsonField(String json, String field) {
        Matcher matcher = Pattern.compile("\"" + Pattern.quote(field) + "\"\\s*:\\s*\"([^\"]*)\"")
                .matcher(json);
        if (!matcher.find()) {
            throw new IllegalStateException("no field " + field + " in " + json);
        }
        return matcher.group(1);
    }
}
