package io.team365.companies;

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
class CompanyApiTests extends IntegrationTest {

    private static final Pattern ID = Pattern.compile("\\{\"id\":\"([0-9a-f-]{36})\"");

    SignedUp owner;
    Browserless api;

    @BeforeAll
    void anOrganisationWithAToken() {
        owner = signUpAndVerify("Companies Co");
        api = apiClient(owner.session());
        assertThat(api.postJson(
                                "/api/v1/custom-fields",
                                "{\"object\":\"company\",\"key\":\"employees\",\"label\":\"Employees\",\"type\":\"number\"}")
                        .statusCode())
                .isEqualTo(201);
        assertThat(api.postJson(
                                "/api/v1/custom-fields",
                                "{\"object\":\"company\",\"key\":\"segment\",\"label\":\"Segment\",\"type\":\"select\","
                                        + "\"options\":[\"smb\",\"enterprise\"]}")
                        .statusCode())
                .isEqualTo(201);
    }

    @Test
    void createReadPatchWithETagsTrashAndRestore() {
        HttpResponse<String> created = api.postJson("/api/v1/companies", """
                {"name":"Acme Corp","domain":"https://www.Acme.com/about","industry":"Manufacturing","size":"51-200",
                 "address":{"street":"1 Road Runner Way","city":"Phoenix","region":"AZ","postalCode":"85001",
                 "country":"us"},"phone":"+1 602 555 0100","website":"https://acme.example",
                 "tags":["Partner","partner","b2b"],"customFields":{"employees":120,"segment":"smb"}}""");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = Browserless.jsonField(created.body(), "id");
        assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/companies/" + id);
        assertThat(created.headers().firstValue("ETag")).hasValue("\"v1\"");
        assertThat(created.body())
                .contains("\"domain\":\"acme.com\"", "\"country\":\"US\"", "\"size\":\"51-200\"")
                .contains("\"tags\":[\"partner\",\"b2b\"]")
                .contains("\"ownerId\":\"" + owner.userId() + "\"")
                .as("numbers in canonical form")
                .contains("\"employees\":\"120\"", "\"segment\":\"smb\"");

        HttpResponse<String> read = api.get("/api/v1/companies/" + id);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.headers().firstValue("ETag")).hasValue("\"v1\"");
        assertThat(read.body()).contains("\"name\":\"Acme Corp\"", "\"city\":\"Phoenix\"");

        HttpResponse<String> patched = api.send(
                "PATCH",
                "/api/v1/companies/" + id,
                "application/merge-patch+json",
                "{\"industry\":null,\"address\":{\"city\":\"Tucson\",\"postalCode\":null},"
                        + "\"customFields\":{\"segment\":\"enterprise\",\"employees\":null}}",
                "\"v1\"");
        assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
        assertThat(patched.headers().firstValue("ETag")).hasValue("\"v2\"");
        assertThat(patched.body())
                .contains("\"industry\":null", "\"name\":\"Acme Corp\"")
                .as("the address merges part by part")
                .contains("\"street\":\"1 Road Runner Way\"", "\"city\":\"Tucson\"", "\"postalCode\":null")
                .as("custom fields merge key by key")
                .contains("\"segment\":\"enterprise\"")
                .doesNotContain("employees");

        HttpResponse<String> stale = api.send(
                "PATCH", "/api/v1/companies/" + id, "application/merge-patch+json", "{\"name\":\"Lost\"}", "\"v1\"");
        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(stale.body()).contains("\"currentVersion\":2");
        assertThat(api.get("/api/v1/companies/" + id).body()).doesNotContain("Lost");

