package io.team365.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.team365.core.TenantId;
import io.team365.support.Browserless;
import io.team365.support.IntegrationTest;
import io.team365.tenancy.TenantContext;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The first thing anyone does: sign up, confirm the address, sign in, make a token, call the API with it. */
class SignUpJourneyTests extends IntegrationTest {

    @Test
    void signUpVerifySignInCreateTokenAndCallTheApi() throws Exception {
        String email = uniqueEmail("journey");
        String password = "violet harbour compass 7";
        Browserless visitor = client();

        HttpResponse<String> signUp = visitor.postJson(
                "/api/v1/signup",
                "{\"company\":\"Journey Ltd\",\"name\":\"Jo Journey\",\"email\":\"%s\",\"password\":\"%s\"}"
                        .formatted(email, password));
        assertThat(signUp.statusCode()).isEqualTo(201);
        assertThat(signUp.headers().firstValue("Set-Cookie"))
                .as("an API sign-up starts no session")
                .isEmpty();
        String tenantId = Browserless.jsonField(signUp.body(), "tenantId");
        String userId = Browserless.jsonField(signUp.body(), "userId");

        // sign-in is refused, with the reason, until the emailed link is followed
        HttpResponse<String> early = visitor.postForm("/login", Map.of("username", email, "password", password));
        assertThat(early.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login?error=unverified"));
        assertThat(visitor.get("/login?error=unverified").body()).contains("confirm your email address first");

        String link = awaitLink(email, "/verify-email?token=");
        assertThat(link).startsWith("http://localhost:");
        HttpResponse<String> verified = visitor.get(link.substring(link.indexOf("/verify-email")));
        assertThat(verified.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login?verified"));

        Browserless session = client();
        session.signIn(email, password);
        HttpResponse<String> home = session.browse("/app");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("Welcome, Jo Journey").contains("Journey Ltd");

        HttpResponse<String> created = session.postJson("/api/v1/me/tokens", "{\"name\":\"CI script\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        String token = Browserless.jsonField(created.body(), "token");
        assertThat(token).startsWith("t365_").hasSizeGreaterThan(40);
        String storedHash = TenantContext.callAs(
                TenantId.of(tenantIdOf(signUp)),
                null,
                () -> jdbc.sql("select token_hash from api_tokens where name = 'CI script'")
                        .query(String.class)
                        .single());
        assertThat(storedHash).as("only the SHA-256 of the token is stored").isEqualTo(sha256(token));

        Browserless api = client().withBearer(token);
        HttpResponse<String> me = api.get("/api/v1/me");
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body())
                .contains("\"userId\":\"" + userId + "\"")
                .contains("\"tenantId\":\"" + tenantId + "\"")
                .contains("\"email\":\"" + email + "\"")
                .contains("\"roles\":[\"owner\"]");

        HttpResponse<String> tokens = session.get("/api/v1/me/tokens");
        assertThat(tokens.body())
                .contains("CI script")
                .contains("\"lastUsedAt\":\"")
                .doesNotContain(token);

        String tokenId = Browserless.jsonField(created.body(), "id");
        assertThat(session.delete("/api/v1/me/tokens/" + tokenId).statusCode()).isEqualTo(204);
        HttpResponse<String> revoked = api.get("/api/v1/me");
        assertThat(revoked.statusCode()).isEqualTo(401);
        assertThat(revoked.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    }

    private static String tenantIdOf(HttpResponse<String> signUp) {
        return Browserless.jsonField(signUp.body(), "tenantId");
    }

    private static String sha256(String value) throws Exception {
        return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void signInAndTokenEventsAreInTheAuditTrail() {
        SignedUp owner = signUpAndVerify("Audited Inc");
        owner.session().postJson("/api/v1/me/tokens", "{\"name\":\"audited\"}");
        HttpResponse<String> audit = owner.session().get("/api/v1/audit");
        assertThat(audit.statusCode()).isEqualTo(200);
        assertThat(audit.body())
                .contains("client.created")
                .contains("user.signed-in")
                .contains("token.created");
        assertThat(owner.session().get("/settings/audit").body())
                .contains("API token created")
                .contains("Signed in");
    }
}
