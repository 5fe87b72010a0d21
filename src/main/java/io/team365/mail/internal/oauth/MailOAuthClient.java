package io.team365.mail.internal.oauth;

import io.team365.mail.internal.account.MailAccount;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The OAuth2 authorization code flow with PKCE against Google and the Microsoft identity platform: the address to
 * send the user to, the code exchange, refreshes and (Google only) revocation. Only the error code of a refused
 * request is kept; tokens are never logged.
 */
@Component
public class MailOAuthClient {

    private static final Logger log = LoggerFactory.getLogger(MailOAuthClient.class);

    private final MailOAuthSettings settings;
    private final ObjectMapper json;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    MailOAuthClient(MailOAuthSettings settings, ObjectMapper json) {
        this.settings = settings;
        this.json = json;
    }

    /** Tokens from the provider; {@code refreshToken} and {@code email} may be absent (refreshes, Microsoft). */
    public record Tokens(String accessToken, long expiresInSeconds, String refreshToken, String scope, String email) {

        @Override
        public String toString() {
            return "Tokens[expiresIn=" + expiresInSeconds + ", scope=" + scope + "]";
        }
    }

    public boolean configured(MailAccount.Provider provider) {
        return provider != MailAccount.Provider.IMAP && settings(provider).configured();
    }

    public MailOAuthSettings.Provider settings(MailAccount.Provider provider) {
        return switch (provider) {
            case GMAIL -> settings.getGoogle();
            case MICROSOFT -> settings.getMicrosoft();
            case IMAP -> throw new IllegalArgumentException("IMAP accounts have no OAuth provider");
        };
    }

    /** Where to send the user's browser to consent. */
    public URI authorizeUri(
            MailAccount.Provider provider, String redirectUri, String state, Pkce pkce, String loginHint) {
        MailOAuthSettings.Provider p = settings(provider);
        Map<String, String> query = new LinkedHashMap<>();
        query.put("client_id", p.getClientId());
        query.put("redirect_uri", redirectUri);
        query.put("response_type", "code");
        query.put("scope", p.getScopes());
        query.put("state", state);
        query.put("code_challenge", pkce.challenge());
        query.put("code_challenge_method", "S256");
        if (provider == MailAccount.Provider.GMAIL) {
            // a refresh token is issued only for offline access, and again only when consent is asked again
            query.put("access_type", "offline");
            query.put("prompt", "consent");
            query.put("include_granted_scopes", "true");
        } else {
            query.put("response_mode", "query");
            query.put("prompt", "select_account");
        }
        if (loginHint != null && !loginHint.isBlank()) {
            query.put("login_hint", loginHint);
        }
        String base = p.getAuthorizeUri();
        return URI.create(base + (base.contains("?") ? "&" : "?") + form(query));
    }

    public Tokens exchange(MailAccount.Provider provider, String code, String verifier, String redirectUri) {
        MailOAuthSettings.Provider p = settings(provider);
        Map<String, String> body = new LinkedHashMap<>();
        body.put("grant_type", "authorization_code");
        body.put("code", code);
        body.put("redirect_uri", redirectUri);
        body.put("client_id", p.getClientId());
        body.put("client_secret", p.getClientSecret());
        body.put("code_verifier", verifier);
        if (provider == MailAccount.Provider.MICROSOFT) {
            body.put("scope", p.getScopes());
        }
        return tokens(p.getTokenUri(), body);
    }

    public Tokens refresh(MailAccount.Provider provider, String refreshToken) {
        MailOAuthSettings.Provider p = settings(provider);
        Map<String, String> body = new LinkedHashMap<>();
        body.put("grant_type", "refresh_token");
        body.put("refresh_token", refreshToken);
        body.put("client_id", p.getClientId());
        body.put("client_secret", p.getClientSecret());
        if (provider == MailAccount.Provider.MICROSOFT) {
            body.put("scope", p.getScopes());
        }
        return tokens(p.getTokenUri(), body);
    }

    /**
     * Revokes the grant at the provider (Google: revoking the refresh token ends the whole grant). Best effort: a
     * provider that cannot be reached leaves a token that expires unused, which must not stop a disconnect.
     */
    public boolean revoke(MailAccount.Provider provider, String token) {
        MailOAuthSettings.Provider p = settings(provider);
        if (p.getRevokeUri() == null || p.getRevokeUri().isBlank() || token == null) {
            return false;
        }
        try {
            HttpResponse<String> response = http.send(post(p.getRevokeUri(), Map.of("token", token)), handler());
            return response.statusCode() == 200;
        } catch (IOException e) {
            log.warn(
                    "Could not revoke a mail OAuth token at {}: {}",
                    provider.key(),
                    e.getClass().getSimpleName());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private Tokens tokens(String uri, Map<String, String> body) {
        HttpResponse<String> response;
        try {
            response = http.send(post(uri, body), handler());
        } catch (IOException e) {
            throw new OAuthFailure("unreachable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OAuthFailure("unreachable", e);
        }
        JsonNode answer;
        try {
            answer = json.readTree(response.body());
        } catch (RuntimeException e) {
            throw new OAuthFailure("unreachable");
        }
        if (response.statusCode() != 200 || !answer.hasNonNull("access_token")) {
            String error = answer.path("error").asString("");
            throw new OAuthFailure(error.matches("[a-z_]{1,50}") ? error : "unreachable");
        }
        return new Tokens(
                answer.get("access_token").asString(),
                answer.path("expires_in").asLong(3600),
                answer.hasNonNull("refresh_token") ? answer.get("refresh_token").asString() : null,
                answer.path("scope").asString(""),
                answer.hasNonNull("id_token") ? emailOf(answer.get("id_token").asString()) : null);
    }

    /**
     * The verified address in an ID token. It came straight from the token endpoint over TLS, which OpenID Connect
     * Core (3.1.3.7) accepts in place of checking the signature.
     */
    private String emailOf(String idToken) {
        String[] parts = idToken.split("\\.");
        if (parts.length < 2) {
            return null;
        }
        try {
            JsonNode claims = json.readTree(Base64.getUrlDecoder().decode(parts[1]));
            boolean verified = claims.path("email_verified").asBoolean(false)
                    || "true".equals(claims.path("email_verified").asString(""));
            return verified && claims.hasNonNull("email") ? claims.get("email").asString() : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static HttpRequest post(String uri, Map<String, String> body) {
        return HttpRequest.newBuilder(URI.create(uri))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form(body)))
                .build();
    }

    private static HttpResponse.BodyHandler<String> handler() {
        return HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8);
    }

    private static String form(Map<String, String> values) {
        return values.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }
}
