package io.team365.identity.internal.sso;

import io.team365.core.InvalidInput;
import io.team365.core.NetworkAddresses;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * OpenID Connect discovery of a Client's provider, when an admin saves it: the issuer's
 * {@code .well-known/openid-configuration} must answer, name the same issuer, and give the endpoints a sign-in
 * needs. Short timeouts and no redirects, since the address is typed by an admin and fetched by the server.
 */
@Component
class Discovery {

    /** The endpoints a sign-in uses, as the issuer published them. */
    public record Endpoints(String authorizationUri, String tokenUri, String jwkSetUri, String userInfoUri) {}

    /** The issuer exactly as published (ID tokens must name it so) and its endpoints. */
    record Discovered(String issuer, Endpoints endpoints) {}

    private static final int MAX_BYTES = 64 * 1024;

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private final ObjectMapper json = new ObjectMapper();
    private final boolean allowHttp;
    private final boolean allowPrivate;

    Discovery(
            @Value("${team365.sso.allow-http-issuers:false}") boolean allowHttp,
            @Value("${team365.sso.allow-private-issuers:false}") boolean allowPrivate) {
        this.allowHttp = allowHttp;
        this.allowPrivate = allowPrivate;
    }

    /** The issuer as typed, without a trailing slash, if it is an address we may fetch. */
    String normalise(String issuer) {
        String value = issuer == null ? "" : issuer.strip();
        while (value.endsWith("/")) {
            value = value.substring(0, value.length() - 1);
        }
        if (value.isEmpty()) {
            throw InvalidInput.of("issuer", "validation.required");
        }
        URI uri;
        try {
            uri = URI.create(value);
        } catch (IllegalArgumentException e) {
            throw InvalidInput.of("issuer", "sso.client.issuer-invalid");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean schemeOk = scheme.equals("https") || (allowHttp && scheme.equals("http"));
        if (!schemeOk
                || uri.getHost() == null
                || uri.getQuery() != null
                || uri.getFragment() != null
                || value.length() > 500) {
            throw InvalidInput.of("issuer", "sso.client.issuer-invalid");
        }
        return value;
    }

    Discovered discover(String issuer) {
        mayConnect(issuer);
        JsonNode metadata = fetch(issuer);
        String published = metadata.path("issuer").asString("");
        if (!stripSlash(published).equals(issuer)) {
            throw InvalidInput.of("issuer", "sso.client.issuer-mismatch");
        }
        String authorization = endpoint(metadata, "authorization_endpoint");
        String token = endpoint(metadata, "token_endpoint");
        String jwks = endpoint(metadata, "jwks_uri");
        if (authorization == null || token == null || jwks == null) {
            throw InvalidInput.of("issuer", "sso.client.issuer-incomplete");
        }
        String userInfo = endpoint(metadata, "userinfo_endpoint");
        // the server calls these at every sign-in: they must be allowed places too
        for (String address : new String[] {token, jwks, userInfo}) {
            if (address != null) {
                mayConnect(address);
            }
        }
        return new Discovered(published, new Endpoints(authorization, token, jwks, userInfo));
    }

    /**
     * An admin types the issuer, and the server fetches it and the endpoints it names (SSRF): their hosts must
     * resolve to public addresses, unless the deployment allows private ones ({@code team365.sso.allow-private-issuers},
     * for a provider on the LAN); metadata and other reserved addresses never. Checked when the provider is saved.
     */
    private void mayConnect(String address) {
        String host = URI.create(address).getHost();
        InetAddress[] resolved;
        try {
            resolved = InetAddress.getAllByName(host);
        } catch (UnknownHostException | IllegalArgumentException e) {
            throw InvalidInput.of("issuer", "sso.client.issuer-unreachable");
        }
        NetworkAddresses.Kind kind = NetworkAddresses.worstOf(resolved);
        if (kind == NetworkAddresses.Kind.RESERVED || (kind == NetworkAddresses.Kind.PRIVATE && !allowPrivate)) {
            throw InvalidInput.of("issuer", "sso.client.issuer-private");
        }
    }

    private JsonNode fetch(String issuer) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(issuer + "/.well-known/openid-configuration"))
                .timeout(Duration.ofSeconds(10))
                .header("Accept", "application/json")
                .GET()
                .build();
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200 || response.body().length > MAX_BYTES) {
                throw InvalidInput.of("issuer", "sso.client.issuer-unreachable");
            }
            JsonNode node = json.readTree(response.body());
            if (node == null || !node.isObject()) {
                throw InvalidInput.of("issuer", "sso.client.issuer-not-oidc");
            }
            return node;
        } catch (IOException | IllegalArgumentException e) {
            throw InvalidInput.of("issuer", "sso.client.issuer-unreachable");
        } catch (tools.jackson.core.JacksonException e) {
            throw InvalidInput.of("issuer", "sso.client.issuer-not-oidc");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw InvalidInput.of("issuer", "sso.client.issuer-unreachable");
        }
    }

    private String endpoint(JsonNode metadata, String name) {
        String value = metadata.path(name).asString(null);
        if (value == null || value.length() > 1000) {
            return null;
        }
        String lower = value.toLowerCase(Locale.ROOT);
        return lower.startsWith("https://") || (allowHttp && lower.startsWith("http://")) ? value : null;
    }

    private static String stripSlash(String value) {
        return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
    }
}