        assertThat(api.delete("/api/v1/companies/" + id).statusCode()).isEqualTo(204);
        assertThat(api.get("/api/v1/companies?q=acme").body()).doesNotContain(id);
        assertThat(api.get("/api/v1/companies?filter[deleted]=true").body()).contains(id);
        assertThat(api.get("/api/v1/companies/" + id).body()).contains("\"deletedAt\":\"");
        assertThat(api.send("PATCH", "/api/v1/companies/" + id, "application/json", "{\"name\":\"x\"}", null)
                        .statusCode())
                .as("no edits in the trash")
                .isEqualTo(404);
        assertThat(api.delete("/api/v1/companies/" + id).statusCode())
                .as("already in the trash")
                .isEqualTo(404);
        HttpResponse<String> restored = api.postJson("/api/v1/companies/" + id + "/restore", "");
        assertThat(restored.statusCode()).isEqualTo(200);
        assertThat(restored.body()).contains("\"deletedAt\":null");
        assertThat(api.postJson("/api/v1/companies/" + id + "/restore", "").statusCode())
                .as("not in the trash any more")
                .isEqualTo(404);
        assertThat(api.get("/api/v1/companies?q=ACME.com").body()).contains(id);

        assertThat(api.get("/api/v1/audit?recordId=" + id).body())
                .contains(
                        "company.created", "company.viewed", "company.updated", "company.trashed", "company.restored");
    }

    @Test
    void listsPageWithCursorsWithoutGapsOrRepeats() {
        String tag = "page-" + UUID.randomUUID().toString().substring(0, 6);
        for (int i = 0; i < 7; i++) {
            HttpResponse<String> created = api.postJson(
                    "/api/v1/companies",
                    "{\"name\":\"Page %d\",\"domain\":\"d%d.example\",\"tags\":[\"%s\"]}".formatted(i, 6 - i, tag));
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        }
        api.postJson("/api/v1/companies", "{\"name\":\"Page no domain\",\"tags\":[\"" + tag + "\"]}");
        for (String sort : List.of("-updatedAt", "createdAt", "name", "-name", "domain", "-domain")) {
            Set<String> seen = new HashSet<>();
            List<String> order = new ArrayList<>();
            String cursor = null;
            int pages = 0;
            do {
                HttpResponse<String> page = api.get("/api/v1/companies?limit=3&sort=" + sort + "&filter[tag]=" + tag
                        + (cursor == null ? "" : "&cursor=" + cursor));
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
            assertThat(seen).as("every company once with " + sort).hasSize(8);
            assertThat(pages).isEqualTo(3);
        }
        String byDomain = api.get("/api/v1/companies?limit=8&sort=domain&filter[tag]=" + tag)
                .body();
        assertThat(byDomain.indexOf("d0.example")).isLessThan(byDomain.indexOf("d6.example"));
        String byName = api.get("/api/v1/companies?limit=8&sort=-name&filter[tag]=" + tag)
                .body();
        assertThat(byName.indexOf("Page 6")).isLessThan(byName.indexOf("Page 0"));
        String nameCursor = Browserless.jsonField(
                api.get("/api/v1/companies?limit=3&sort=name&filter[tag]=" + tag)
                        .body(),
                "nextCursor");
        assertThat(api.get("/api/v1/companies?limit=3&sort=domain&cursor=" + nameCursor)
                        .statusCode())
                .as("a cursor only continues the order it was made for")
                .isEqualTo(400);
    }

    @Test
    void searchesAndFilters() {
        String mark = UUID.randomUUID().toString().substring(0, 8);
        String globex = id(api.postJson("/api/v1/companies", """
                {"name":"Globex %s","domain":"globex-%s.example","industry":"Energy","size":"5001+"}""".formatted(mark, mark)));
        String initech = id(api.postJson("/api/v1/companies", """
                {"name":"Initech %s","domain":"initech-%s.example","industry":"Software","size":"11-50",
                 "tags":["%s"]}""".formatted(mark, mark, mark)));
        Joined member = inviteAndJoin(owner, "member");
        String hooli = id(api.postJson("/api/v1/companies", """
                {"name":"Hooli %s","ownerId":"%s"}""".formatted(mark, member.userId())));

        assertThat(ids("/api/v1/companies?q=" + mark)).containsExactlyInAnyOrder(globex, initech, hooli);
        assertThat(ids("/api/v1/companies?q=globex-" + mark))
                .as("q matches the domain")
                .containsExactly(globex);
        assertThat(ids("/api/v1/companies?filter[domain]=https://www.INITECH-" + mark + ".example/jobs"))
                .as("the domain filter is normalised like the field")
                .containsExactly(initech);
        assertThat(ids("/api/v1/companies?q=" + mark + "&filter[industry]=energy"))
                .containsExactly(globex);
        assertThat(ids("/api/v1/companies?q=" + mark + "&filter[size]=11-50")).containsExactly(initech);
        assertThat(ids("/api/v1/companies?filter[tag]=" + mark.toUpperCase())).containsExactly(initech);
        assertThat(ids("/api/v1/companies?q=" + mark + "&filter[ownerId]=" + member.userId()))
                .containsExactly(hooli);
        assertThat(ids("/api/v1/companies?q=" + mark + "&filter[ownerId]=" + owner.userId()))
                .containsExactlyInAnyOrder(globex, initech);
        assertProblem(api.get("/api/v1/companies?filter[size]=huge"), 400, "filter[size]");
        assertProblem(api.get("/api/v1/companies?filter[domain]=not%20a%20domain"), 400, "filter[domain]");
        assertProblem(api.get("/api/v1/companies?filter[ownerId]=nobody"), 400, "filter[ownerId]");
    }

    @Test
    void badInputIsNamedFieldByField() {
        assertProblem(api.postJson("/api/v1/companies", "{}"), 400, "name");
        assertProblem(api.postJson("/api/v1/companies", "{\"name\":\"  \"}"), 400, "name");
        assertProblem(api.postJson("/api/v1/companies", "{\"name\":\"A\",\"revenue\":1}"), 400, "revenue");
        assertProblem(
                api.postJson("/api/v1/companies", "{\"name\":\"A\",\"address\":{\"planet\":\"Mars\"}}"), 400, "planet");
        assertProblem(api.postJson("/api/v1/companies", "{\"name\":[1]}"), 400, "name");
        assertProblem(api.postJson("/api/v1/companies", "{\"name\":\"" + "a".repeat(201) + "\"}"), 400, "name");
        assertProblem(
                api.postJson("/api/v1/companies", "{\"name\":\"A\",\"industry\":\"" + "i".repeat(101) + "\"}"),
                400,
                "industry");
        assertProblem(api.postJson("/api/v1/companies", "{\"name\":\"A\",\"domain\":\"localhost\"}"), 400, "domain");
        assertProblem(api.postJson("/api/v1/companies", "{\"name\":\"A\",\"domain\":\"a_b.com\"}"), 400, "domain");
        assertProblem(api.postJson("/api/v1/companies", "{\"name\":\"A\",\"size\":\"12\"}"), 400, "size");
        assertProblem(
                api.postJson("/api/v1/companies", "{\"name\":\"A\",\"address\":{\"country\":\"XX\"}}"),
                400,
                "address.country");
        assertProblem(
                api.postJson("/api/v1/companies", "{\"name\":\"A\",\"address\":{\"country\":\"France\"}}"),
                400,
                "address.country");
        assertProblem(
                api.postJson(
                        "/api/v1/companies",
                        "{\"name\":\"A\",\"address\":{\"postalCode\":\"" + "9".repeat(21) + "\"}}"),
                400,
                "address.postalCode");
        assertProblem(
                api.postJson("/api/v1/companies", "{\"name\":\"A\",\"website\":\"ftp://acme.com\"}"), 400, "website");
        assertProblem(
                api.postJson("/api/v1/companies", "{\"name\":\"A\",\"phone\":\"" + "1".repeat(51) + "\"}"),
                400,
                "phone");
        assertProblem(
                api.postJson("/api/v1/companies", "{\"name\":\"A\",\"ownerId\":\"" + UUID.randomUUID() + "\"}"),
                400,
                "ownerId");
        assertProblem(api.postJson("/api/v1/companies", "{\"name\":\"A\",\"ownerId\":\"nope\"}"), 400, "ownerId");
        assertProblem(
                api.postJson("/api/v1/companies", "{\"name\":\"A\",\"tags\":[\"" + "t".repeat(51) + "\"]}"),
                400,
                "tags[0]");
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 21; i++) {
            many.append(i == 0 ? "" : ",").append("\"t").append(i).append('"');
        }
        assertProblem(api.postJson("/api/v1/companies", "{\"name\":\"A\",\"tags\":[" + many + "]}"), 400, "tags");
        assertProblem(
                api.postJson("/api/v1/companies", "{\"name\":\"A\",\"customFields\":{\"shoe\":42}}"),
                400,
                "customFields.shoe");
        assertProblem(
                api.postJson("/api/v1/companies", "{\"name\":\"A\",\"customFields\":{\"employees\":\"many\"}}"),
                400,
                "customFields.employees");
        assertProblem(
                api.postJson("/api/v1/companies", "{\"name\":\"A\",\"customFields\":{\"segment\":\"galactic\"}}"),
                400,
                "customFields.segment");
        HttpResponse<String> everything = api.postJson(
                "/api/v1/companies", "{\"name\":\"\",\"size\":\"huge\",\"customFields\":{\"employees\":\"x\"}}");
        assertThat(everything.body())
                .as("every problem at once")
                .contains("\"field\":\"name\"", "\"field\":\"size\"", "\"field\":\"customFields.employees\"");
        assertProblem(api.get("/api/v1/companies?sort=revenue"), 400, "sort");
        assertProblem(api.get("/api/v1/companies?cursor=bm90LWEtY3Vyc29y"), 400, "cursor");
        assertProblem(api.get("/api/v1/companies?limit=500"), 400, "limit");
        assertProblem(api.get("/api/v1/companies/not-a-uuid"), 400, "id");

        String id = id(api.postJson("/api/v1/companies", "{\"name\":\"Kept\"}"));
        assertProblem(api.send("PATCH", "/api/v1/companies/" + id, "application/json", "{\"x\":1}", null), 400, "x");
        assertProblem(
                api.send("PATCH", "/api/v1/companies/" + id, "application/json", "{\"name\":null}", null), 400, "name");
        assertProblem(
                api.send("PATCH", "/api/v1/companies/" + id, "application/json", "{\"address\":{\"city\":7}}", null),
                400,
                "address.city");
        assertProblem(
                api.send("PATCH", "/api/v1/companies/" + id, "application/json", "{\"address\":\"here\"}", null),
                400,
                "address");
        assertProblem(
                api.send("PATCH", "/api/v1/companies/" + id, "application/json", "{\"size\":\"2\"}", "v1-bad"),
                400,
                "If-Match");
        assertThat(api.get("/api/v1/companies/" + id).body()).contains("\"name\":\"Kept\"", "\"version\":1");
    }

    @Test
    void anotherClientsCompaniesAreNotFound() {
        String id = id(api.postJson("/api/v1/companies", "{\"name\":\"Secret Holdings\"}"));
        Browserless nosy = signUpAndVerify("Nosy Companies Co").session();
        HttpResponse<String> read = nosy.get("/api/v1/companies/" + id);
        assertThat(read.statusCode()).isEqualTo(404);
        assertThat(read.body()).doesNotContain("Secret");
        assertThat(nosy.send("PATCH", "/api/v1/companies/" + id, "application/json", "{\"name\":\"x\"}", null)
                        .statusCode())
                .isEqualTo(404);
        assertThat(nosy.delete("/api/v1/companies/" + id).statusCode()).isEqualTo(404);
        assertThat(nosy.postJson("/api/v1/companies/" + id + "/restore", "").statusCode())
                .isEqualTo(404);
        assertThat(nosy.get("/api/v1/companies/" + id + "/timeline").statusCode())
                .isEqualTo(404);
        assertThat(nosy.get("/api/v1/companies?q=Secret").body()).doesNotContain(id);
        assertThat(nosy.page("/companies/" + id).statusCode()).isEqualTo(404);
        assertThat(api.get("/api/v1/companies/" + id).body()).contains("Secret Holdings");
    }

    @Test
    void aRetriedCreateWithAnIdempotencyKeyMakesOneCompany() {
        String key = UUID.randomUUID().toString();
        String body = "{\"name\":\"Once " + key + "\"}";
        HttpResponse<String> first = api.postJsonWith("/api/v1/companies", body, key);
        HttpResponse<String> again = api.postJsonWith("/api/v1/companies", body, key);
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(ids("/api/v1/companies?q=" + key)).hasSize(1);
    }

    @Test
    void readOnlyUsersReadButCannotWrite() {
        String id = id(api.postJson("/api/v1/companies", "{\"name\":\"Look Only Ltd\"}"));
        Browserless viewer = inviteAndJoin(owner, "read-only").session();
        assertThat(viewer.get("/api/v1/companies/" + id).statusCode()).isEqualTo(200);
        assertThat(viewer.postJson("/api/v1/companies", "{\"name\":\"Mine\"}").statusCode())
                .isEqualTo(403);
        assertThat(viewer.patchJson("/api/v1/companies/" + id, "{\"name\":\"Mine\"}")
                        .statusCode())
                .isEqualTo(403);
        assertThat(viewer.delete("/api/v1/companies/" + id).statusCode()).isEqualTo(403);
        assertThat(api.get("/api/v1/companies/" + id).body()).contains("\"version\":1");
    }

    @Test
    void changesLandOnTheTimelineWithTheirFieldHistory() {
        String id = id(api.postJson(
                "/api/v1/companies", "{\"name\":\"Tick Tock\",\"domain\":\"ticktock.example\",\"size\":\"1-10\"}"));
        api.send(
                "PATCH",
                "/api/v1/companies/" + id,
                "application/merge-patch+json",
                "{\"size\":\"11-50\",\"address\":{\"city\":\"Lyon\",\"country\":\"fr\"}}",
                "\"v1\"");
        api.delete("/api/v1/companies/" + id);
        String timeline = Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(
                        () -> api.get("/api/v1/companies/" + id + "/timeline").body(),
                        body -> body.split("\"kind\"", -1).length == 4);
        assertThat(timeline)
                .contains("company.created", "company.updated", "company.trashed")
                .contains("\"field\":\"size\",\"from\":\"1-10\",\"to\":\"11-50\"")
                .contains("\"field\":\"address\",\"from\":null,\"to\":\"Lyon, FR\"")
                .contains("\"field\":\"domain\",\"from\":null,\"to\":\"ticktock.example\"");
        assertThat(timeline.indexOf("company.trashed"))
                .as("newest first")
                .isLessThan(timeline.indexOf("company.created"));
        String page = owner.session().page("/companies/" + id + "/timeline").body();
        assertThat(page)
                .contains("changed the company")
                .contains("<del>1-10</del>")
                .contains("<ins>11-50</ins>");
    }

    @Test
    void theApiIsDocumented() {
        String docs = api.get("/v3/api-docs").body();
        assertThat(docs).contains("/api/v1/companies", "/api/v1/companies/{id}", "/api/v1/companies/{id}/restore");
        assertThat(docs).contains("filter[size]", "filter[domain]");
    }

    private List<String> ids(String path) {
        HttpResponse<String> response = api.get(path);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        Matcher m = ID.matcher(response.body());
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
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
