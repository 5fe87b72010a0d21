package io.team365.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import io.team365.support.Browserless;
import io.team365.support.IntegrationTest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The contact list's filter builder (standard and custom fields), custom-field sorting, saved views, bulk actions. */
class ContactListTests extends IntegrationTest {

    @Test
    void filtersOnStandardAndCustomFieldsInTheApiAndThePage() {
        SignedUp owner = signUpAndVerify("Filter Co");
        Browserless api = owner.session();
        api.postJson(
                "/api/v1/custom-fields",
                "{\"object\":\"contact\",\"key\":\"score\",\"label\":\"Score\",\"type\":\"number\"}");
        api.postJson(
                "/api/v1/custom-fields",
                "{\"object\":\"contact\",\"key\":\"tier\",\"label\":\"Tier\",\"type\":\"select\","
                        + "\"options\":[\"gold\",\"silver\"]}");
        String ann = create(
                api,
                "{\"firstName\":\"Ann\",\"lastName\":\"Archer\",\"jobTitle\":\"CTO\","
                        + "\"tags\":[\"vip\"],\"customFields\":{\"score\":90,\"tier\":\"gold\"}}");
        String ben = create(
                api,
                "{\"firstName\":\"Ben\",\"lastName\":\"Baker\",\"jobTitle\":\"Chef\","
                        + "\"customFields\":{\"score\":40,\"tier\":\"silver\"}}");
        String cat = create(api, "{\"firstName\":\"Cat\",\"lastName\":\"Cole\",\"jobTitle\":\"CFO\"}");

        assertThat(ids(api, "/api/v1/contacts?filter[jobTitle][starts]=c")).containsExactlyInAnyOrder(ann, ben, cat);
        assertThat(ids(api, "/api/v1/contacts?filter[jobTitle][contains]=fo")).containsExactly(cat);
        assertThat(ids(api, "/api/v1/contacts?filter[lastName][starts]=ARC"))
                .as("a prefix range on the name key, any case")
                .containsExactly(ann);
        assertThat(ids(api, "/api/v1/contacts?filter[lastName][starts]=_")).isEmpty();
        assertThat(ids(api, "/api/v1/contacts?sort=lastName")).containsExactly(ann, ben, cat);
        assertThat(ids(api, "/api/v1/contacts?filter[tag]=VIP")).containsExactly(ann);
        assertThat(ids(api, "/api/v1/contacts?filter[customFields.score][gt]=50"))
                .containsExactly(ann);
        assertThat(ids(api, "/api/v1/contacts?filter[customFields.score][empty]="))
                .containsExactly(cat);
        assertThat(ids(api, "/api/v1/contacts?filter[customFields.tier]=silver"))
                .containsExactly(ben);
        assertThat(ids(api, "/api/v1/contacts?filter[ownerId]=me")).hasSize(3);
        assertThat(ids(api, "/api/v1/contacts?filter[jobTitle][starts]=c&filter[customFields.score][lt]=50"))
                .as("conditions all hold")
                .containsExactly(ben);
        assertThat(ids(api, "/api/v1/contacts?sort=-customFields.score&limit=3"))
                .as("sorted by a custom field, those without a value last")
                .containsExactly(ann, ben, cat);
        assertThat(ids(api, "/api/v1/contacts?sort=customFields.score&limit=1")).containsExactly(cat);
        String next = Browserless.jsonField(
                api.get("/api/v1/contacts?sort=customFields.score&limit=1").body(), "nextCursor");
        assertThat(ids(api, "/api/v1/contacts?sort=customFields.score&limit=2&cursor=" + next))
                .as("keyset pages over a custom field")
                .containsExactly(ben, ann);

        HttpResponse<String> unknown = api.get("/api/v1/contacts?filter[salary]=1");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("filter[salary]");
        assertThat(api.get("/api/v1/contacts?filter[customFields.score][gt]=lots")
                        .body())
                .contains("filter[customFields.score]");
        assertThat(api.get("/api/v1/contacts?filter[tag][gt]=1").statusCode())
                .as("an operator the field does not take")
                .isEqualTo(400);
        assertThat(api.get("/api/v1/contacts?filter[customFields.tier]=bronze").statusCode())
                .isEqualTo(400);
        assertThat(api.get("/api/v1/contacts?filter[jobTitle][contains]=%25").body())
                .as("a % is searched for literally")
                .contains("\"data\":[]");

        String page = api.page("/contacts?ff=customFields.score&fo=gte&fv=40&cols=customFields.score&cols=jobTitle")
                .body();
        assertThat(page).contains("Ann Archer").contains("Ben Baker").doesNotContain("Cat Cole");
        assertThat(page).contains("<th scope=\"col\"").contains(">Score</").containsPattern(">\\s*90\\s*<");
        HttpResponse<String> bad = api.page("/contacts?ff=customFields.score&fo=gt&fv=lots");
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(bad.body()).contains("does not fit the field");
    }

