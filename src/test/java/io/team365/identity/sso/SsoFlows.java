package io.team365.identity.sso;

import io.team365.support.Browserless;
import io.team365.support.IntegrationTest;
import io.team365.support.TestOidcProvider;
import io.team365.tenancy.DatabaseLookups;
import io.team365.tenancy.TenantContext;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Drives a browser through an authorization-code flow: the app's redirect to the provider, the provider's redirect
 * back with a code, and the app's answer to that callback (returned, not followed).
 */
abstract class SsoFlows extends IntegrationTest {

    @org.springframework.beans.factory.annotation.Autowired
    PlatformTransactionManager transactions;

    private final HttpClient idp =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    /** Starts the flow at {@code /oauth2/authorization/<registration>} and returns the callback's response. */
    HttpResponse<String> signInThrough(Browserless browser, String registrationId) {
        return signInThrough(browser, registrationId, UnaryOperator.identity());
    }

    HttpResponse<String> signInThrough(Browserless browser, String registrationId, UnaryOperator<String> tamper) {
        return follow(browser, browser.get("/oauth2/authorization/" + registrationId), tamper);
    }

    /** From Settings: asks to link the provider, then goes through it; returns the callback's response. */
    HttpResponse<String> linkThrough(Browserless browser, String registrationId) {
        HttpResponse<String> asked =
                browser.postForm("/settings/security/identities/link", java.util.Map.of("provider", registrationId));
        URI start = URI.create(location(asked));
        if (!start.getRawPath().startsWith("/oauth2/authorization/")) {
            return asked;
        }
        return follow(browser, browser.get(start.getRawPath()), UnaryOperator.identity());
    }

    /** Continues from an app response that sends the browser to the provider. */
    HttpResponse<String> follow(Browserless browser, HttpResponse<String> toProvider, UnaryOperator<String> tamper) {
        if (toProvider.statusCode() != 302) {
            throw new IllegalStateException("expected a redirect to the provider: " + toProvider.statusCode());
        }
        String authorize = toProvider.headers().firstValue("Location").orElseThrow();
        try {
            HttpResponse<String> atProvider = idp.send(
                    HttpRequest.newBuilder(URI.create(authorize)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (atProvider.statusCode() != 302) {
                throw new IllegalStateException("the provider refused: " + atProvider.statusCode() + atProvider.body());
            }
            URI callback = URI.create(
                    tamper.apply(atProvider.headers().firstValue("Location").orElseThrow()));
            browser.signedInByBrowser();
            return browser.get(callback.getRawPath() + "?" + callback.getRawQuery());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The form an admin fills in at Settings → Sign-in for their Client's own provider. */
    static java.util.Map<String, String> clientProviderForm(
            TestOidcProvider idp, boolean requireSso, boolean allowJoin) {
        java.util.Map<String, String> form = new java.util.HashMap<>();
        form.put("issuer", idp.issuer());
        form.put("clientId", idp.clientId());
        form.put("clientSecret", idp.clientSecret());
        if (requireSso) {
            form.put("requireSso", "true");
        }
        if (allowJoin) {
            form.put("allowJoin", "true");
        }
        return form;
    }

    static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElse("");
    }

    static TestOidcProvider.Person person(String email, Boolean verified) {
        return new TestOidcProvider.Person(
                "sub-" + UUID.randomUUID(), email, verified, "Sam Single", "https://pictures.example.test/sam.png");
    }

    static <T> T asUser(UUID userId, Callable<T> work) {
        return TenantContext.callAs(null, userId, work);
    }

    static <T> T inTenant(UUID tenant, Callable<T> work) {
        return TenantContext.callAs(new io.team365.core.TenantId(tenant), null, work);
    }

    long identitiesOf(UUID userId) {
        return asUser(
                userId,
                () -> jdbc.sql("select count(*) from sso_identities where user_id = :u")
                        .param("u", userId)
                        .query(Long.class)
                        .single());
    }

    /** Links with this subject at the platform provider, found by the key a sign-in holds (as row-level security wants). */
    long identitiesWithSubject(String registrationId, String issuer, String subject) {
        String key;
        try {
            key = java.util.HexFormat.of()
                    .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                            .digest((registrationId + "\n" + issuer + "\n" + subject)
                                    .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return new TransactionTemplate(transactions).execute(status -> {
            DatabaseLookups.byTokenHash(jdbc, key);
            return jdbc.sql("select count(*) from sso_identities where subject_key = :k")
                    .param("k", key)
                    .query(Long.class)
                    .single();
        });
    }

    /** The account with this address, if any: (id, password hash is null, email verified). */
    java.util.Optional<java.util.Map<String, Object>> account(String email) {
        return new TransactionTemplate(transactions).execute(status -> {
            DatabaseLookups.byEmail(jdbc, email);
            return jdbc
                    .sql("select id, password_hash is null as no_password, email_verified_at is not null as verified"
                            + " from users where email = :e")
                    .param("e", email)
                    .query()
                    .listOfRows()
                    .stream()
                    .findFirst();
        });
    }

    long auditCount(UUID tenant, String action) {
        return inTenant(
                tenant,
                () -> jdbc.sql("select count(*) from audit_events where action = :a")
                        .param("a", action)
                        .query(Long.class)
                        .single());
    }

    /** Whether any stored session attribute contains the text (a token the provider issued, say). */
    boolean anySessionContains(String text) {
        return jdbc.sql("select count(*) from spring_session_attributes where position(convert_to(:t, 'UTF8') in"
                                + " attribute_bytes) > 0")
                        .param("t", text)
                        .query(Long.class)
                        .single()
                > 0;
    }
}
