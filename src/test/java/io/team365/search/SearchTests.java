package io.team365.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.team365.support.Browserless;
import io.team365.support.IntegrationTest;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** GET /api/v1/search and the pages over it: what is found, in which order, and what never is. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchTests extends IntegrationTest {

    @Autowired
    ObjectMapper json;

    SignedUp owner;
    Browserless api;
    String jose;
    String juergen;
    String john;
    String sam;
    String samuel;
    String nordwind;
    String nilsNordwind;
    String rollout;
    String lead;

    @BeforeAll
    void aClientWithRecords() {
        owner = signUpAndVerify("Search Co");
        api = owner.session();
        nordwind = create("/api/v1/companies", """
                {"name":"Nordwind Logistik GmbH","domain":"https://www.nordwind-logistik.example/about",
                 "phone":"+49 40 5550100"}""");
        jose = create("/api/v1/contacts", """
                {"firstName":"José","lastName":"García","companyId":"%s",
                 "emails":[{"address":"jose.garcia@nordwind-logistik.example","label":"work"}],
                 "phones":[{"number":"+49 30 1234567","label":"work"}]}""".formatted(nordwind));
        juergen = create("/api/v1/contacts", """
                {"firstName":"Jürgen","lastName":"Müller","emails":[{"address":"jm@example.org","label":"work"}]}""");
        john = create("/api/v1/contacts", """
                {"firstName":"John","lastName":"Smith","emails":[{"address":"john.smith@example.net","label":"work"}]}""");
        sam = create("/api/v1/contacts", """
                {"firstName":"Sam","lastName":"Exact","emails":[{"address":"sam@acme.example","label":"work"}]}""");
        samuel = create("/api/v1/contacts", """
                {"firstName":"Samuel","lastName":"Acme",
                 "emails":[{"address":"sam@acme.example.org","label":"work"}]}""");
        rollout = create("/api/v1/deals", """
                {"name":"Nordwind fleet rollout","value":{"amount":"1250.5","currency":"EUR"},
                 "companyId":"%s"}""".formatted(nordwind));
        nilsNordwind = create("/api/v1/contacts", "{\"firstName\":\"Nils\",\"lastName\":\"Nordwind\"}");
        lead = create("/api/v1/leads", """
                {"firstName":"Zoë","lastName":"Ødegaard","companyName":"Fjordkraft Energi"}""");
    }

    @Test
    void accentsAndCaseDoNotMatterAndPrefixesFindNames() {
        assertThat(ids("jose")).as("jose finds José").contains(jose);
        assertThat(ids("JOSÉ")).contains(jose);
        assertThat(ids("muller")).as("muller finds Müller").contains(juergen);
        assertThat(ids("Müller")).contains(juergen);
        assertThat(ids("jurgen mul")).as("the start of several words").contains(juergen);
        JsonNode gar = results("Gar");
        assertThat(idsOf(gar)).as("a prefix of the last name").contains(jose);
        assertThat(first(gar, jose).get("match").asString()).isEqualTo("name");
        assertThat(first(gar, jose).get("title").asString()).isEqualTo("José García");
        assertThat(first(gar, jose).get("subtitle").asString())
                .as("a contact's email and company")
                .isEqualTo("jose.garcia@nordwind-logistik.example · Nordwind Logistik GmbH");
        assertThat(first(gar, jose).get("url").asString()).isEqualTo("/contacts/" + jose);
        assertThat(ids("garcia jose")).as("words in any order").contains(jose);
        assertThat(ids("odegaard")).as("leads too").containsExactly(lead);
        assertThat(ids("fjordkraft")).as("a lead's company").containsExactly(lead);
        assertThat(ids("xylophone")).isEmpty();
    }

    @Test
    void typosStillFind() {
        assertThat(ids("Jonh Smiht")).contains(john);
        assertThat(ids("Garcai")).contains(jose);
        assertThat(ids("Mueller")).contains(juergen);
    }

    @Test
    void aWordInsideAHyphenatedNameIsFoundWhateverTheOrder() {
        String jeanPierre = create("/api/v1/contacts", "{\"firstName\":\"Jean-Pierre\",\"lastName\":\"Dufrêne\"}");
        // "pierre" starts no word of any record (only a part of "jean-pierre"), so the words tier must still run
        assertThat(ids("pierre dufrene")).contains(jeanPierre);
        assertThat(ids("dufrene pierre")).contains(jeanPierre);
        assertThat(ids("Jean-Pierre Dufrnee")).as("a typo in the last word").contains(jeanPierre);
    }

    @Test
    void anExactEmailComesFirst() {
        JsonNode found = results("Sam@Acme.example");
        assertThat(idsOf(found)).as("the exact address, then the one it starts").containsExactly(sam, samuel);
        assertThat(found.get("data").get(0).get("match").asString()).isEqualTo("email");
        assertThat(ids("jose.garcia@nordwind-logistik.example")).containsExactly(jose);
    }

    @Test
    void phonesMatchWhateverTheFormat() {
        for (String number : List.of("+49 30 1234567", "030 1234567", "0049 (30) 123-4567", "1234567")) {
            JsonNode found = results(number);
            assertThat(idsOf(found)).as(number).containsExactly(jose);
            assertThat(found.get("data").get(0).get("match").asString()).isEqualTo("phone");
        }
        assertThat(ids("040 5550100")).as("a company's phone").containsExactly(nordwind);
        assertThat(ids("1234568")).isEmpty();
    }

    @Test
    void domainsFindCompaniesAndNamesFindDeals() {
        JsonNode byDomain = results("nordwind-logistik.example", "companies");
        assertThat(idsOf(byDomain)).containsExactly(nordwind);
        assertThat(byDomain.get("data").get(0).get("match").asString()).isEqualTo("domain");
        assertThat(byDomain.get("data").get(0).get("subtitle").asString()).isEqualTo("nordwind-logistik.example");
        assertThat(ids("https://www.Nordwind-Logistik.example/contact")).contains(nordwind);
        assertThat(ids("logistik")).as("any word of a company's name").contains(nordwind);

        JsonNode deals = results("fleet roll", "deals");
        assertThat(idsOf(deals)).containsExactly(rollout);
        JsonNode deal = deals.get("data").get(0);
        assertThat(deal.get("type").asString()).isEqualTo("deal");
        assertThat(deal.get("url").asString()).isEqualTo("/deals/" + rollout);
        assertThat(deal.get("subtitle").asString())
                .as("amount, stage and company")
                .contains("1,250.50", "Nordwind Logistik GmbH");

        JsonNode all = results("nordwind");
        List<String> types = new ArrayList<>();
        all.get("data").forEach(r -> types.add(r.get("type").asString()));
        assertThat(types).as("grouped by type").containsExactly("contact", "contact", "company", "deal");
    }

    @Test
    void aCompanyNameFindsThePeopleAndDealsOfThatCompanyAfterOwnNames() {
        JsonNode found = results("nordwind");
        assertThat(idsOf(found))
                .as("Nils Nordwind by his own name first, then José of Nordwind Logistik, the company, its deal")
                .containsExactly(nilsNordwind, jose, nordwind, rollout);
        assertThat(first(found, nilsNordwind).get("match").asString()).isEqualTo("name");
        assertThat(first(found, jose).get("match").asString()).isEqualTo("company");
        assertThat(first(found, rollout).get("match").asString())
                .as("the deal's own name")
                .isEqualTo("name");

        JsonNode logistik = results("logistik", "contacts,deals");
        assertThat(idsOf(logistik)).as("any word of the company's name").containsExactly(jose, rollout);
        assertThat(first(logistik, rollout).get("match").asString()).isEqualTo("company");
        assertThat(ids("nordwind-logistik.example")).as("the company's domain").contains(jose, nordwind);

        // a renamed company is found by its new name at once: nothing of its people was indexed under the old one
        String other = create("/api/v1/companies", "{\"name\":\"Quarzwerk AG\"}");
        String worker = create("/api/v1/contacts", """
                {"firstName":"Petra","lastName":"Stein","companyId":"%s"}""".formatted(other));
        assertThat(ids("quarzwerk")).containsExactly(worker, other);
        assertThat(api.patchJson("/api/v1/companies/" + other, "{\"name\":\"Basaltwerk AG\"}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(ids("quarzwerk")).isEmpty();
        assertThat(ids("basaltwerk")).containsExactly(worker, other);
        assertThat(api.delete("/api/v1/companies/" + other).statusCode()).isEqualTo(204);
        assertThat(ids("basaltwerk"))
                .as("a company in the trash leads to nobody")
                .isEmpty();
    }

    @Test
    void trashedAndRenamedRecordsAreNotFoundByWhatTheyWere() {
        String temp = create("/api/v1/contacts", "{\"firstName\":\"Quentin\",\"lastName\":\"Trashwell\"}");
        assertThat(ids("trashwell")).containsExactly(temp);
        assertThat(api.delete("/api/v1/contacts/" + temp).statusCode()).isEqualTo(204);
        assertThat(ids("trashwell")).as("in the trash").isEmpty();
        assertThat(api.postJson("/api/v1/contacts/" + temp + "/restore", "").statusCode())
                .isEqualTo(200);
        assertThat(ids("trashwell")).containsExactly(temp);
        assertThat(api.patchJson("/api/v1/contacts/" + temp, "{\"lastName\":\"Renamed\"}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(ids("trashwell")).isEmpty();
        assertThat(ids("quentin renamed")).containsExactly(temp);
    }

    @Test
    void membersWhoSeeOnlyTheirOwnRecordsFindOnlyThose() {
        SignedUp boss = signUpAndVerify("Private Search Co");
        Joined alice = inviteAndJoin(boss, "member");
        Joined bob = inviteAndJoin(boss, "member");
        String alices = Browserless.jsonField(
                alice.session()
                        .postJson(
                                "/api/v1/contacts",
                                "{\"firstName\":\"Zebulon\",\"lastName\":\"Private\","
                                        + "\"emails\":[{\"address\":\"zeb@private.example\"}]}")
                        .body(),
                "id");
        assertThat(boss.session()
                        .postForm("/settings/client/visibility", Map.of("recordVisibility", "own"))
                        .statusCode())
                .isEqualTo(302);
        for (String q : List.of("zebulon", "zeb@private.example", "Zebulom Privat")) {
            assertThat(bob.session().get("/api/v1/search?q=" + enc(q)).body())
                    .as("bob does not find " + q)
                    .doesNotContain(alices);
            assertThat(bob.session().page("/search?q=" + enc(q)).body()).doesNotContain("Zebulon");
            assertThat(alice.session().get("/api/v1/search?q=" + enc(q)).body())
                    .as("alice finds " + q)
                    .contains(alices);
            assertThat(boss.session().get("/api/v1/search?q=" + enc(q)).body()).contains(alices);
        }
    }

    @Test
    void badInputIsRefused() {
        assertProblem(api.get("/api/v1/search"), "q");
        assertProblem(api.get("/api/v1/search?q=%20%20"), "q");
        assertProblem(api.get("/api/v1/search?q=" + "a".repeat(201)), "q");
        assertThat(api.get("/api/v1/search?q=" + "a".repeat(200)).statusCode()).isEqualTo(200);
        assertProblem(api.get("/api/v1/search?q=jose&limit=0"), "limit");
        assertProblem(api.get("/api/v1/search?q=jose&limit=51"), "limit");
        assertProblem(api.get("/api/v1/search?q=jose&types=contacts,people"), "types");
        assertThat(api.get("/api/v1/search?q=jose&limit=abc").statusCode()).isEqualTo(400);
        for (String odd : List.of("%", "_", "'", "- -", "a & b | !c", "' or 1=1 --", "jose:*", "\\", "🙂")) {
            assertThat(api.get("/api/v1/search?q=" + enc(odd)).statusCode())
                    .as(odd)
                    .isEqualTo(200);
        }
        assertThat(ids("%")).as("no wildcard").isEmpty();
        assertThat(client().get("/api/v1/search?q=jose").statusCode())
                .as("signed out")
                .isIn(401, 302);
        assertThat(api.page("/search?q=" + "a".repeat(201)).body()).contains("Use at most 200 characters");
    }

    @Test
    void theResultsPageAndThePaletteShowGroupsAndAClearEmptyState() {
        String page = api.page("/search?q=jose").body();
        assertThat(page).contains("José García", "href=\"/contacts/" + jose + "\"", ">Contacts</h2>");
        assertThat(api.page("/search?q=xylophone").body()).contains("Nothing found for “xylophone”");
        assertThat(api.page("/search").body()).contains("Type a name, an email");

        String suggestions = api.page("/search/suggestions?q=nordwind").body();
        assertThat(suggestions)
                .contains("role=\"option\"", "id=\"search-palette-option-1\"", "Nordwind fleet rollout")
                .doesNotContain("<html");
        assertThat(api.page("/search/suggestions?q=xylophone").body()).contains("Nothing found");

        String home = api.page("/app").body();
        assertThat(home)
                .contains("id=\"topbar-search\"", "<dialog id=\"search-palette\"", "role=\"listbox\"", "/js/search.js")
                .doesNotContain("<script>");
    }

    private String create(String path, String body) {
        HttpResponse<String> created = api.postJson(path, body);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return Browserless.jsonField(created.body(), "id");
    }

    private JsonNode results(String q) {
        return results(q, null);
    }

    private JsonNode results(String q, String types) {
        HttpResponse<String> response =
                api.get("/api/v1/search?q=" + enc(q) + (types == null ? "" : "&types=" + types));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private List<String> ids(String q) {
        return idsOf(results(q));
    }

    private static List<String> idsOf(JsonNode found) {
        List<String> ids = new ArrayList<>();
        found.get("data").forEach(r -> ids.add(r.get("id").asString()));
        return ids;
    }

    private static JsonNode first(JsonNode found, String id) {
        for (JsonNode r : found.get("data")) {
            if (r.get("id").asString().equals(id)) {
                return r;
            }
        }
        throw new AssertionError(id + " not found");
    }

    private static void assertProblem(HttpResponse<String> response, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
        assertThat(response.body()).contains(field);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
