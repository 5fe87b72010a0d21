package io.team365.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.team365.support.Browserless;
import io.team365.support.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * "Members see their own records" holds for every record type alike, in the API, the lists, the pages and the
 * panels; owners and admins see everything; read-only users change nothing.
 */
class RecordVisibilityAcrossRecordsTests extends IntegrationTest {

    @Test
    void everyRecordTypeFollowsTheClientsVisibilitySetting() {
        SignedUp owner = signUpAndVerify("Visibility Everywhere Co");
        Joined alice = inviteAndJoin(owner, "member");
        Joined bob = inviteAndJoin(owner, "member");
        Joined reader = inviteAndJoin(owner, "read-only");
        Browserless alices = alice.session();
        Map<String, String> ids = Map.of(
                "companies", create(alices, "/api/v1/companies", "{\"name\":\"Alices Company\"}"),
                "leads", create(alices, "/api/v1/leads", "{\"firstName\":\"Alices\",\"lastName\":\"Lead\"}"),
                "deals", create(alices, "/api/v1/deals", "{\"name\":\"Alices Deal\"}"),
                "contacts", create(alices, "/api/v1/contacts", "{\"firstName\":\"Alices Contact\"}"));
        String activity = create(
                alices,
                "/api/v1/activities",
                "{\"type\":\"task\",\"subject\":\"Alices Task\",\"links\":[{\"type\":\"deal\",\"id\":\""
                        + ids.get("deals") + "\"}]}");

        Browserless bobs = bob.session();
        ids.forEach((collection, id) -> assertThat(
                        bobs.get("/api/v1/" + collection + "/" + id).statusCode())
                .as("by default members see all: " + collection)
                .isEqualTo(200));
        owner.session().patchJson("/api/v1/client", "{\"recordVisibility\":\"own\"}");

        ids.forEach((collection, id) -> {
            assertThat(bobs.get("/api/v1/" + collection + "/" + id).statusCode())
                    .as(collection + " of someone else")
                    .isEqualTo(404);
            assertThat(bobs.get("/api/v1/" + collection + "?limit=200").body())
                    .as(collection + " list")
                    .doesNotContain(id);
            assertThat(bobs.get("/api/v1/" + collection + "/" + id + "/timeline")
                            .statusCode())
                    .isEqualTo(404);
            assertThat(bobs.page("/" + collection + "/" + id).statusCode()).isEqualTo(404);
            assertThat(bobs.send(
                                    "PATCH",
                                    "/api/v1/" + collection + "/" + id,
                                    "application/merge-patch+json",
                                    "{\"tags\":[\"mine\"]}")
                            .statusCode())
                    .isEqualTo(404);
            assertThat(owner.session().get("/api/v1/" + collection + "/" + id).statusCode())
                    .as("the owner sees " + collection)
                    .isEqualTo(200);
            assertThat(alices.get("/api/v1/" + collection + "/" + id).statusCode())
                    .isEqualTo(200);
        });
        assertThat(bobs.get("/api/v1/activities/" + activity).statusCode()).isEqualTo(404);
        assertThat(bobs.get("/api/v1/activities?limit=200").body()).doesNotContain(activity);
        assertThat(bobs.page("/deals").body()).doesNotContain("Alices Deal");
        assertThat(bobs.page("/deals/panel?recordType=company&recordId=" + ids.get("companies"))
                        .statusCode())
                .isEqualTo(404);
        assertThat(bobs.page("/activities/panel?recordType=deal&recordId=" + ids.get("deals"))
                        .statusCode())
                .isEqualTo(404);
        assertThat(bobs.postJson(
                                "/api/v1/activities",
                                "{\"type\":\"note\",\"body\":\"peek\",\"links\":[{\"type\":\"deal\",\"id\":\""
                                        + ids.get("deals") + "\"}]}")
                        .statusCode())
                .as("nothing can be attached to a record one cannot see")
                .isEqualTo(400);

        owner.session().patchJson("/api/v1/client", "{\"recordVisibility\":\"all\"}");
        ids.forEach((collection, id) -> {
            assertThat(reader.session().get("/api/v1/" + collection + "/" + id).statusCode())
                    .isEqualTo(200);
            assertThat(reader.session()
                            .send(
                                    "PATCH",
                                    "/api/v1/" + collection + "/" + id,
                                    "application/merge-patch+json",
                                    "{\"tags\":[\"x\"]}")
                            .statusCode())
                    .as("read-only users change nothing: " + collection)
                    .isEqualTo(403);
            assertThat(reader.session()
                            .delete("/api/v1/" + collection + "/" + id)
                            .statusCode())
                    .isEqualTo(403);
        });
    }

    private static String create(Browserless session, String path, String json) {
        var created = session.postJson(path, json);
        assertThat(created.statusCode()).as(path + " " + created.body()).isEqualTo(201);
        return Browserless.jsonField(created.body(), "id");
    }
}