    @Test
    void savedViewsArePersonalUnlessShared() {
        SignedUp owner = signUpAndVerify("Views Co");
        Joined colleague = inviteAndJoin(owner, "member");
        Joined reader = inviteAndJoin(owner, "read-only");
        Browserless api = owner.session();
        create(api, "{\"firstName\":\"Vera\",\"jobTitle\":\"CEO\"}");
        create(api, "{\"firstName\":\"Walt\",\"jobTitle\":\"Intern\"}");

        String personal = api.postJson(
                        "/api/v1/views",
                        "{\"object\":\"contact\",\"name\":\"Bosses\",\"filters\":[{\"field\":\"jobTitle\","
                                + "\"operator\":\"eq\",\"value\":\"ceo\"}],\"columns\":[\"jobTitle\"]}")
                .body();
        String personalId = Browserless.jsonField(personal, "id");
        assertThat(api.page("/contacts?view=" + personalId).body())
                .contains("Vera")
                .doesNotContain("Walt")
                .contains("Bosses");
        assertThat(colleague
                        .session()
                        .get("/api/v1/views?filter[object]=contact")
                        .body())
                .doesNotContain("Bosses");
        assertThat(colleague.session().get("/api/v1/views/" + personalId).statusCode())
                .isEqualTo(404);

        HttpResponse<String> shared = colleague
                .session()
                .postFormPairs(
                        "/views",
                        List.of(
                                Map.entry("object", "contact"),
                                Map.entry("name", "Interns"),
                                Map.entry("shared", "true"),
                                Map.entry("ff", "jobTitle"),
                                Map.entry("fo", "eq"),
                                Map.entry("fv", "intern")));
        assertThat(shared.statusCode()).isEqualTo(302);
        assertThat(shared.headers().firstValue("Location").orElse("")).contains("view=");
        assertThat(api.get("/api/v1/views?filter[object]=contact").body())
                .contains("Interns")
                .contains("Bosses");
        String sharedId = shared.headers().firstValue("Location").orElse("").replaceAll(".*view=([0-9a-f-]+).*", "$1");
        assertThat(reader.session().page("/contacts?view=" + sharedId).body())
                .contains("Walt")
                .doesNotContain("Vera");
        assertThat(reader.session()
                        .postJson("/api/v1/views", "{\"object\":\"contact\",\"name\":\"Mine\"}")
                        .statusCode())
                .as("read-only users keep personal views")
                .isEqualTo(201);
        assertThat(reader.session()
                        .postJson("/api/v1/views", "{\"object\":\"contact\",\"name\":\"Ours\",\"shared\":true}")
                        .statusCode())
                .isEqualTo(400);
        assertThat(reader.session().delete("/api/v1/views/" + sharedId).statusCode())
                .as("someone else's shared view")
                .isEqualTo(404);
        assertThat(api.delete("/api/v1/views/" + sharedId).statusCode())
                .as("admins tidy shared views")
                .isEqualTo(204);
        assertThat(api.postJson("/api/v1/views", "{\"object\":\"contact\",\"name\":\"\",\"shape\":1}")
                        .statusCode())
                .isEqualTo(400);
        assertThat(api.postJson("/api/v1/views", "{\"object\":\"planet\",\"name\":\"X\"}")
                        .body())
                .contains("\"field\":\"object\"");
    }

