package io.team365.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import io.team365.support.Browserless;
import io.team365.support.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** "Members see their own records": enforced in the API and the pages alike; owners and admins see everything. */
class RecordVisibilityTests extends IntegrationTest {

    @Test
    void membersSeeOnlyTheirOwnRecordsWhenTheClientSaysSo() {
        SignedUp owner = signUpAndVerify("Visibility Co");
        Joined alice = inviteAndJoin(owner, "member");
        Joined bob = inviteAndJoin(owner, "member");
        Joined admin = inviteAndJoin(owner, "admin");
        String alicesContact = Browserless.jsonField(
                alice.session()
                        .postJson("/api/v1/contacts", "{\"firstName\":\"Alices\",\"lastName\":\"Lead\"}")
                        .body(),
                "id");
        assertThat(alice.session().get("/api/v1/contacts/" + alicesContact).body())
                .as("a new record belongs to whoever creates it")
                .contains("\"ownerId\":\"" + alice.userId() + "\"");
        assertThat(bob.session().get("/api/v1/contacts/" + alicesContact).statusCode())
                .as("default: all")
                .isEqualTo(200);

        assertThat(bob.session()
                        .patchJson("/api/v1/client", "{\"recordVisibility\":\"own\"}")
                        .statusCode())
                .as("members cannot change the setting")
                .isEqualTo(403);
        assertThat(owner.session()
                        .patchJson("/api/v1/client", "{\"recordVisibility\":\"secret\"}")
                        .statusCode())
                .isEqualTo(400);
        assertThat(owner.session()
                        .postForm("/settings/client/visibility", Map.of("recordVisibility", "own"))
                        .statusCode())
                .isEqualTo(302);
        assertThat(owner.session().get("/api/v1/client").body()).contains("\"recordVisibility\":\"own\"");

        Browserless bobs = bob.session();
        assertThat(bobs.get("/api/v1/contacts/" + alicesContact).statusCode()).isEqualTo(404);
        assertThat(bobs.get("/api/v1/contacts?q=Alices").body()).doesNotContain(alicesContact);
        assertThat(bobs.patchJson("/api/v1/contacts/" + alicesContact, "{\"lastName\":\"Mine now\"}")
                        .statusCode())
                .isEqualTo(404);
        assertThat(bobs.delete("/api/v1/contacts/" + alicesContact).statusCode())
                .isEqualTo(404);
        assertThat(bobs.get("/api/v1/contacts/" + alicesContact + "/timeline").statusCode())
                .isEqualTo(404);
        assertThat(bobs.page("/contacts/" + alicesContact).statusCode()).isEqualTo(404);
        assertThat(bobs.page("/contacts").body()).doesNotContain("Alices Lead");

        assertThat(alice.session().page("/contacts").body()).contains("Alices Lead");
        assertThat(admin.session().get("/api/v1/contacts/" + alicesContact).statusCode())
                .isEqualTo(200);
        assertThat(owner.session().page("/contacts").body()).contains("Alices Lead");

        owner.session().patchJson("/api/v1/client", "{\"recordVisibility\":\"all\"}");
        assertThat(bobs.get("/api/v1/contacts/" + alicesContact).statusCode()).isEqualTo(200);
        assertThat(owner.session().get("/api/v1/audit?filter[action]=client.").body())
                .contains("client.visibility-changed");
    }
}
