package io.team365.deals;

import static org.assertj.core.api.Assertions.assertThat;

import io.team365.support.Browserless;
import io.team365.support.IntegrationTest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The deal list shares the filter builder (standard and custom fields, in the API and on the page), custom-field
 * sorting with keyset pages, saved views and bulk actions with the other record lists; the board stays at /deals.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DealListViewTests extends IntegrationTest {

    SignedUp owner;
    Joined colleague;
    Joined reader;
    Browserless api;
    String pipelines;

    @BeforeAll
    void anOrganisationWithCustomFields() {
        owner = signUpAndVerify("Deal Views Co");
        colleague = inviteAndJoin(owner, "member");
        reader = inviteAndJoin(owner, "read-only");
        api = apiClient(owner.session());
        pipelines = api.get("/api/v1/pipelines").body();
        assertThat(api.postJson(
                                "/api/v1/custom-fields",
                                "{\"object\":\"deal\",\"key\":\"score\",\"label\":\"Score\",\"type\":\"number\"}")
                        .statusCode())
                .isEqualTo(201);
        assertThat(api.postJson(
                                "/api/v1/custom-fields",
                                "{\"object\":\"deal\",\"key\":\"region\",\"label\":\"Region\",\"type\":\"text\"}")
                        .statusCode())
                .isEqualTo(201);
    }

    @Test
    void theApiFiltersOnStandardAndCustomFieldsAndKeepsItsNamedFilters() {
        String m = marker();
        String lost = PipelineApiTests.stageId(pipelines, "Lost");
        String big = create("{\"name\":\"%s Big\",\"value\":{\"amount\":\"5000\",\"currency\":\"EUR\"},".formatted(m)
                + "\"closeDate\":\"2026-01-15\",\"tags\":[\"vip\"],"
                + "\"customFields\":{\"score\":90,\"region\":\"North\"}}");
        String small = create("{\"name\":\"%s Small\",\"value\":{\"amount\":\"50\",\"currency\":\"USD\"},".formatted(m)
                + "\"closeDate\":\"2026-09-01\",\"customFields\":{\"score\":10,\"region\":\"South\"}}");
        String gone =
                create(("{\"name\":\"%s Gone\",\"stageId\":\"%s\",\"lostReason\":\"Budget\"," + "\"ownerId\":\"%s\"}")
                        .formatted(m, lost, colleague.userId()));

        assertThat(ids("/api/v1/deals?q=" + m + "&filter[value][gte]=1000")).containsExactly(big);
        assertThat(ids("/api/v1/deals?q=" + m + "&filter[currency]=usd")).containsExactly(small);
        assertThat(ids("/api/v1/deals?q=" + m + "&filter[closeDate][lt]=2026-06-01"))
                .containsExactly(big);
        assertThat(ids("/api/v1/deals?q=" + m + "&filter[closeDate][empty]=")).containsExactly(gone);
        assertThat(ids("/api/v1/deals?q=" + m + "&filter[status][ne]=lost")).containsExactlyInAnyOrder(big, small);
        assertThat(ids("/api/v1/deals?q=" + m + "&filter[closedAt][notempty]=")).containsExactly(gone);
        assertThat(ids("/api/v1/deals?q=" + m + "&filter[ownerId][eq]=me")).containsExactlyInAnyOrder(big, small);
        assertThat(ids("/api/v1/deals?q=" + m + "&filter[name][contains]=sma")).containsExactly(small);
        assertThat(ids("/api/v1/deals?q=" + m + "&filter[customFields.score][gt]=50"))
                .containsExactly(big);
        assertThat(ids("/api/v1/deals?q=" + m + "&filter[customFields.region]=south"))
                .containsExactly(small);
        assertThat(ids("/api/v1/deals?q=" + m + "&filter[customFields.score][empty]="))
                .containsExactly(gone);
        // the named filters keep their meaning and combine with the builder's conditions
        assertThat(ids("/api/v1/deals?q=" + m + "&filter[tag]=VIP&filter[value][gt]=1"))
                .containsExactly(big);
        assertThat(ids("/api/v1/deals?q=" + m + "&filter[status]=open&filter[customFields.score][lte]=10"))
                .containsExactly(small);
        assertThat(ids("/api/v1/deals?q=" + m + "&filter[ownerId]=" + colleague.userId()))
                .containsExactly(gone);
    }

    @Test
    void aBadFilterIsRefusedNamingIt() {
        problem(api.get("/api/v1/deals?filter[planet]=mars"), "filter[planet]");
        problem(api.get("/api/v1/deals?filter[value][gte]=lots"), "filter[value]");
        problem(api.get("/api/v1/deals?filter[status][ne]=maybe"), "filter[status]");
        problem(api.get("/api/v1/deals?filter[name][gt]=b"), "filter[name]");
        problem(api.get("/api/v1/deals?filter[customFields.score][gt]=high"), "filter[customFields.score]");
        problem(api.get("/api/v1/deals?sort=customFields.nope"), "sort");
        // the page shows the builder with the reason instead of a list it cannot build
        HttpResponse<String> page = owner.session().page("/deals/list?ff=value&fo=gte&fv=lots");
        assertThat(page.statusCode()).isEqualTo(422);
        assertThat(page.body()).contains("class=\"alert error\"", "name=\"ff\"");
    }

    @Test
    void aCustomFieldSortsAndPagesWithoutGapsOrRepeats() {
        String m = marker();
        List<String> byScore = new ArrayList<>();
        for (int score : new int[] {30, 70, 10, 50, 90}) {
            byScore.add(create("{\"name\":\"%s S%d\",\"customFields\":{\"score\":%d}}".formatted(m, score, score)));
        }
        String unscored = create("{\"name\":\"%s none\"}".formatted(m));
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            HttpResponse<String> page = api.get("/api/v1/deals?limit=2&sort=-customFields.score&q=" + m
                    + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
            seen.addAll(idsOf(page.body()));
            cursor = page.body().contains("\"nextCursor\":null")
                    ? null
                    : Browserless.jsonField(page.body(), "nextCursor");
            pages++;
        } while (cursor != null && pages < 10);
        assertThat(new HashSet<>(seen)).hasSize(seen.size()).hasSize(6).contains(unscored);
        List<String> scored = seen.stream().filter(byScore::contains).toList();
        // descending: 90, 70, 50, 30, 10
        assertThat(scored)
                .containsExactly(byScore.get(4), byScore.get(1), byScore.get(3), byScore.get(0), byScore.get(2));

        String ascending = owner.session()
                .page("/deals/list?q=" + m + "&sort=customFields.score&cols=customFields.score")
                .body();
        assertThat(ascending.indexOf(m + " S10")).isLessThan(ascending.indexOf(m + " S90"));
        assertThat(ascending).contains("aria-sort=\"ascending\"", ">Score<");
    }

    @Test
    void thePageFiltersShowsChosenColumnsAndKeepsTheBoardAtDeals() {
        String m = marker();
        create("{\"name\":\"%s North deal\",\"value\":{\"amount\":\"1200\",\"currency\":\"EUR\"},".formatted(m)
                + "\"tags\":[\"hot\"],\"customFields\":{\"region\":\"North\",\"score\":5}}");
        create("{\"name\":\"%s South deal\",\"customFields\":{\"region\":\"South\"}}".formatted(m));
        Browserless browser = owner.session();

        String page = browser.page("/deals/list?q=" + m
                        + "&ff=customFields.region&fo=eq&fv=north&cols=customFields.region&cols=value&cols=tags"
                        + "&cols=status")
                .body();
        assertThat(page)
                .contains(m + " North deal", "€1,200.00", ">Region<", ">Status<", "Open", "hot")
                .doesNotContain(m + " South deal")
                .contains("action=\"/deals/list\"", "action=\"/deals/list/bulk\"")
                .contains("name=\"object\" value=\"deal\"")
                .doesNotContain("style=", "onclick");
        assertThat(browser.page("/deals/list?q=" + m + "&ff=value&fo=gt&fv=100").body())
                .contains(m + " North deal")
                .doesNotContain(m + " South deal");
        assertThat(browser.page("/deals/list?q=" + m + "&ff=ownerId&fo=eq&fv=me&ff=tag&fo=has&fv=hot")
                        .body())
                .contains(m + " North deal")
                .doesNotContain(m + " South deal");
        assertThat(browser.page("/deals/list?q=" + m + "&ff=status&fo=eq&fv=won")
                        .body())
                .contains("No deals match these filters");

        assertThat(browser.page("/deals").body()).contains("deal-board", "href=\"/deals/list\"");
        HttpResponse<String> old = browser.get("/deals?view=list&status=won");
        assertThat(old.statusCode()).isEqualTo(302);
        assertThat(old.headers().firstValue("Location").orElse("")).contains("/deals/list?ff=status&fo=eq&fv=won");
    }

    @Test
    void aSharedSavedViewOpensTheListForAColleague() {
        String m = marker();
        create("{\"name\":\"%s High\",\"customFields\":{\"score\":80}}".formatted(m));
        create("{\"name\":\"%s Low\",\"customFields\":{\"score\":20}}".formatted(m));
        HttpResponse<String> saved = owner.session()
                .postFormPairs(
                        "/views",
                        List.of(
                                Map.entry("object", "deal"),
                                Map.entry("name", "High scores " + m),
                                Map.entry("shared", "true"),
                                Map.entry("q", m),
                                Map.entry("ff", "customFields.score"),
                                Map.entry("fo", "gte"),
                                Map.entry("fv", "50")));
        String location = saved.headers().firstValue("Location").orElse("");
        assertThat(location).contains("view=");
        String viewId = location.replaceAll(".*view=([0-9a-f-]+).*", "$1");

        // whether the views module sends a deal view to /deals or to /deals/list, it opens the list, not the board
        String seen = colleague
                .session()
                .browse(location.replaceFirst("^https?://[^/]+", ""))
                .body();
        assertThat(seen)
                .contains(m + " High", "High scores " + m, "View saved.")
                .doesNotContain(m + " Low", "deal-board");
        assertThat(colleague.session().page("/deals/list?view=" + viewId).body())
                .contains(m + " High")
                .doesNotContain(m + " Low");
        assertThat(colleague.session().browse("/deals?view=" + viewId).body())
                .contains(m + " High")
                .doesNotContain(m + " Low");
    }

    @Test
    void bulkActionsRunFromThePageAndTheApi() {
        String m = marker();
        String one = create("{\"name\":\"%s one\"}".formatted(m));
        String two = create("{\"name\":\"%s two\",\"tags\":[\"old\"]}".formatted(m));
        String three = create("{\"name\":\"%s three\"}".formatted(m));

        HttpResponse<String> assigned = owner.session()
                .postFormPairs(
                        "/deals/list/bulk",
                        List.of(
                                Map.entry("ids", one),
                                Map.entry("ids", two),
                                Map.entry("action", "assign-owner"),
                                Map.entry("ownerId", colleague.userId().toString()),
                                Map.entry("returnTo", "/deals/list?q=" + m)));
        String back = assigned.headers().firstValue("Location").orElse("");
        assertThat(back).contains("/deals/list?q=" + m, "done=bulk-done", "count=2");
        assertThat(owner.session()
                        .browse(back.replaceFirst("^https?://[^/]+", ""))
                        .body())
                .contains("2 deals changed");
        assertThat(ids("/api/v1/deals?q=" + m + "&filter[ownerId]=" + colleague.userId()))
                .containsExactlyInAnyOrder(one, two);
        assertThat(owner.session()
                        .postFormPairs("/deals/list/bulk", List.of(Map.entry("action", "delete")))
                        .headers()
                        .firstValue("Location")
                        .orElse(""))
                .contains("done=bulk-refused");

        String tagged = api.postJson(
                        "/api/v1/deals/bulk",
                        "{\"ids\":[\"%s\",\"%s\"],\"action\":\"add-tag\",\"tag\":\"Key\"}".formatted(one, three))
                .body();
        assertThat(tagged).contains("\"changed\":2");
        assertThat(ids("/api/v1/deals?q=" + m + "&filter[tag]=key")).containsExactlyInAnyOrder(one, three);
        assertThat(api.postJson(
                                "/api/v1/deals/bulk",
                                "{\"ids\":[\"%s\"],\"action\":\"remove-tag\",\"tag\":\"old\"}".formatted(two))
                        .body())
                .contains("\"changed\":1");
        assertThat(ids("/api/v1/deals?q=" + m + "&filter[tag][has]=old")).isEmpty();

        String stranger = UUID.randomUUID().toString();
        HttpResponse<String> deleted = api.postJson(
                "/api/v1/deals/bulk", "{\"ids\":[\"%s\",\"%s\"],\"action\":\"delete\"}".formatted(three, stranger));
        assertThat(deleted.statusCode()).isEqualTo(200);
        assertThat(deleted.body()).contains("\"changed\":1", stranger);
        assertThat(ids("/api/v1/deals?q=" + m)).containsExactlyInAnyOrder(one, two);
        assertThat(ids("/api/v1/deals?q=" + m + "&filter[deleted]=true")).containsExactly(three);

        problem(
                api.postJson(
                        "/api/v1/deals/bulk",
                        "{\"ids\":[\"%s\"],\"action\":\"assign-owner\",\"ownerId\":\"%s\"}"
                                .formatted(one, UUID.randomUUID())),
                "ownerId");
        problem(api.postJson("/api/v1/deals/bulk", "{\"ids\":[\"%s\"],\"action\":\"merge\"}".formatted(one)), "action");
    }

    @Test
    void aReadOnlyMemberSeesTheListButCannotChangeItInBulk() {
        String m = marker();
        String deal = create("{\"name\":\"%s guarded\"}".formatted(m));
        String page = reader.session().page("/deals/list?q=" + m).body();
        assertThat(page).contains(m + " guarded").doesNotContain("action=\"/deals/list/bulk\"", "name=\"ids\"");
        assertThat(reader.session()
                        .postJson("/api/v1/deals/bulk", "{\"ids\":[\"%s\"],\"action\":\"delete\"}".formatted(deal))
                        .statusCode())
                .isEqualTo(403);
        assertThat(reader.session()
                        .postFormPairs(
                                "/deals/list/bulk", List.of(Map.entry("ids", deal), Map.entry("action", "delete")))
                        .statusCode())
                .isEqualTo(403);
        assertThat(ids("/api/v1/deals?q=" + m)).containsExactly(deal);
    }

    private String create(String json) {
        HttpResponse<String> created = api.postJson("/api/v1/deals", json);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return Browserless.jsonField(created.body(), "id");
    }

    private List<String> ids(String path) {
        HttpResponse<String> response = api.get(path);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return idsOf(response.body());
    }

    private static List<String> idsOf(String body) {
        return DealApiTests.ids(body);
    }

    private static void problem(HttpResponse<String> response, String field) {
        assertThat(response.statusCode()).as(response.body()).isIn(400, 422);
        assertThat(response.body()).contains(field);
    }

    private static String marker() {
        return "m" + UUID.randomUUID().toString().substring(0, 8);
    }
}
