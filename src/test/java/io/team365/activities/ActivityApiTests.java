package io.team365.activities;

import static org.assertj.core.api.Assertions.assertThat;

import io.team365.core.TenantId;
import io.team365.support.Browserless;
import io.team365.support.IntegrationTest;
import io.team365.tenancy.TenantContext;
import io.team365.tenancy.internal.TrashPurge;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ActivityApiTests extends IntegrationTest {

    @Autowired
    ObjectMapper json;

    @Autowired
    TrashPurge purge;

    @Autowired
    ActivityManagement activities;

    SignedUp owner;
    Browserless api;

    @BeforeAll
    void anOrganisationWithAToken() {
        owner = signUpAndVerify("Activities Co");
        String token = Browserless.jsonField(
                owner.session()
                        .postJson("/api/v1/me/tokens", "{\"name\":\"crm\"}")
                        .body(),
                "token");
        api = client().withBearer(token);
    }

    @Test
    void createReadPatchCompleteReopenTrashAndRestore() {
        String contact = contact("Carla Call");
        HttpResponse<String> created = api.postJson("/api/v1/activities", """
                {"type":"call","subject":"  Call Carla about the renewal ","body":"Ask about <b>seats</b>",
                 "dueAt":"2031-03-04T09:30:00Z","links":[{"type":"contact","id":"%s"}]}""".formatted(contact));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = Browserless.jsonField(created.body(), "id");
        assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/activities/" + id);
        assertThat(created.headers().firstValue("ETag")).hasValue("\"v1\"");
        JsonNode body = json.readTree(created.body());
        assertThat(body.get("subject").asString()).isEqualTo("Call Carla about the renewal");
        assertThat(body.get("body").asString())
                .as("a call's body is plain text, kept as written (escaped when shown)")
                .isEqualTo("Ask about <b>seats</b>");
        assertThat(body.get("ownerId").asString()).isEqualTo(owner.userId().toString());
        assertThat(body.get("done").asBoolean()).isFalse();
        assertThat(body.get("links").get(0).get("type").asString()).isEqualTo("contact");
        assertThat(body.get("links").get(0).get("id").asString()).isEqualTo(contact);

        HttpResponse<String> read = api.get("/api/v1/activities/" + id);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.headers().firstValue("ETag")).hasValue("\"v1\"");
        assertThat(read.body()).contains("\"dueAt\":\"2031-03-04T09:30:00Z\"");

        HttpResponse<String> patched = api.send(
                "PATCH",
                "/api/v1/activities/" + id,
                "application/merge-patch+json",
                "{\"type\":\"meeting\",\"endAt\":\"2031-03-04T10:30:00Z\",\"body\":null}",
                "\"v1\"");
        assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
        assertThat(patched.headers().firstValue("ETag")).hasValue("\"v2\"");
        assertThat(patched.body())
                .contains("\"type\":\"meeting\"", "\"endAt\":\"2031-03-04T10:30:00Z\"", "\"body\":null")
                .contains("\"subject\":\"Call Carla about the renewal\"");

        HttpResponse<String> stale = api.send(
                "PATCH",
                "/api/v1/activities/" + id,
                "application/merge-patch+json",
                "{\"subject\":\"Lost update\"}",
                "\"v1\"");
        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(stale.body()).contains("\"currentVersion\":2");
        assertThat(api.get("/api/v1/activities/" + id).body()).doesNotContain("Lost update");

        HttpResponse<String> completed = api.postJson("/api/v1/activities/" + id + "/complete", "");
        assertThat(completed.statusCode()).as(completed.body()).isEqualTo(200);
        JsonNode done = json.readTree(completed.body());
        assertThat(done.get("done").asBoolean()).isTrue();
        assertThat(done.get("doneBy").asString()).isEqualTo(owner.userId().toString());
        assertThat(done.get("doneAt").isNull()).isFalse();
        assertThat(done.get("version").asInt()).isEqualTo(3);
        assertThat(json.readTree(api.postJson("/api/v1/activities/" + id + "/complete", "")
                                .body())
                        .get("version")
                        .asInt())
                .as("completing a done activity changes nothing")
                .isEqualTo(3);
        HttpResponse<String> reopened = api.postJson("/api/v1/activities/" + id + "/reopen", "");
        assertThat(reopened.body()).contains("\"done\":false", "\"doneAt\":null", "\"doneBy\":null");

        assertThat(api.delete("/api/v1/activities/" + id).statusCode()).isEqualTo(204);
        assertThat(api.get("/api/v1/activities?filter[recordType]=contact&filter[recordId]=" + contact)
                        .body())
                .doesNotContain(id);
        assertThat(api.get("/api/v1/activities?filter[deleted]=true").body()).contains(id);
        assertThat(api.send("PATCH", "/api/v1/activities/" + id, "application/json", "{\"subject\":\"x\"}", null)
                        .statusCode())
                .as("no edits in the trash")
                .isEqualTo(404);
        assertThat(api.postJson("/api/v1/activities/" + id + "/complete", "").statusCode())
                .isEqualTo(404);
        assertThat(api.postJson("/api/v1/activities/" + id + "/restore", "").statusCode())
                .isEqualTo(200);
        assertThat(api.get("/api/v1/activities?filter[recordType]=contact&filter[recordId]=" + contact)
                        .body())
                .contains(id);

        assertThat(api.get("/api/v1/audit?recordId=" + id).body())
                .contains(
                        "activity.created",
                        "activity.viewed",
                        "activity.updated",
                        "activity.completed",
                        "activity.reopened",
                        "activity.trashed",
                        "activity.restored");
    }

    @Test
    void notesAreSanitisedAndNameThemselvesFromTheirFirstWords() {
        String contact = contact("Nora Note");
        HttpResponse<String> created = api.postJson("/api/v1/activities", """
                {"type":"note","links":[{"type":"contact","id":"%s"}],
                 "body":"<p onclick=\\"steal()\\">Met Nora at the <strong>trade fair</strong> in Lyon and she wants a demo next week</p><script>alert(1)</script><a href=\\"javascript:alert(2)\\">x</a><img src=x onerror=alert(3)>"}""".formatted(contact));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode note = json.readTree(created.body());
        assertThat(note.get("subject").asString()).isEqualTo("Met Nora at the trade fair in Lyon…");
        assertThat(note.get("body").asString())
                .contains("<p>Met Nora at the <strong>trade fair</strong>")
                .doesNotContainIgnoringCase("script")
                .doesNotContainIgnoringCase("onclick")
                .doesNotContainIgnoringCase("onerror")
                .doesNotContainIgnoringCase("javascript")
                .doesNotContain("<img");
        assertThat(note.get("bodyText").asString())
                .startsWith("Met Nora at the trade fair in Lyon")
                .doesNotContain("<");
        assertThat(api.get("/api/v1/activities?q=trade%20fair&filter[type]=note")
                        .body())
                .as("notes are found by their text")
                .contains(note.get("id").asString());

        HttpResponse<String> empty = api.postJson("/api/v1/activities", """
                {"type":"note","body":"<script>only()</script>","links":[{"type":"contact","id":"%s"}]}""".formatted(contact));
        assertProblem(empty, 400, "subject");
    }

    @Test
    void listsPageWithCursorsWithoutGapsOrRepeats() {
        String contact = contact("Paging Person");
        Instant base = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        for (int i = 0; i < 7; i++) {
            String due = i % 3 == 0 ? "null" : "\"" + base.plus(7 - i, ChronoUnit.HOURS) + "\"";
            create(
                    "{\"type\":\"task\",\"subject\":\"Page %d\",\"dueAt\":%s,\"links\":[{\"type\":\"contact\",\"id\":\"%s\"}]}"
                            .formatted(i, due, contact));
        }
        String filter = "&filter[recordType]=contact&filter[recordId]=" + contact;
        for (String sort : List.of("dueAt", "-dueAt", "createdAt", "-updatedAt")) {
            Set<String> seen = new HashSet<>();
            List<String> subjects = new ArrayList<>();
            String cursor = null;
            int pages = 0;
            do {
                HttpResponse<String> page = api.get("/api/v1/activities?limit=3&sort=" + sort + filter
                        + (cursor == null ? "" : "&cursor=" + cursor));
                assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
                JsonNode list = json.readTree(page.body());
                for (JsonNode item : list.get("data")) {
                    assertThat(seen.add(item.get("id").asString()))
                            .as("no repeats with " + sort)
                            .isTrue();
                    subjects.add(item.get("subject").asString());
                }
                cursor = list.get("nextCursor").isNull()
                        ? null
                        : list.get("nextCursor").asString();
                pages++;
            } while (cursor != null && pages < 10);
            assertThat(seen).as("every activity once with " + sort).hasSize(7);
            assertThat(pages).isEqualTo(3);
            if (sort.equals("dueAt")) {
                assertThat(subjects)
                        .as("soonest first, undated last")
                        .containsExactly("Page 5", "Page 4", "Page 2", "Page 1", "Page 0", "Page 3", "Page 6");
            }
        }
    }

    @Test
    void filtersByTypeDoneOwnerRecordAndDueDate() {
        String contact = contact("Filter Fred");
        String other = contact("Other Olga");
        Joined member = inviteAndJoin(owner, "member");
        String links = "\"links\":[{\"type\":\"contact\",\"id\":\"" + contact + "\"}]";
        Instant now = Instant.now();
        String overdue = create("{\"type\":\"task\",\"subject\":\"Overdue\",\"dueAt\":\"%s\",%s}"
                .formatted(now.minus(2, ChronoUnit.DAYS), links));
        String later = create("{\"type\":\"task\",\"subject\":\"Later\",\"dueAt\":\"%s\",%s}"
                .formatted(now.plus(3, ChronoUnit.DAYS), links));
        String call = create(
                "{\"type\":\"call\",\"subject\":\"Theirs\",\"ownerId\":\"%s\",%s}".formatted(member.userId(), links));
        String elsewhere =
                create("{\"type\":\"task\",\"subject\":\"Elsewhere\",\"links\":[{\"type\":\"contact\",\"id\":\"%s\"}]}"
                        .formatted(other));
        api.postJson("/api/v1/activities/" + later + "/complete", "");
        String of = "/api/v1/activities?filter[recordType]=contact&filter[recordId]=" + contact;

        assertThat(ids(of)).containsExactlyInAnyOrder(overdue, later, call);
        assertThat(ids(of + "&filter[type]=call")).containsExactly(call);
        assertThat(ids(of + "&filter[done]=true")).containsExactly(later);
        assertThat(ids(of + "&filter[done]=false")).containsExactlyInAnyOrder(overdue, call);
        assertThat(ids(of + "&filter[ownerId]=me")).containsExactlyInAnyOrder(overdue, later);
        assertThat(ids(of + "&filter[ownerId]=" + member.userId())).containsExactly(call);
        assertThat(ids(of + "&filter[due]=overdue")).containsExactly(overdue);
        assertThat(ids(of + "&filter[due]=upcoming")).containsExactly(later);
        assertThat(ids(of + "&filter[due]=today")).isEmpty();
        assertThat(ids("/api/v1/activities?filter[recordType]=contact&filter[recordId]=" + other))
                .containsExactly(elsewhere);
        assertThat(member.session().get(of + "&filter[ownerId]=me").body())
                .as("a member's own list")
                .contains(call)
                .doesNotContain(overdue);
    }

    @Test
    void badInputIsNamedFieldByField() {
        String contact = contact("Bad Input Bea");
        String links = "\"links\":[{\"type\":\"contact\",\"id\":\"" + contact + "\"}]";
        assertProblem(api.postJson("/api/v1/activities", "{" + links + "}"), 400, "type");
        assertProblem(api.postJson("/api/v1/activities", "{\"type\":\"task\"," + links + "}"), 400, "subject");
        assertProblem(
                api.postJson("/api/v1/activities", "{\"type\":\"email\",\"subject\":\"x\"," + links + "}"),
                400,
                "type");
        assertProblem(api.postJson("/api/v1/activities", "{\"type\":\"task\",\"subject\":\"x\"}"), 400, "links");
        assertProblem(
                api.postJson(
                        "/api/v1/activities", "{\"type\":\"task\",\"subject\":\"x\",\"colour\":\"red\"," + links + "}"),
                400,
                "colour");
        assertProblem(
                api.postJson("/api/v1/activities", "{\"type\":\"task\",\"subject\":[1]," + links + "}"),
                400,
                "subject");
        assertProblem(
                api.postJson(
                        "/api/v1/activities",
                        "{\"type\":\"task\",\"subject\":\"" + "s".repeat(201) + "\"," + links + "}"),
                400,
                "subject");
        assertProblem(
                api.postJson(
                        "/api/v1/activities",
                        "{\"type\":\"note\",\"body\":\"" + "b".repeat(100_001) + "\"," + links + "}"),
                400,
                "body");
        assertProblem(
                api.postJson(
                        "/api/v1/activities",
                        "{\"type\":\"task\",\"subject\":\"x\",\"dueAt\":\"tomorrow\"," + links + "}"),
                400,
                "dueAt");
        assertProblem(
                api.postJson(
                        "/api/v1/activities",
                        "{\"type\":\"task\",\"subject\":\"x\",\"dueAt\":\"2030-01-01T10:00:00Z\",\"endAt\":\"2030-01-01T11:00:00Z\","
                                + links + "}"),
                400,
                "endAt");
        assertProblem(
                api.postJson(
                        "/api/v1/activities",
                        "{\"type\":\"meeting\",\"subject\":\"x\",\"dueAt\":\"2030-01-01T10:00:00Z\",\"endAt\":\"2030-01-01T09:00:00Z\","
                                + links + "}"),
                400,
                "endAt");
        assertProblem(
                api.postJson(
                        "/api/v1/activities",
                        "{\"type\":\"task\",\"subject\":\"x\",\"ownerId\":\"" + UUID.randomUUID() + "\"," + links
                                + "}"),
                400,
                "ownerId");
        assertProblem(
                api.postJson(
                        "/api/v1/activities",
                        "{\"type\":\"task\",\"subject\":\"x\",\"links\":[{\"type\":\"planet\",\"id\":\"" + contact
                                + "\"}]}"),
                400,
                "links[0].type");
        assertProblem(
                api.postJson(
                        "/api/v1/activities",
                        "{\"type\":\"task\",\"subject\":\"x\",\"links\":[{\"type\":\"contact\",\"id\":\"nope\"}]}"),
                400,
                "links[0].id");
        assertProblem(
                api.postJson(
                        "/api/v1/activities",
                        "{\"type\":\"task\",\"subject\":\"x\",\"links\":[{\"type\":\"contact\",\"id\":\"%s\"},{\"type\":\"contact\",\"id\":\"%s\"}]}"
                                .formatted(contact, UUID.randomUUID())),
                400,
                "links[1].id");
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 21; i++) {
            many.append(i == 0 ? "" : ",")
                    .append("{\"type\":\"contact\",\"id\":\"")
                    .append(UUID.randomUUID())
                    .append("\"}");
        }
        assertProblem(
                api.postJson("/api/v1/activities", "{\"type\":\"task\",\"subject\":\"x\",\"links\":[" + many + "]}"),
                400,
                "links");
        assertProblem(api.get("/api/v1/activities?sort=colour"), 400, "sort");
        assertProblem(api.get("/api/v1/activities?cursor=bm90LWEtY3Vyc29y"), 400, "cursor");
        assertProblem(api.get("/api/v1/activities?limit=500"), 400, "limit");
        assertProblem(api.get("/api/v1/activities?filter[type]=email"), 400, "filter[type]");
        assertProblem(api.get("/api/v1/activities?filter[due]=someday"), 400, "filter[due]");
        assertProblem(api.get("/api/v1/activities?filter[ownerId]=boss"), 400, "filter[ownerId]");
        assertProblem(api.get("/api/v1/activities?filter[recordType]=contact"), 400, "filter[recordId]");
        assertProblem(api.get("/api/v1/activities/not-a-uuid"), 400, "id");

        String id = create("{\"type\":\"task\",\"subject\":\"Kept\"," + links + "}");
        assertProblem(
                api.send("PATCH", "/api/v1/activities/" + id, "application/json", "{\"colour\":1}", null),
                400,
                "colour");
        assertProblem(
                api.send("PATCH", "/api/v1/activities/" + id, "application/json", "{\"subject\":null}", null),
                400,
                "subject");
        assertProblem(
                api.send("PATCH", "/api/v1/activities/" + id, "application/json", "{\"done\":\"yes\"}", null),
                400,
                "done");
        assertProblem(
                api.send("PATCH", "/api/v1/activities/" + id, "application/json", "{\"links\":[]}", null),
                400,
                "links");
        assertProblem(
                api.send(
                        "PATCH",
                        "/api/v1/activities/" + id,
                        "application/json",
                        "{\"links\":[{\"type\":\"contact\",\"id\":\"bad\"}]}",
                        null),
                400,
                "links[0].id");
        assertProblem(
                api.send("PATCH", "/api/v1/activities/" + id, "application/json", "{\"subject\":\"y\"}", "v1-bad"),
                400,
                "If-Match");
        assertThat(api.get("/api/v1/activities/" + id).body()).contains("\"subject\":\"Kept\"", "\"version\":1");
    }

    @Test
    void anotherClientsActivitiesAndRecordsAreNotFound() {
        String contact = contact("Secret Sam");
        String id = create(
                "{\"type\":\"task\",\"subject\":\"Secret plan\",\"links\":[{\"type\":\"contact\",\"id\":\"%s\"}]}"
                        .formatted(contact));
        SignedUp other = signUpAndVerify("Nosy Activities Co");
        Browserless nosy = other.session();
        assertThat(nosy.get("/api/v1/activities/" + id).statusCode()).isEqualTo(404);
        assertThat(nosy.send("PATCH", "/api/v1/activities/" + id, "application/json", "{\"subject\":\"x\"}", null)
                        .statusCode())
                .isEqualTo(404);
        assertThat(nosy.delete("/api/v1/activities/" + id).statusCode()).isEqualTo(404);
        assertThat(nosy.postJson("/api/v1/activities/" + id + "/complete", "").statusCode())
                .isEqualTo(404);
        assertThat(nosy.get("/api/v1/activities").body()).doesNotContain(id);
        assertThat(nosy.get("/api/v1/activities?filter[recordType]=contact&filter[recordId]=" + contact)
                        .statusCode())
                .isEqualTo(404);

        HttpResponse<String> foreignLink = nosy.postJson(
                "/api/v1/activities",
                "{\"type\":\"task\",\"subject\":\"Spy\",\"links\":[{\"type\":\"contact\",\"id\":\"%s\"}]}"
                        .formatted(contact));
        assertProblem(foreignLink, 400, "links[0].id");
        assertThat(foreignLink.body()).doesNotContain("Secret Sam").doesNotContain("Activities Co");
        assertThat(foreignLink.body())
                .as("the same answer as for an id that exists nowhere")
                .isEqualTo(nosy.postJson(
                                "/api/v1/activities",
                                "{\"type\":\"task\",\"subject\":\"Spy\",\"links\":[{\"type\":\"contact\",\"id\":\"%s\"}]}"
                                        .formatted(UUID.randomUUID()))
                        .body()
                        .replaceAll("\"instance\":\"[^\"]*\"", "\"instance\":\"/api/v1/activities\""));
        assertThat(api.get("/api/v1/activities/" + id).body()).contains("Secret plan");
    }

    @Test
    void aRetriedCreateWithAnIdempotencyKeyMakesOneActivity() {
        String contact = contact("Idem Ida");
        String key = UUID.randomUUID().toString();
        String body = "{\"type\":\"task\",\"subject\":\"Once\",\"links\":[{\"type\":\"contact\",\"id\":\"" + contact
                + "\"}]}";
        HttpResponse<String> first = api.postJsonWith("/api/v1/activities", body, key);
        HttpResponse<String> again = api.postJsonWith("/api/v1/activities", body, key);
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(ids("/api/v1/activities?filter[recordType]=contact&filter[recordId]=" + contact))
                .hasSize(1);
    }

    @Test
    void activitiesAppearOnTheLinkedContactsTimeline() {
        String contact = contact("Timeline Tina");
        String note = create("""
                {"type":"note","subject":"Lunch with Tina","body":"<p>She likes <em>green</em> tea</p>","links":[{"type":"contact","id":"%s"}]}""".formatted(contact));
        String task =
                create("{\"type\":\"task\",\"subject\":\"Send Tina the offer\",\"dueAt\":\"2031-01-02T03:04:05Z\","
                        + "\"links\":[{\"type\":\"contact\",\"id\":\"%s\"}]}".formatted(contact));
        api.postJson("/api/v1/activities/" + task + "/complete", "");
        String timeline = Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(
                        () -> api.get("/api/v1/contacts/" + contact + "/timeline")
                                .body(),
                        body -> body.contains("activity.completed") && body.contains("Lunch with Tina"));
        assertThat(timeline)
                .contains("\"kind\":\"activity.created\"")
                .contains("\"summary\":\"Lunch with Tina\"")
                .contains("\"summary\":\"Send Tina the offer\"")
                .contains("\"field\":\"body\",\"from\":null,\"to\":\"She likes green tea\"")
                .contains("\"field\":\"dueAt\",\"from\":null,\"to\":\"2031-01-02T03:04:05Z\"")
                .contains("\"field\":\"type\",\"from\":null,\"to\":\"note\"");
        assertThat(owner.session().page("/contacts/" + contact + "/timeline").body())
                .contains("added an activity")
                .contains("completed an activity");
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> TenantContext.callAs(
                                new TenantId(owner.tenantId()),
                                null,
                                () -> jdbc.sql("select count(*) from timeline_entries where record_type = 'activity'"
                                                + " and record_id = ? and kind = 'activity.created'")
                                        .param(UUID.fromString(note))
                                        .query(Integer.class)
                                        .single())
                        == 1);
    }

    @Test
    void readOnlyUsersSeeActivitiesButCannotChangeThem() {
        String contact = contact("Viewer Vic");
        String id =
                create("{\"type\":\"task\",\"subject\":\"Look only\",\"links\":[{\"type\":\"contact\",\"id\":\"%s\"}]}"
                        .formatted(contact));
        Joined viewer = inviteAndJoin(owner, "read-only");
        assertThat(viewer.session().get("/api/v1/activities/" + id).statusCode())
                .isEqualTo(200);
        assertThat(viewer.session()
                        .postJson(
                                "/api/v1/activities",
                                "{\"type\":\"task\",\"subject\":\"No\",\"links\":[{\"type\":\"contact\",\"id\":\"%s\"}]}"
                                        .formatted(contact))
                        .statusCode())
                .isEqualTo(403);
        assertThat(viewer.session()
                        .postJson("/api/v1/activities/" + id + "/complete", "")
                        .statusCode())
                .isEqualTo(403);
        assertThat(viewer.session().delete("/api/v1/activities/" + id).statusCode())
                .isEqualTo(403);
        assertThat(api.get("/api/v1/activities/" + id).body()).contains("\"done\":false", "\"deletedAt\":null");
    }

    @Test
    void purgedRecordsTakeTheirLinksAndOrphanedActivitiesGoToTheTrash() {
        String gone = contact("Gone Gary");
        String stays = contact("Staying Stan");
        String onlyGone =
                create("{\"type\":\"task\",\"subject\":\"Only Gary\",\"links\":[{\"type\":\"contact\",\"id\":\"%s\"}]}"
                        .formatted(gone));
        String both = create(("{\"type\":\"task\",\"subject\":\"Both\",\"links\":[{\"type\":\"contact\",\"id\":\"%s\"},"
                        + "{\"type\":\"contact\",\"id\":\"%s\"}]}")
                .formatted(gone, stays));
        api.delete("/api/v1/contacts/" + gone);
        TenantId tenant = new TenantId(owner.tenantId());
        TenantContext.runAs(
                tenant,
                null,
                () -> jdbc.sql("update contacts set deleted_at = now() - interval '31 days' where id = ?")
                        .param(UUID.fromString(gone))
                        .update());
        purge.purge(tenant);
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> api.get("/api/v1/activities/" + onlyGone).body().contains("\"deletedAt\":\"20"));
        JsonNode remaining = json.readTree(api.get("/api/v1/activities/" + both).body());
        assertThat(remaining.get("deletedAt").isNull()).isTrue();
        assertThat(remaining.get("links")).hasSize(1);
        assertThat(remaining.get("links").get(0).get("id").asString()).isEqualTo(stays);
    }

    @Test
    void theDashboardGetsTheCallersDueTodayAndOverdueCount() {
        SignedUp owner = signUpAndVerify("Dashboard Co");
        Browserless api = owner.session();
        String contact = Browserless.jsonField(
                api.postJson("/api/v1/contacts", "{\"firstName\":\"Dora\"}").body(), "id");
        Joined member = inviteAndJoin(owner, "member");
        Instant now = Instant.now();
        String links = ",\"links\":[{\"type\":\"contact\",\"id\":\"" + contact + "\"}]}";
        // an hour from now is today in a zone where the day still has more than an hour left
        java.time.ZoneId zone = java.util.stream.Stream.of("Pacific/Kiritimati", "UTC", "Pacific/Pago_Pago")
                .map(java.time.ZoneId::of)
                .filter(z -> java.time.LocalDate.ofInstant(now.plus(2, ChronoUnit.HOURS), z)
                        .equals(java.time.LocalDate.ofInstant(now, z)))
                .findFirst()
                .orElseThrow();
        String soon = create(
                api,
                "{\"type\":\"call\",\"subject\":\"Soon\",\"dueAt\":\"" + now.plus(1, ChronoUnit.HOURS) + "\"" + links);
        create(
                api,
                "{\"type\":\"task\",\"subject\":\"Late one\",\"dueAt\":\"" + now.minus(1, ChronoUnit.HOURS) + "\""
                        + links);
        create(
                api,
                "{\"type\":\"task\",\"subject\":\"Late two\",\"dueAt\":\"" + now.minus(9, ChronoUnit.DAYS) + "\""
                        + links);
        String lateDone = create(
                api,
                "{\"type\":\"task\",\"subject\":\"Late done\",\"dueAt\":\"" + now.minus(2, ChronoUnit.DAYS) + "\""
                        + links);
        api.postJson("/api/v1/activities/" + lateDone + "/complete", "");
        create(
                api,
                "{\"type\":\"task\",\"subject\":\"Theirs\",\"ownerId\":\"" + member.userId() + "\",\"dueAt\":\""
                        + now.minus(1, ChronoUnit.HOURS) + "\"" + links);

        TenantId tenant = new TenantId(owner.tenantId());
        io.team365.identity.SignedInUser me = new io.team365.identity.SignedInUser(
                owner.userId(), owner.email(), "Olive Owner", tenant, io.team365.identity.Role.OWNER);
        var context = org.springframework.security.core.context.SecurityContextHolder.createEmptyContext();
        context.setAuthentication(
                new org.springframework.security.authentication.TestingAuthenticationToken(me, null, "ROLE_OWNER"));
        org.springframework.security.core.context.SecurityContextHolder.setContext(context);
        try {
            long overdue = TenantContext.callAs(tenant, owner.userId(), () -> activities.overdueCount());
            List<Activity> today = TenantContext.callAs(tenant, owner.userId(), () -> activities.dueToday(zone));
            assertThat(overdue).as("open, mine, past their due time").isEqualTo(2);
            assertThat(today).extracting(a -> a.id().toString()).containsExactly(soon);
        } finally {
            org.springframework.security.core.context.SecurityContextHolder.clearContext();
        }
    }

    @Test
    void theOpenApiDocumentDescribesActivities() {
        String docs = api.get("/v3/api-docs").body();
        assertThat(docs)
                .contains("\"/api/v1/activities\"")
                .contains("\"/api/v1/activities/{id}\"")
                .contains("\"/api/v1/activities/{id}/complete\"")
                .contains("\"/api/v1/activities/{id}/reopen\"")
                .contains("\"/api/v1/activities/{id}/restore\"")
                .contains("filter[due]");
    }

    private String contact(String name) {
        String[] parts = name.split(" ");
        HttpResponse<String> created = api.postJson(
                "/api/v1/contacts", "{\"firstName\":\"%s\",\"lastName\":\"%s\"}".formatted(parts[0], parts[1]));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return Browserless.jsonField(created.body(), "id");
    }

    private String create(String body) {
        HttpResponse<String> created = api.postJson("/api/v1/activities", body);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return Browserless.jsonField(created.body(), "id");
    }

    private static String create(Browserless api, String body) {
        HttpResponse<String> created = api.postJson("/api/v1/activities", body);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return Browserless.jsonField(created.body(), "id");
    }

    private List<String> ids(String url) {
        HttpResponse<String> page = api.get(url);
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        json.readTree(page.body())
                .get("data")
                .forEach(item -> ids.add(item.get("id").asString()));
        return ids;
    }

    private static void assertProblem(HttpResponse<String> response, int status, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(response.body()).contains("\"field\":\"" + field + "\"");
    }
}
