package io.team365.leads;

import static org.assertj.core.api.Assertions.assertThat;

import io.team365.support.Browserless;
import io.team365.support.IntegrationTest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LeadApiTests extends IntegrationTest {

    private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");

    SignedUp owner;
    Browserless api;

    @BeforeAll
    void anOrganisationWithAToken() {
        owner = signUpAndVerify("Leads Co");
        api = client().withBearer(token(owner.session()));
    }

    @Test
    void createReadPatchWithETagsTrashAndRestore() {
        HttpResponse<String> created = api.postJson("/api/v1/leads", """
                {"firstName":"Lena","lastName":"Lead","emails":[{"address":"Lena@Example.COM","label":"work"}],
                 "phones":[{"number":"+49 30 1234567","label":"office"}],"jobTitle":"Buyer",
                 "companyName":"Lena Trading","tags":["Fair","fair"],"source":"trade fair"}""");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = Browserless.jsonField(created.body(), "id");
        assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/leads/" + id);
        assertThat(created.headers().firstValue("ETag")).hasValue("\"v1\"");
        assertThat(created.body())
                .contains("\"address\":\"lena@example.com\"", "\"primary\":true", "\"tags\":[\"fair\"]")
                .contains("\"status\":\"new\"", "\"companyName\":\"Lena Trading\"", "\"convertedAt\":null")
                .contains("\"ownerId\":\"" + owner.userId() + "\"");

        HttpResponse<String> read = api.get("/api/v1/leads/" + id);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.headers().firstValue("ETag")).hasValue("\"v1\"");

        HttpResponse<String> patched = api.send(
                "PATCH",
                "/api/v1/leads/" + id,
                "application/merge-patch+json",
                "{\"status\":\"unqualified\",\"unqualifiedReason\":\"No budget this year\",\"jobTitle\":null}",
                "\"v1\"");
        assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
        assertThat(patched.headers().firstValue("ETag")).hasValue("\"v2\"");
        assertThat(patched.body())
                .contains("\"status\":\"unqualified\"", "\"unqualifiedReason\":\"No budget this year\"")
                .contains("\"jobTitle\":null", "\"firstName\":\"Lena\"");

        HttpResponse<String> requalified = api.send(
                "PATCH", "/api/v1/leads/" + id, "application/merge-patch+json", "{\"status\":\"qualified\"}", "\"v2\"");
        assertThat(requalified.body())
                .as("the reason goes with the unqualified status")
                .contains("\"status\":\"qualified\"", "\"unqualifiedReason\":null");

        HttpResponse<String> stale = api.send(
                "PATCH", "/api/v1/leads/" + id, "application/merge-patch+json", "{\"lastName\":\"Lost\"}", "\"v1\"");
        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(stale.body()).contains("\"currentVersion\":3");
        assertThat(api.get("/api/v1/leads/" + id).body()).doesNotContain("Lost");

        assertThat(api.delete("/api/v1/leads/" + id).statusCode()).isEqualTo(204);
        assertThat(api.get("/api/v1/leads?q=Lena").body()).doesNotContain(id);
        assertThat(api.get("/api/v1/leads?filter[deleted]=true").body()).contains(id);
        assertThat(api.send("PATCH", "/api/v1/leads/" + id, "application/json", "{\"lastName\":\"x\"}", null)
                        .statusCode())
                .as("no edits in the trash")
                .isEqualTo(404);
        HttpResponse<String> restored = api.postJson("/api/v1/leads/" + id + "/restore", "");
        assertThat(restored.statusCode()).isEqualTo(200);
        assertThat(api.get("/api/v1/leads?q=lena%20trading").body())
                .as("q searches the company name")
                .contains(id);

        assertThat(api.get("/api/v1/audit?recordId=" + id).body())
                .contains("lead.created", "lead.viewed", "lead.updated", "lead.trashed", "lead.restored");

        String timeline = Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(
                        () -> api.get("/api/v1/leads/" + id + "/timeline").body(),
                        body -> body.contains("lead.restored"));
        assertThat(timeline)
                .contains("lead.created", "lead.trashed")
                .contains("\"field\":\"status\",\"from\":\"unqualified\",\"to\":\"qualified\"");
    }

    @Test
    void listsPageWithCursorsWithoutGapsOrRepeats() {
        String tag = "page-" + UUID.randomUUID().toString().substring(0, 6);
        for (int i = 0; i < 7; i++) {
            assertThat(api.postJson(
                                    "/api/v1/leads",
                                    "{\"firstName\":\"P%d\",\"lastName\":\"Zed%d\",\"companyName\":\"Co%d\",\"tags\":[\"%s\"]}"
                                            .formatted(i, 6 - i, i, tag))
                            .statusCode())
                    .isEqualTo(201);
        }
        for (String sort : List.of("-updatedAt", "createdAt", "lastName", "-companyName")) {
            Set<String> seen = new HashSet<>();
            List<String> order = new ArrayList<>();
            String cursor = null;
            int pages = 0;
            do {
                String url = "/api/v1/leads?limit=3&sort=" + sort + "&filter[tag]=" + tag
                        + (cursor == null ? "" : "&cursor=" + cursor);
                HttpResponse<String> page = api.get(url);
                assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
                Matcher ids = ID.matcher(page.body());
                while (ids.find()) {
                    assertThat(seen.add(ids.group(1)))
                            .as("no repeats with " + sort)
                            .isTrue();
                    order.add(ids.group(1));
                }
                cursor = page.body().contains("\"nextCursor\":null")
                        ? null
                        : Browserless.jsonField(page.body(), "nextCursor");
                pages++;
            } while (cursor != null && pages < 10);
            assertThat(seen).as("every lead once with " + sort).hasSize(7);
            assertThat(pages).isEqualTo(3);
        }
        String byCompany = api.get("/api/v1/leads?limit=7&sort=-companyName&filter[tag]=" + tag)
                .body();
        assertThat(byCompany.indexOf("Co6")).isLessThan(byCompany.indexOf("Co0"));
        String byName = api.get("/api/v1/leads?limit=7&sort=lastName&filter[tag]=" + tag)
                .body();
        assertThat(byName.indexOf("Zed0")).isLessThan(byName.indexOf("Zed6"));
    }

    @Test
    void filtersOnStatusCompanyNameSourceAndCustomFields() {
        String mark = UUID.randomUUID().toString().substring(0, 8);
        api.postJson(
                "/api/v1/custom-fields",
                "{\"object\":\"lead\",\"key\":\"score\",\"label\":\"Score\",\"type\":\"number\"}");
        String hot = id(api.postJson("/api/v1/leads", """
                {"lastName":"Hot","companyName":"Hot %s","source":"web","status":"qualified","customFields":{"score":90}}""".formatted(mark)));
        String cold = id(api.postJson("/api/v1/leads", """
                {"lastName":"Cold","companyName":"Cold %s","source":"web","status":"contacted","customFields":{"score":10}}""".formatted(mark)));
        String q = "&filter[companyName][contains]=" + mark;
        assertThat(api.get("/api/v1/leads?filter[status]=qualified" + q).body())
                .contains(hot)
                .doesNotContain(cold);
        assertThat(api.get("/api/v1/leads?filter[status][ne]=qualified" + q).body())
                .contains(cold)
                .doesNotContain(hot);
        assertThat(api.get("/api/v1/leads?filter[customFields.score][gt]=50" + q)
                        .body())
                .contains(hot)
                .doesNotContain(cold);
        assertThat(api.get("/api/v1/leads?filter[ownerId]=me&filter[source]=web" + q)
                        .body())
                .contains(hot, cold);
        String sorted = api.get("/api/v1/leads?sort=-customFields.score" + q).body();
        assertThat(sorted.indexOf(hot)).isLessThan(sorted.indexOf(cold));
        assertProblem(api.get("/api/v1/leads?filter[status]=lukewarm"), 400, "filter[status]");
        assertProblem(api.get("/api/v1/leads?filter[shoe]=1"), 400, "filter[shoe]");
    }

    @Test
    void badInputIsNamedFieldByField() {
        assertProblem(api.postJson("/api/v1/leads", "{}"), 400, "firstName");
        assertProblem(api.postJson("/api/v1/leads", "{\"firstName\":\"A\",\"nickname\":\"x\"}"), 400, "nickname");
        assertProblem(api.postJson("/api/v1/leads", "{\"firstName\":[1]}"), 400, "firstName");
        assertProblem(api.postJson("/api/v1/leads", "{\"firstName\":\"" + "a".repeat(101) + "\"}"), 400, "firstName");
        assertProblem(
                api.postJson("/api/v1/leads", "{\"firstName\":\"A\",\"companyName\":\"" + "c".repeat(201) + "\"}"),
                400,
                "companyName");
        assertProblem(api.postJson("/api/v1/leads", "{\"firstName\":\"A\",\"status\":\"hot\"}"), 400, "status");
        assertProblem(api.postJson("/api/v1/leads", "{\"firstName\":\"A\",\"status\":\"converted\"}"), 400, "status");
        assertProblem(
                api.postJson("/api/v1/leads", "{\"firstName\":\"A\",\"status\":\"unqualified\"}"),
                400,
                "unqualifiedReason");
        assertProblem(
                api.postJson(
                        "/api/v1/leads",
                        "{\"firstName\":\"A\",\"status\":\"unqualified\",\"unqualifiedReason\":\"" + "r".repeat(501)
                                + "\"}"),
                400,
                "unqualifiedReason");
        assertProblem(
                api.postJson("/api/v1/leads", "{\"firstName\":\"A\",\"emails\":[{\"address\":\"nope\"}]}"),
                400,
                "emails[0].address");
        assertProblem(
                api.postJson("/api/v1/leads", "{\"firstName\":\"A\",\"phones\":[{\"number\":\"call me\"}]}"),
                400,
                "phones[0].number");
        assertProblem(
                api.postJson("/api/v1/leads", "{\"firstName\":\"A\",\"tags\":[\"" + "t".repeat(51) + "\"]}"),
                400,
                "tags[0]");
        assertProblem(
                api.postJson("/api/v1/leads", "{\"firstName\":\"A\",\"ownerId\":\"" + UUID.randomUUID() + "\"}"),
                400,
                "ownerId");
        assertProblem(
                api.postJson("/api/v1/leads", "{\"firstName\":\"A\",\"ownerId\":\"not-a-uuid\"}"), 400, "ownerId");
        assertProblem(
                api.postJson("/api/v1/leads", "{\"firstName\":\"A\",\"customFields\":{\"shoe\":42}}"),
                400,
                "customFields.shoe");
        assertProblem(api.get("/api/v1/leads?sort=shoeSize"), 400, "sort");
        assertProblem(api.get("/api/v1/leads?cursor=bm90LWEtY3Vyc29y"), 400, "cursor");
        assertProblem(api.get("/api/v1/leads?limit=500"), 400, "limit");
        assertProblem(api.get("/api/v1/leads/not-a-uuid"), 400, "id");
        String id = id(api.postJson("/api/v1/leads", "{\"firstName\":\"Kept\"}"));
        assertProblem(api.send("PATCH", "/api/v1/leads/" + id, "application/json", "{\"shoe\":1}", null), 400, "shoe");
        assertProblem(
                api.send("PATCH", "/api/v1/leads/" + id, "application/json", "{\"firstName\":null}", null),
                400,
                "firstName");
        assertProblem(
                api.send("PATCH", "/api/v1/leads/" + id, "application/json", "{\"status\":7}", null), 400, "status");
        assertProblem(
                api.send("PATCH", "/api/v1/leads/" + id, "application/json", "{\"lastName\":\"x\"}", "v1-bad"),
                400,
                "If-Match");
        assertThat(api.get("/api/v1/leads/" + id).body()).contains("\"firstName\":\"Kept\"", "\"version\":1");
        assertThat(api.get("/api/v1/leads/" + UUID.randomUUID()).statusCode()).isEqualTo(404);
    }

    @Test
    void anotherClientsLeadsAreNotFound() {
        String id = id(api.postJson("/api/v1/leads", "{\"firstName\":\"Secret\",\"companyName\":\"Hidden Ltd\"}"));
        SignedUp other = signUpAndVerify("Nosy Leads Co");
        Browserless nosy = other.session();
        for (HttpResponse<String> response : List.of(
                nosy.get("/api/v1/leads/" + id),
                nosy.send("PATCH", "/api/v1/leads/" + id, "application/json", "{\"firstName\":\"x\"}", null),
                nosy.delete("/api/v1/leads/" + id),
                nosy.postJson("/api/v1/leads/" + id + "/restore", ""),
                nosy.postJson("/api/v1/leads/" + id + "/convert", "{}"),
                nosy.get("/api/v1/leads/" + id + "/timeline"),
                nosy.get("/leads/" + id))) {
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.body()).doesNotContain("Secret", "Hidden Ltd");
        }
        assertThat(nosy.get("/api/v1/leads?q=Secret").body()).doesNotContain(id);
        HttpResponse<String> bulk = nosy.postJson(
                "/api/v1/leads/bulk", "{\"ids\":[\"" + id + "\"],\"action\":\"add-tag\",\"tag\":\"mine\"}");
        assertThat(bulk.body()).contains("\"changed\":0", id);
        assertThat(api.get("/api/v1/leads/" + id).body()).contains("Secret").doesNotContain("mine");
    }

    @Test
    void aRetriedCreateWithAnIdempotencyKeyMakesOneLead() {
        String key = UUID.randomUUID().toString();
        String body = "{\"firstName\":\"Once\",\"lastName\":\"" + key + "\"}";
        HttpResponse<String> first = api.postJsonWith("/api/v1/leads", body, key);
        HttpResponse<String> again = api.postJsonWith("/api/v1/leads", body, key);
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(api.get("/api/v1/leads?q=" + key).body().split("\"id\"", -1)).hasSize(2);
    }

    @Test
    void bulkActionsChangeEachLeadOnItsOwn() {
        String a = id(api.postJson("/api/v1/leads", "{\"firstName\":\"Bulk A\"}"));
        String b = id(api.postJson("/api/v1/leads", "{\"firstName\":\"Bulk B\"}"));
        String tag = "b" + UUID.randomUUID().toString().substring(0, 6);
        HttpResponse<String> tagged = api.postJson(
                "/api/v1/leads/bulk",
                "{\"ids\":[\"%s\",\"%s\",\"%s\"],\"action\":\"add-tag\",\"tag\":\"%s\"}"
                        .formatted(a, b, UUID.randomUUID(), tag));
        assertThat(tagged.statusCode()).as(tagged.body()).isEqualTo(200);
        assertThat(tagged.body()).contains("\"changed\":2");
        assertThat(api.get("/api/v1/leads?filter[tag]=" + tag).body()).contains(a, b);
        assertProblem(api.postJson("/api/v1/leads/bulk", "{\"ids\":[],\"action\":\"delete\"}"), 400, "ids");
        assertProblem(
                api.postJson("/api/v1/leads/bulk", "{\"ids\":[\"" + a + "\"],\"action\":\"explode\"}"), 400, "action");
        assertThat(api.postJson("/api/v1/leads/bulk", "{\"ids\":[\"%s\"],\"action\":\"delete\"}".formatted(a))
                        .body())
                .contains("\"changed\":1");
        assertThat(api.get("/api/v1/leads?filter[deleted]=true").body()).contains(a);
    }

    @Test
    void readOnlyUsersMayReadButNotChange() {
        String id = id(api.postJson("/api/v1/leads", "{\"firstName\":\"Readable\"}"));
        Joined readOnly = inviteAndJoin(owner, "read-only");
        Browserless reader = client().withBearer(token(readOnly.session()));
        assertThat(reader.get("/api/v1/leads/" + id).statusCode()).isEqualTo(200);
        assertThat(reader.postJson("/api/v1/leads", "{\"firstName\":\"No\"}").statusCode())
                .isEqualTo(403);
        assertThat(reader.send("PATCH", "/api/v1/leads/" + id, "application/json", "{\"firstName\":\"No\"}", null)
                        .statusCode())
                .isEqualTo(403);
        assertThat(reader.delete("/api/v1/leads/" + id).statusCode()).isEqualTo(403);
        assertThat(reader.postJson("/api/v1/leads/" + id + "/convert", "{}").statusCode())
                .isEqualTo(403);
        assertThat(api.get("/api/v1/leads/" + id).body()).contains("\"status\":\"new\"", "\"version\":1");
    }

    @Test
    void theApiIsDocumented() {
        String docs = api.get("/v3/api-docs").body();
        assertThat(docs).contains("/api/v1/leads", "/api/v1/leads/{id}/convert", "/api/v1/leads/bulk");
    }

    private String token(Browserless session) {
        return Browserless.jsonField(
                session.postJson("/api/v1/me/tokens", "{\"name\":\"crm\"}").body(), "token");
    }

    private static String id(HttpResponse<String> created) {
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return Browserless.jsonField(created.body(), "id");
    }

    static void assertProblem(HttpResponse<String> response, int status, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(response.body()).contains("\"field\":\"" + field + "\"");
    }
}
