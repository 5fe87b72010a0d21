package io.team365.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import io.team365.support.Browserless;
import io.team365.support.IntegrationTest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContactApiTests extends IntegrationTest {

    private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");

    SignedUp owner;
    Browserless api;

    @BeforeAll
    void anOrganisationWithAToken() {
        owner = signUpAndVerify("Contacts Co");
        api = apiClient(owner.session());
    }

    @Test
    void createReadPatchWithETagsTrashAndRestore() {
        HttpResponse<String> created = api.postJson("/api/v1/contacts", """
                {"firstName":"José","lastName":"Álvarez","emails":[{"address":"Jose@Example.COM","label":"work"}],
                 "phones":[{"number":"+34 600 123 456","label":"mobile"}],"jobTitle":"CTO","tags":["VIP","vip","lead"]}""");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = Browserless.jsonField(created.body(), "id");
        assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/contacts/" + id);
        assertThat(created.headers().firstValue("ETag")).hasValue("\"v1\"");
        assertThat(created.body())
                .contains("\"address\":\"jose@example.com\"", "\"primary\":true")
                .contains("\"tags\":[\"vip\",\"lead\"]");

        HttpResponse<String> read = api.get("/api/v1/contacts/" + id);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).contains("\"firstName\":\"José\"");

        HttpResponse<String> patched = api.send(
                "PATCH",
                "/api/v1/contacts/" + id,
                "application/merge-patch+json",
                "{\"jobTitle\":null,\"lastName\":\"Alvarez\"}",
                "\"v1\"");
        assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
        assertThat(patched.headers().firstValue("ETag")).hasValue("\"v2\"");
        assertThat(patched.body()).contains("\"lastName\":\"Alvarez\"", "\"jobTitle\":null", "\"firstName\":\"José\"");

        HttpResponse<String> stale = api.send(
                "PATCH",
                "/api/v1/contacts/" + id,
                "application/merge-patch+json",
                "{\"lastName\":\"Lost Update\"}",
                "\"v1\"");
        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(stale.body()).contains("\"currentVersion\":2");
        assertThat(api.get("/api/v1/contacts/" + id).body()).doesNotContain("Lost Update");

        assertThat(api.delete("/api/v1/contacts/" + id).statusCode()).isEqualTo(204);
        assertThat(api.get("/api/v1/contacts?q=Alvarez").body()).doesNotContain(id);
        assertThat(api.get("/api/v1/contacts?filter[deleted]=true").body()).contains(id);
        assertThat(api.send("PATCH", "/api/v1/contacts/" + id, "application/json", "{\"lastName\":\"x\"}", null)
                        .statusCode())
                .as("no edits in the trash")
                .isEqualTo(404);
        HttpResponse<String> restored = api.postJson("/api/v1/contacts/" + id + "/restore", "");
        assertThat(restored.statusCode()).isEqualTo(200);
        assertThat(api.get("/api/v1/contacts?q=alvarez").body()).contains(id);

        assertThat(api.get("/api/v1/audit?recordId=" + id).body())
                .contains(
                        "contact.created", "contact.viewed", "contact.updated", "contact.trashed", "contact.restored");
    }

    @Test
    void listsPageWithCursorsWithoutGapsOrRepeats() {
        String tag = "page-" + UUID.randomUUID().toString().substring(0, 6);
        for (int i = 0; i < 7; i++) {
            assertThat(api.postJson(
                                    "/api/v1/contacts",
                                    "{\"firstName\":\"P%d\",\"lastName\":\"Zed%d\",\"tags\":[\"%s\"]}"
                                            .formatted(i, 6 - i, tag))
                            .statusCode())
                    .isEqualTo(201);
        }
        for (String sort : List.of("-updatedAt", "createdAt", "lastName", "-lastName")) {
            Set<String> seen = new HashSet<>();
            List<String> order = new ArrayList<>();
            String cursor = null;
            int pages = 0;
            do {
                String url = "/api/v1/contacts?limit=3&sort=" + sort + "&filter[tag]=" + tag
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
            assertThat(seen).as("every contact once with " + sort).hasSize(7);
            assertThat(pages).isEqualTo(3);
        }
        String nameCursor = Browserless.jsonField(
                api.get("/api/v1/contacts?limit=3&sort=lastName&filter[tag]=" + tag)
                        .body(),
                "nextCursor");
        assertThat(api.get("/api/v1/contacts?limit=3&sort=-updatedAt&cursor=" + nameCursor)
                        .statusCode())
                .as("a cursor only continues the order it was made for")
                .isEqualTo(400);
        String byName = api.get("/api/v1/contacts?limit=7&sort=lastName&filter[tag]=" + tag)
                .body();
        assertThat(byName.indexOf("Zed0")).isLessThan(byName.indexOf("Zed6"));
    }

    @Test
    void badInputIsNamedFieldByField() {
        assertProblem(api.postJson("/api/v1/contacts", "{}"), 400, "firstName");
        assertProblem(api.postJson("/api/v1/contacts", "{\"firstName\":\"A\",\"nickname\":\"x\"}"), 400, "nickname");
        assertProblem(api.postJson("/api/v1/contacts", "{\"firstName\":[1]}"), 400, "firstName");
        assertProblem(
                api.postJson("/api/v1/contacts", "{\"firstName\":\"" + "a".repeat(101) + "\"}"), 400, "firstName");
        assertProblem(
                api.postJson("/api/v1/contacts", "{\"firstName\":\"A\",\"emails\":[{\"address\":\"nope\"}]}"),
                400,
                "emails[0].address");
        assertProblem(
                api.postJson("/api/v1/contacts", "{\"firstName\":\"A\",\"phones\":[{\"number\":\"call me\"}]}"),
                400,
                "phones[0].number");
        assertProblem(
                api.postJson("/api/v1/contacts", "{\"firstName\":\"A\",\"ownerId\":\"" + UUID.randomUUID() + "\"}"),
                400,
                "ownerId");
        assertProblem(
                api.postJson("/api/v1/contacts", "{\"firstName\":\"A\",\"ownerId\":\"not-a-uuid\"}"), 400, "ownerId");
        assertProblem(
                api.postJson("/api/v1/contacts", "{\"firstName\":\"A\",\"customFields\":{\"shoe\":42}}"),
                400,
                "customFields.shoe");
        assertProblem(api.get("/api/v1/contacts?sort=shoeSize"), 400, "sort");
        assertProblem(api.get("/api/v1/contacts?cursor=bm90LWEtY3Vyc29y"), 400, "cursor");
        assertProblem(api.get("/api/v1/contacts?limit=500"), 400, "limit");
        assertProblem(api.get("/api/v1/contacts/not-a-uuid"), 400, "id");
        String id = Browserless.jsonField(
                api.postJson("/api/v1/contacts", "{\"firstName\":\"Kept\"}").body(), "id");
        assertProblem(
                api.send("PATCH", "/api/v1/contacts/" + id, "application/json", "{\"shoe\":1}", null), 400, "shoe");
        assertProblem(
                api.send("PATCH", "/api/v1/contacts/" + id, "application/json", "{\"firstName\":null}", null),
                400,
                "firstName");
        assertProblem(
                api.send("PATCH", "/api/v1/contacts/" + id, "application/json", "{\"lastName\":\"x\"}", "v1-bad"),
                400,
                "If-Match");
        assertThat(api.get("/api/v1/contacts/" + id).body()).contains("\"firstName\":\"Kept\"", "\"version\":1");
        HttpResponse<String> nullElements = api.send(
                "PATCH",
                "/api/v1/contacts/" + id,
                "application/json",
                "{\"tags\":[null,\"kept\"],\"emails\":[null]}",
                null);
        assertThat(nullElements.statusCode())
                .as("null list elements are ignored, not a server error")
                .isEqualTo(200);
        assertThat(nullElements.body()).contains("\"tags\":[\"kept\"]");
    }

    @Test
    void anotherClientsContactsAreNotFound() {
        String id = Browserless.jsonField(
                api.postJson("/api/v1/contacts", "{\"firstName\":\"Secret\"}").body(), "id");
        SignedUp other = signUpAndVerify("Nosy Co");
        Browserless nosy = other.session();
        assertThat(nosy.get("/api/v1/contacts/" + id).statusCode()).isEqualTo(404);
        assertThat(nosy.send("PATCH", "/api/v1/contacts/" + id, "application/json", "{\"firstName\":\"x\"}", null)
                        .statusCode())
                .isEqualTo(404);
        assertThat(nosy.delete("/api/v1/contacts/" + id).statusCode()).isEqualTo(404);
        assertThat(nosy.get("/api/v1/contacts?q=Secret").body()).doesNotContain(id);
        assertThat(api.get("/api/v1/contacts/" + id).body()).contains("Secret");
    }

    @Test
    void aRetriedCreateWithAnIdempotencyKeyMakesOneContact() {
        String key = UUID.randomUUID().toString();
        String body = "{\"firstName\":\"Once\",\"lastName\":\"" + key + "\"}";
        HttpResponse<String> first = api.postJsonWith("/api/v1/contacts", body, key);
        HttpResponse<String> again = api.postJsonWith("/api/v1/contacts", body, key);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(api.get("/api/v1/contacts?q=" + key).body().split("\"id\"", -1))
                .hasSize(2);
    }

    private static void assertProblem(HttpResponse<String> response, int status, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(response.body()).contains("\"field\":\"" + field + "\"");
    }
}
