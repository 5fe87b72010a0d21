package io.team365.deals;

import static org.assertj.core.api.Assertions.assertThat;

import io.team365.support.Browserless;
import io.team365.support.IntegrationTest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The board and the deal pages: drag-and-drop moves, the keyboard alternative, forms, panels and settings. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DealBoardTests extends IntegrationTest {

    private static final String FORM = "application/x-www-form-urlencoded";

    SignedUp owner;
    Browserless browser;
    String pipelines;

    @BeforeAll
    void anOrganisation() {
        owner = signUpAndVerify("Board Co");
        browser = owner.session();
        pipelines = browser.get("/api/v1/pipelines").body();
    }

    @Test
    void theBoardShowsAColumnPerStageWithCountsTotalsAndCards() {
        SignedUp fresh = signUpAndVerify("Empty Board Co");
        assertThat(fresh.session().page("/deals").body()).contains("No deals yet", "Qualified", "Negotiation");

        String proposal = PipelineApiTests.stageId(pipelines, "Proposal");
        create(
                "{\"name\":\"Board A\",\"stageId\":\"%s\",\"value\":{\"amount\":\"1000\",\"currency\":\"EUR\"},\"closeDate\":\"2026-05-04\"}"
                        .formatted(proposal));
        create("{\"name\":\"Board B\",\"stageId\":\"%s\",\"value\":{\"amount\":\"250.50\",\"currency\":\"EUR\"}}"
                .formatted(proposal));
        String board = browser.page("/deals").body();
        assertThat(board)
                .contains("Board A", "Board B", "€1,250.50", "2 deals", "OO")
                .contains("data-stage-id=\"" + proposal + "\"")
                .contains("/webjars/sortablejs/Sortable.min.js", "/js/deals.js")
                .contains("action=\"/deals/")
                .contains("Move Board A to…")
                .doesNotContain("style=", "onclick");
        assertThat(browser.get("/webjars/sortablejs/Sortable.min.js").statusCode())
                .isEqualTo(200);
        assertThat(browser.get("/js/deals.js").statusCode()).isEqualTo(200);
    }

    @Test
    void aDroppedCardMovesAndTheAnswerCarriesTheNewVersionAndTotals() {
        String id = create("{\"name\":\"Dragged\",\"value\":{\"amount\":\"40\",\"currency\":\"USD\"}}");
        String negotiation = PipelineApiTests.stageId(pipelines, "Negotiation");
        HttpResponse<String> moved = drop(id, negotiation, 1, "");
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
        assertThat(moved.body())
                .contains("\"ok\":true", "\"version\":2", "\"stageId\":\"" + negotiation + "\"")
                .contains("\"stageId\":\"" + negotiation + "\"", "countText", "$40.00");

        HttpResponse<String> stale = drop(id, PipelineApiTests.stageId(pipelines, "Proposal"), 1, "");
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.body()).contains("\"ok\":false", "Someone changed this deal meanwhile");

        String lost = PipelineApiTests.stageId(pipelines, "Lost");
        HttpResponse<String> noReason = drop(id, lost, 2, "");
        assertThat(noReason.statusCode()).isEqualTo(422);
        assertThat(noReason.body()).contains("\"field\":\"lostReason\"", "Say why the deal was lost");
        assertThat(browser.get("/api/v1/deals/" + id).body()).contains("\"version\":2", "\"status\":\"open\"");

        HttpResponse<String> lostWithReason = drop(id, lost, 2, "Went with a competitor");
        assertThat(lostWithReason.statusCode()).isEqualTo(200);
        assertThat(browser.get("/api/v1/deals/" + id).body())
                .contains("\"status\":\"lost\"", "\"lostReason\":\"Went with a competitor\"");

        String otherPipeline = browser.postJson("/api/v1/pipelines", "{\"name\":\"Elsewhere\"}")
                .body();
        assertThat(drop(id, PipelineApiTests.stageId(otherPipeline, "Won"), 3, "")
                        .statusCode())
                .as("a stage of another pipeline")
                .isEqualTo(422);
    }

    @Test
    void theMoveFormWorksWithoutScript() {
        String id = create("{\"name\":\"Keyboard\"}");
        String proposal = PipelineApiTests.stageId(pipelines, "Proposal");
        HttpResponse<String> moved =
                browser.postForm("/deals/" + id + "/stage", Map.of("stageId", proposal, "version", "1"));
        assertThat(moved.statusCode()).isEqualTo(303);
        assertThat(moved.headers().firstValue("Location").orElse(""))
                .contains("/deals?pipelineId=")
                .contains("done=moved");
        assertThat(browser.get("/api/v1/deals/" + id).body()).contains("\"stageId\":\"" + proposal + "\"");

        HttpResponse<String> stale =
                browser.postForm("/deals/" + id + "/stage", Map.of("stageId", proposal, "version", "1"));
        assertThat(stale.headers().firstValue("Location").orElse("")).endsWith("/deals/" + id + "?done=stale");
        assertThat(browser.page("/deals/" + id + "?done=stale").body()).contains("so it was not moved");

        String lost = PipelineApiTests.stageId(pipelines, "Lost");
        HttpResponse<String> noReason =
                browser.postForm("/deals/" + id + "/stage", Map.of("stageId", lost, "version", "2"));
        String location = noReason.headers().firstValue("Location").orElse("");
        assertThat(location).contains("/deals/" + id + "?close=lost");
        String asked = browser.page(location.replace("#close", "")).body();
        assertThat(asked).contains("Say why the deal was lost", "name=\"reason\"");

        HttpResponse<String> won = browser.postForm(
                "/deals/" + id + "/stage",
                Map.of(
                        "stageId",
                        PipelineApiTests.stageId(pipelines, "Won"),
                        "version",
                        "2",
                        "reason",
                        "Great fit",
                        "back",
                        "deal"));
        assertThat(won.headers().firstValue("Location").orElse("")).endsWith("/deals/" + id + "?done=moved");
        assertThat(browser.page("/deals/" + id).body()).contains("Great fit", "status-won", "aria-current=\"step\"");
    }

    @Test
    void createShowEditTrashAndRestoreThroughThePages() {
        assertThat(browser.page("/deals/new").body())
                .contains("name=\"pipelineId\"", "name=\"companyId\"", "hx-get=\"/companies/options\"", "Sales pipeline");
        HttpResponse<String> invalid = browser.postForm("/deals", form("", "12.345", "EUR", null));
        assertThat(invalid.statusCode()).isEqualTo(422);
        assertThat(invalid.body()).contains("id=\"amount-error\"");
        HttpResponse<String> invalidName = browser.postForm("/deals", form("", "12", "EUR", null));
        assertThat(invalidName.statusCode()).isEqualTo(422);
        assertThat(invalidName.body()).contains("id=\"name-error\"");

        HttpResponse<String> created = browser.postForm("/deals", form("Page deal", "99.90", "eur", null));
        String location = created.headers().firstValue("Location").orElse("");
        assertThat(location).contains("/deals/").endsWith("?done=created");
        String path = location.substring(location.indexOf("/deals/"), location.indexOf('?'));
        String page = browser.page(path).body();
        assertThat(page)
                .contains("Page deal", "€99.90", "deal-progress", "Qualified")
                .contains("hx-get=\"/activities/panel?recordType=deal&amp;recordId=")
                .contains("hx-get=\"/files/panel?recordType=deal&amp;recordId=")
                .contains("hx-get=\"" + path + "/timeline\"");

        HttpResponse<String> saved = browser.postForm(path, form("Page deal renamed", "99.90", "EUR", 1));
        assertThat(saved.headers().firstValue("Location").orElse("")).endsWith("?done=saved");
        HttpResponse<String> stale = browser.postForm(path, form("Lost edit", "1", "EUR", 1));
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.body()).contains("Someone changed this deal").contains("value=\"Page deal renamed\"");

        String list = browser.page("/deals?view=list&q=renamed&sort=name").body();
        assertThat(list).contains("Page deal renamed", "aria-sort=\"ascending\"");
        assertThat(browser.page("/deals?view=list&status=lost&q=renamed").body())
                .contains("No deals match");

        browser.postForm(path + "/delete", Map.of());
        assertThat(browser.page("/deals/trash").body()).contains("Page deal renamed");
        assertThat(browser.page(path).body()).contains("This deal is in the trash");
        browser.postForm(path + "/restore", Map.of());
        assertThat(browser.page("/deals?view=list&q=renamed").body()).contains("Page deal renamed");
    }

    @Test
    void theDealsPanelListsAContactsDealsWithANewDealLink() {
        String contact = Browserless.jsonField(
                browser.postJson("/api/v1/contacts", "{\"firstName\":\"Panel\",\"lastName\":\"Person\"}")
                        .body(),
                "id");
        create("{\"name\":\"Panel deal\",\"contactIds\":[\"%s\"],\"value\":{\"amount\":\"5\",\"currency\":\"EUR\"}}"
                .formatted(contact));
        String panel = browser.page("/deals/panel?recordType=contact&recordId=" + contact)
                .body();
        assertThat(panel).contains("Panel deal", "Qualified", "€5.00", "/deals/new?contactId=" + contact);
        assertThat(browser.page("/deals/new?contactId=" + contact).body())
                .contains("Panel Person", "name=\"contactIds\" value=\"" + contact + "\"");
        HttpResponse<String> created = browser.postForm(
                "/deals",
                Map.of(
                        "name",
                        "From panel",
                        "contactIds",
                        contact,
                        "pipelineId",
                        Browserless.jsonField(pipelines, "id")));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
        assertThat(browser.page("/deals/panel?recordType=contact&recordId=" + contact)
                        .body())
                .contains("From panel");

        SignedUp other = signUpAndVerify("Panel Snoop Co");
        assertThat(other.session()
                        .page("/deals/panel?recordType=contact&recordId=" + contact)
                        .statusCode())
                .isEqualTo(404);
        assertThat(browser.page("/deals/panel?recordType=planet&recordId=" + contact)
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void adminsSetUpPipelinesInSettings() {
        SignedUp admin = signUpAndVerify("Settings Pipes Co");
        Browserless session = admin.session();
        String page = session.page("/settings/pipelines").body();
        assertThat(page).contains("Sales pipeline", "Needs analysis", "New stage", "href=\"/settings/pipelines\"");
        String json = session.get("/api/v1/pipelines").body();
        String id = Browserless.jsonField(json, "id");
        List<String> ids = PipelineApiTests.stageIds(json);
        Map<String, List<String>> fields = new HashMap<>();
        // swap Qualified and Needs analysis, rename Proposal, add "Demo", remove Negotiation
        fields.put("stageId", List.of(ids.get(0), ids.get(1), ids.get(2), ids.get(3), ids.get(4), ids.get(5), ""));
        fields.put("stageName", List.of("Qualified", "Needs analysis", "Offer", "Negotiation", "Won", "Lost", "Demo"));
        fields.put("stageProbability", List.of("10", "25", "55", "75", "100", "0", "40"));
        fields.put("stageKind", List.of("open", "open", "open", "open", "won", "lost", "open"));
        fields.put("stagePosition", List.of("2", "1", "3", "4", "6", "7", "5"));
        fields.put("stageRemove", List.of("3"));
        fields.put("name", List.of("Main sales"));
        fields.put("version", List.of("1"));
        HttpResponse<String> saved = postMulti(session, "/settings/pipelines/" + id, fields);
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
        String after = session.get("/api/v1/pipelines/" + id).body();
        assertThat(PipelineApiTests.stageNames(after))
                .containsExactly("Needs analysis", "Qualified", "Offer", "Demo", "Won", "Lost");
        assertThat(after).contains("\"name\":\"Main sales\"", "\"probability\":55");

        String dealId = Browserless.jsonField(
                session.postJson("/api/v1/deals", "{\"name\":\"Holder\",\"stageId\":\"%s\"}".formatted(ids.get(2)))
                        .body(),
                "id");
        assertThat(dealId).isNotBlank();
        fields.put("version", List.of("2"));
        fields.put("stageId", List.of(ids.get(1), ids.get(0), ids.get(2), ids.get(4), ids.get(5)));
        fields.put("stageName", List.of("Needs analysis", "Qualified", "Offer", "Won", "Lost"));
        fields.put("stageProbability", List.of("25", "10", "55", "100", "0"));
        fields.put("stageKind", List.of("open", "open", "open", "won", "lost"));
        fields.put("stagePosition", List.of("1", "2", "3", "4", "5"));
        fields.put("stageRemove", List.of("2"));
        HttpResponse<String> refused = postMulti(session, "/settings/pipelines/" + id, fields);
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("A stage that still holds deals cannot be removed");

        HttpResponse<String> added = session.postForm("/settings/pipelines", Map.of("name", "Partners"));
        assertThat(added.statusCode()).isEqualTo(302);
        assertThat(session.page("/deals").body()).contains("pipeline-switch", "Partners");

        Joined member = inviteAndJoin(admin, "member");
        assertThat(member.session().page("/settings/pipelines").statusCode()).isEqualTo(403);
        assertThat(member.session()
                        .postForm("/settings/pipelines", Map.of("name", "Mine"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(member.session().page("/settings/profile").body()).doesNotContain("href=\"/settings/pipelines\"");
    }

    @Test
    void readOnlyUsersSeeTheBoardWithoutMoveControls() {
        create("{\"name\":\"Watched deal\"}");
        Joined viewer = inviteAndJoin(owner, "read-only");
        String board = viewer.session().page("/deals").body();
        assertThat(board)
                .contains("Watched deal")
                .doesNotContain("class=\"deal-move\"", "Sortable.min.js", "/deals/new");
        String id = Browserless.jsonField(browser.get("/api/v1/deals?q=Watched").body(), "id");
        assertThat(viewer.session().page("/deals/" + id).body()).doesNotContain("name=\"version\"");
        assertThat(viewer.session()
                        .postForm(
                                "/deals/" + id + "/stage",
                                Map.of("stageId", PipelineApiTests.stageId(pipelines, "Won"), "version", "1"))
                        .statusCode())
                .isEqualTo(403);
    }

    private HttpResponse<String> drop(String id, String stageId, int version, String reason) {
        return browser.send(
                "POST",
                "/deals/" + id + "/stage",
                FORM,
                "stageId=" + stageId + "&version=" + version + "&reason="
                        + java.net.URLEncoder.encode(reason, java.nio.charset.StandardCharsets.UTF_8));
    }

    private HttpResponse<String> postMulti(Browserless session, String path, Map<String, List<String>> fields) {
        StringBuilder body = new StringBuilder();
        fields.forEach((name, values) -> values.forEach(value -> body.append(body.isEmpty() ? "" : "&")
                .append(name)
                .append('=')
                .append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8))));
        return session.send("POST", path, FORM, body.toString());
    }

    private String create(String json) {
        HttpResponse<String> created = browser.postJson("/api/v1/deals", json);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return Browserless.jsonField(created.body(), "id");
    }

    private Map<String, String> form(String name, String amount, String currency, Integer version) {
        Map<String, String> form = new HashMap<>();
        form.put("name", name);
        form.put("pipelineId", Browserless.jsonField(pipelines, "id"));
        form.put("stageId", "");
        form.put("amount", amount);
        form.put("currency", currency);
        form.put("closeDate", "");
        form.put("companyId", "");
        form.put("otherCompanyId", "");
        form.put("otherContactIds", "");
        form.put("ownerId", "");
        form.put("tags", "");
        if (version != null) {
            form.put("version", version.toString());
        }
        return form;
    }
}
