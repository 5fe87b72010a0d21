package io.team365.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.team365.support.Browserless;
import io.team365.support.IntegrationTest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * A token checked a moment ago is answered from memory (identity.internal.VerifiedTokens), but never past a change
 * made on this node: a revoked token, a new role and a removed member take effect on the very next request.
 */
class ApiTokenCacheTests extends IntegrationTest {

    @Test
    void aRevokedTokenStopsAtOnceThoughItWasJustUsed() {
        SignedUp owner = signUpAndVerify("Token Cache Co");
        HttpResponse<String> created = owner.session().postJson("/api/v1/me/tokens", "{\"name\":\"cached\"}");
        String token = Browserless.jsonField(created.body(), "token");
        String tokenId = Browserless.jsonField(created.body(), "id");
        Browserless api = client().withBearer(token);
        for (int i = 0; i < 3; i++) {
            assertThat(api.get("/api/v1/me").statusCode()).isEqualTo(200);
        }
        assertThat(owner.session().delete("/api/v1/me/tokens/" + tokenId).statusCode())
                .isEqualTo(204);
        assertThat(api.get("/api/v1/me").statusCode()).isEqualTo(401);
        assertThat(client().withBearer(token + "x").get("/api/v1/me").statusCode())
                .as("a token that was never genuine")
                .isEqualTo(401);
    }

    @Test
    void aNewRoleAndARemovalTakeEffectOnTheNextRequest() {
        SignedUp owner = signUpAndVerify("Token Roles Co");
        Joined admin = inviteAndJoin(owner, "admin");
        Browserless api = apiClient(admin.session());
        assertThat(api.get("/api/v1/me").body()).contains("\"admin\"");
        assertThat(api.get("/api/v1/members").statusCode()).isEqualTo(200);

        HttpResponse<String> demoted =
                owner.session().patchJson("/api/v1/members/" + admin.userId(), "{\"role\":\"member\"}");
        assertThat(demoted.statusCode()).as(demoted.body()).isEqualTo(200);
        assertThat(api.get("/api/v1/me").body()).contains("\"member\"").doesNotContain("\"admin\"");

        assertThat(owner.session().delete("/api/v1/members/" + admin.userId()).statusCode())
                .isEqualTo(204);
        assertThat(api.get("/api/v1/me").statusCode())
                .as("removed from the Client")
                .isEqualTo(401);
    }
}