    @Test
    void bulkActionsChangeEachSelectedRecordAndSkipWhatTheyCannot() {
        SignedUp owner = signUpAndVerify("Bulk Co");
        Joined colleague = inviteAndJoin(owner, "member");
        Joined reader = inviteAndJoin(owner, "read-only");
        SignedUp stranger = signUpAndVerify("Bulk Stranger Co");
        Browserless api = owner.session();
        String a = create(api, "{\"firstName\":\"Aa\"}");
        String b = create(api, "{\"firstName\":\"Bb\"}");
        String foreign = create(stranger.session(), "{\"firstName\":\"Theirs\"}");

        String result = api.postJson(
                        "/api/v1/contacts/bulk",
                        "{\"ids\":[\"" + a + "\",\"" + b + "\",\"" + foreign + "\"],\"action\":\"assign-owner\","
                                + "\"ownerId\":\"" + colleague.userId() + "\"}")
                .body();
        assertThat(result).contains("\"changed\":2").contains(foreign);
        assertThat(api.get("/api/v1/contacts/" + a).body())
                .contains(colleague.userId().toString());
        assertThat(stranger.session().get("/api/v1/contacts/" + foreign).body())
                .as("another Client's record is untouched")
                .doesNotContain(colleague.userId().toString());

        HttpResponse<String> tagged = api.postFormPairs(
                "/contacts/bulk",
                List.of(
                        Map.entry("ids", a),
                        Map.entry("ids", b),
                        Map.entry("action", "add-tag"),
                        Map.entry("tag", "Event-2026"),
                        Map.entry("returnTo", "/contacts?q=a")));
        assertThat(tagged.headers().firstValue("Location").orElse(""))
                .contains("/contacts?q=a")
                .contains("done=bulk-done");
        assertThat(ids(api, "/api/v1/contacts?filter[tag]=event-2026")).containsExactlyInAnyOrder(a, b);
        assertThat(api.get("/api/v1/contacts/" + b + "/timeline").body()).contains("event-2026");

        assertThat(api.postJson("/api/v1/contacts/bulk", "{\"ids\":[\"" + a + "\"],\"action\":\"explode\"}")
                        .body())
                .contains("\"field\":\"action\"");
        assertThat(api.postJson("/api/v1/contacts/bulk", "{\"ids\":[],\"action\":\"delete\"}")
                        .statusCode())
                .isEqualTo(400);
        assertThat(api.postJson(
                                "/api/v1/contacts/bulk",
                                "{\"ids\":[\"" + a + "\"],\"action\":\"assign-owner\",\"ownerId\":\""
                                        + stranger.userId() + "\"}")
                        .body())
                .as("an owner from another Client")
                .contains("\"field\":\"ownerId\"");
        assertThat(reader.session()
                        .postJson("/api/v1/contacts/bulk", "{\"ids\":[\"" + a + "\"],\"action\":\"delete\"}")
                        .statusCode())
                .isEqualTo(403);

        assertThat(api.postJson(
                                "/api/v1/contacts/bulk",
                                "{\"ids\":[\"" + a + "\",\"" + b + "\"],\"action\":\"delete\"}")
                        .body())
                .contains("\"changed\":2");
        assertThat(ids(api, "/api/v1/contacts?filter[deleted]=true")).containsExactlyInAnyOrder(a, b);
    }

    private static String create(Browserless api, String json) {
        HttpResponse<String> created = api.postJson("/api/v1/contacts", json);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return Browserless.jsonField(created.body(), "id");
    }

    private static List<String> ids(Browserless api, String path) {
        HttpResponse<String> response = api.get(path);
        assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(200);
        return java.util.regex.Pattern.compile("\\{\"id\":\"([0-9a-f-]{36})\"")
                .matcher(response.body())
                .results()
                .map(m -> m.group(1))
                .toList();
    }
}
