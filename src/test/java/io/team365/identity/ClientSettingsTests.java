package io.team365.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.team365.support.IntegrationTest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClientSettingsTests extends IntegrationTest {

    @Test
    void ownersRenameTheOrganisationMembersOnlyReadIt() {
        SignedUp owner = signUpAndVerify("Rename Me Ltd");
        Joined member = inviteAndJoin(owner, "member");

        assertThat(member.session().get("/api/v1/client").body()).contains("\"name\":\"Rename Me Ltd\"");
        assertThat(member.session()
                        .patchJson("/api/v1/client", "{\"name\":\"Hijack\"}")
                        .statusCode())
                .isEqualTo(403);

        HttpResponse<String> tooLong =
                owner.session().patchJson("/api/v1/client", "{\"name\":\"" + "n".repeat(201) + "\"}");
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.body()).contains("\"field\":\"name\"");

        HttpResponse<String> renamed = owner.session().patchJson("/api/v1/client", "{\"name\":\"Renamed Ltd\"}");
        assertThat(renamed.statusCode()).isEqualTo(200);
        assertThat(renamed.body()).contains("\"name\":\"Renamed Ltd\"");
        assertThat(member.session().page("/settings/client").body())
                .contains("Renamed Ltd")
                .doesNotContain("name=\"name\"");

        HttpResponse<String> blank = owner.session().postForm("/settings/client", Map.of("name", "   "));
        assertThat(blank.statusCode()).isEqualTo(422);
        assertThat(blank.body()).contains("This field is required");
        assertThat(owner.session().get("/api/v1/client").body()).contains("Renamed Ltd");
        assertThat(owner.session().get("/api/v1/audit?filter[action]=client.").body())
                .contains("client.renamed");
    }

    @Test
    void theProfileKeepsATimeZoneAndRefusesUnknownOnes() {
        SignedUp owner = signUpAndVerify("Zones Co");
        HttpResponse<String> bad =
                owner.session().postForm("/settings/profile", Map.of("name", "Olive", "timeZone", "Mars/Olympus"));
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(bad.body()).contains("Europe/Paris or UTC");
        HttpResponse<String> good =
                owner.session().postForm("/settings/profile", Map.of("name", "Olive O.", "timeZone", "Asia/Tokyo"));
        assertThat(good.headers().firstValue("Location").orElse("")).endsWith("/settings/profile?saved");
        String page = owner.session().page("/settings/profile").body();
        assertThat(page).contains("value=\"Asia/Tokyo\"").contains("value=\"Olive O.\"");
        assertThat(owner.session().get("/api/v1/me").body()).contains("\"name\":\"Olive O.\"");
    }
}
