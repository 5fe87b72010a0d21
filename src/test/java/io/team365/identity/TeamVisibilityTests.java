package io.team365.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.team365.support.Browserless;
import io.team365.support.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** "Members see their own and their team's records": teams kept by admins, enforced in the API and the pages. */
class TeamVisibilityTests extends IntegrationTest {

    @Test
    void membersSeeTheirTeamMatesRecordsAndNoOneElses() {
        SignedUp owner = signUpAndVerify("Team Visibility Co");
        Joined alice = inviteAndJoin(owner, "member");
        Joined bob = inviteAndJoin(owner, "member");
        Joined carol = inviteAndJoin(owner, "member");
        String alices = contact(alice.session(), "Alices");
        String carols = contact(carol.session(), "Carols");

        String team = owner.session()
                .postJson(
                        "/api/v1/teams",
                        "{\"name\":\"North\",\"memberIds\":[\"" + alice.userId() + "\",\"" + bob.userId() + "\"]}")
                .body();
        assertThat(team).contains("\"name\":\"North\"").contains(alice.userId().toString());
        assertThat(owner.session()
                        .patchJson("/api/v1/client", "{\"recordVisibility\":\"team\"}")
                        .statusCode())
                .isEqualTo(200);

        Browserless bobs = bob.session();
        assertThat(bobs.get("/api/v1/contacts/" + alices).statusCode())
                .as("a team-mate's record")
                .isEqualTo(200);
        assertThat(bobs.get("/api/v1/contacts/" + carols).statusCode())
                .as("someone outside the team")
                .isEqualTo(404);
        assertThat(bobs.get("/api/v1/contacts?limit=200").body())
                .contains(alices)
                .doesNotContain(carols);
        assertThat(bobs.page("/contacts").body()).contains("Alices").doesNotContain("Carols");
        assertThat(carol.session().get("/api/v1/contacts/" + alices).statusCode())
                .isEqualTo(404);
        assertThat(carol.session().get("/api/v1/contacts/" + carols).statusCode())
                .as("own records stay visible without a team")
                .isEqualTo(200);

        String teamId = Browserless.jsonField(team, "id");
        owner.session().patchJson("/api/v1/teams/" + teamId, "{\"memberIds\":[\"" + bob.userId() + "\"]}");
        assertThat(bobs.get("/api/v1/contacts/" + alices).statusCode())
                .as("alice left the team")
                .isEqualTo(404);
        assertThat(owner.session().get("/api/v1/contacts/" + carols).statusCode())
                .as("owners see everything")
                .isEqualTo(200);
    }

    @Test
    void teamsAreCheckedAndKeptByAdminsOnly() {
        SignedUp owner = signUpAndVerify("Team Rules Co");
        Joined member = inviteAndJoin(owner, "member");
        SignedUp stranger = signUpAndVerify("Team Stranger Co");

        assertThat(member.session()
                        .postJson("/api/v1/teams", "{\"name\":\"Mine\",\"memberIds\":[]}")
                        .statusCode())
                .isEqualTo(403);
        assertThat(member.session().page("/settings/teams").statusCode()).isEqualTo(403);

        var foreign = owner.session()
                .postJson("/api/v1/teams", "{\"name\":\"Mixed\",\"memberIds\":[\"" + stranger.userId() + "\"]}");
        assertThat(foreign.statusCode()).isEqualTo(400);
        assertThat(foreign.body()).contains("memberIds[0]");
        assertThat(owner.session()
                        .postJson("/api/v1/teams", "{\"name\":\"\",\"memberIds\":[]}")
                        .body())
                .contains("\"field\":\"name\"");
        assertThat(owner.session()
                        .postJson("/api/v1/teams", "{\"name\":\"South\",\"members\":[]}")
                        .statusCode())
                .as("unknown field")
                .isEqualTo(400);
        owner.session().postJson("/api/v1/teams", "{\"name\":\"South\",\"memberIds\":[]}");
        var duplicate = owner.session().postJson("/api/v1/teams", "{\"name\":\"south\",\"memberIds\":[]}");
        assertThat(duplicate.statusCode()).isEqualTo(409);

        var page = owner.session()
                .postForm(
                        "/settings/teams",
                        Map.of("name", "West", "memberIds", member.userId().toString()));
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(owner.session().page("/settings/teams").body())
                .contains("West")
                .contains("South");
        assertThat(stranger.session().get("/api/v1/teams").body())
                .as("another Client's teams are invisible")
                .doesNotContain("West");
        assertThat(owner.session().get("/api/v1/audit?filter[action]=team.").body())
                .contains("team.created");
    }

    private static String contact(Browserless session, String name) {
        return Browserless.jsonField(
                session.postJson("/api/v1/contacts", "{\"firstName\":\"" + name + "\"}")
                        .body(),
                "id");
    }
}
