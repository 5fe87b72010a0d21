package io.team365.leads;

import static io.team365.leads.LeadApiTests.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.team365.core.TenantId;
import io.team365.support.Browserless;
import io.team365.support.IntegrationTest;
import io.team365.tenancy.TenantContext;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Converting a lead: what it makes, what it keeps, and that it is all or nothing. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LeadConversionTests extends IntegrationTest {

    SignedUp owner;
    Browserless api;

    @BeforeAll
    void anOrganisationWithMatchingCustomFields() {
        owner = signUpAndVerify("Converting Co");
        api = client().withBearer(token(owner.session()));
        define(api, "{\"object\":\"lead\",\"key\":\"budget\",\"label\":\"Budget\",\"type\":\"number\"}");
        define(api, "{\"object\":\"contact\",\"key\":\"budget\",\"label\":\"Budget\",\"type\":\"number\"}");
        define(api, "{\"object\":\"lead\",\"key\":\"campaign\",\"label\":\"Campaign\",\"type\":\"text\"}");
    }

    @Test
    void makesAContactCompanyAndDealAndKeepsTheLeadReadOnly() {
        String mark = UUID.randomUUID().toString().substring(0, 8);
        String lead = id(api.postJson("/api/v1/leads", """
                {"firstName":"Conny","lastName":"Vert","emails":[{"address":"conny@vert.example","label":"work"}],
                 "phones":[{"number":"+33 1 23 45 67 89","label":"office"}],"jobTitle":"Head of Buying",
                 "companyName":"Vert %s","tags":["fair"],"source":"trade fair","status":"qualified",
                 "customFields":{"budget":5000,"campaign":"spring"}}""".formatted(mark)));

        HttpResponse<String> converted = api.postJson("/api/v1/leads/" + lead + "/convert", """
                {"company":{"create":true},
                 "deal":{"name":"First order","value":{"amount":"1200.50","currency":"eur"},"closeDate":"2027-01-31"}}""");
        assertThat(converted.statusCode()).as(converted.body()).isEqualTo(200);
        String contactId = Browserless.jsonField(converted.body(), "contactId");
        String companyId = Browserless.jsonField(converted.body(), "companyId");
        String dealId = Browserless.jsonField(converted.body(), "dealId");

        assertThat(api.get("/api/v1/contacts/" + contactId).body())
                .contains("\"firstName\":\"Conny\"", "\"lastName\":\"Vert\"", "\"address\":\"conny@vert.example\"")
                .contains("\"number\":\"+33 1 23 45 67 89\"", "\"jobTitle\":\"Head of Buying\"")
                .contains("\"tags\":[\"fair\"]", "\"source\":\"trade fair\"", "\"ownerId\":\"" + owner.userId() + "\"")
                .contains("\"companyId\":\"" + companyId + "\"")
                .contains("\"customFields\":{\"budget\":\"5000\"}")
                .as("a lead field the contact does not have stays on the lead")
                .doesNotContain("spring");
        assertThat(api.get("/api/v1/companies/" + companyId).body()).contains("\"name\":\"Vert " + mark + "\"");
        assertThat(api.get("/api/v1/deals/" + dealId).body())
                .contains("\"name\":\"First order\"", "\"amount\":\"1200.50\"", "\"currency\":\"EUR\"")
                .contains("\"companyId\":\"" + companyId + "\"", "\"contactIds\":[\"" + contactId + "\"]");

        HttpResponse<String> read = api.get("/api/v1/leads/" + lead);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body())
                .contains("\"status\":\"converted\"", "\"convertedContactId\":\"" + contactId + "\"")
                .contains("\"convertedCompanyId\":\"" + companyId + "\"", "\"convertedDealId\":\"" + dealId + "\"")
                .contains("\"campaign\":\"spring\"")
                .doesNotContain("\"convertedAt\":null");

        HttpResponse<String> edit = api.send(
                "PATCH", "/api/v1/leads/" + lead, "application/merge-patch+json", "{\"jobTitle\":\"CEO\"}", null);
        assertThat(edit.statusCode()).isEqualTo(409);
        assertThat(edit.body()).contains("has been converted and can no longer be changed");
        HttpResponse<String> again = api.postJson("/api/v1/leads/" + lead + "/convert", "{}");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("already been converted");
        assertThat(count(owner, "select count(*) from contacts where last_name = 'Vert'"))
                .as("the second attempt made nothing")
                .isEqualTo(1);

        String leadTimeline = Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> api.get("/api/v1/leads/" + lead + "/timeline").body(), b -> b.contains("lead.converted"));
        assertThat(leadTimeline)
                .contains("lead.created", "\"field\":\"status\",\"from\":\"qualified\",\"to\":\"converted\"")
                .contains("\"field\":\"convertedContact\",\"from\":null,\"to\":\"Conny Vert\"")
                .contains("\"field\":\"convertedCompany\",\"from\":null,\"to\":\"Vert " + mark + "\"")
                .contains("\"field\":\"convertedDeal\",\"from\":null,\"to\":\"First order\"");
        String contactTimeline = Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(
                        () -> api.get("/api/v1/contacts/" + contactId + "/timeline")
                                .body(),
                        b -> b.contains("contact.converted-from-lead"));
        assertThat(contactTimeline).contains("\"field\":\"convertedFromLead\",\"from\":null,\"to\":\"Conny Vert\"");
        assertThat(owner.session().page("/contacts/" + contactId + "/timeline").body())
                .contains("created this contact by converting a lead");
        assertThat(api.get("/api/v1/audit?recordId=" + lead).body()).contains("lead.converted");
    }

    @Test
    void linksTheContactToAnExistingCompany() {
        String company = id(api.postJson("/api/v1/companies", "{\"name\":\"Existing Partners\"}"));
        String lead = id(api.postJson("/api/v1/leads", "{\"firstName\":\"Linka\",\"companyName\":\"Whatever\"}"));
        HttpResponse<String> converted =
                api.postJson("/api/v1/leads/" + lead + "/convert", "{\"company\":{\"id\":\"" + company + "\"}}");
        assertThat(converted.statusCode()).as(converted.body()).isEqualTo(200);
        assertThat(converted.body()).contains("\"companyId\":\"" + company + "\"", "\"dealId\":null");
        String contactId = Browserless.jsonField(converted.body(), "contactId");
        assertThat(api.get("/api/v1/contacts/" + contactId).body()).contains("\"companyId\":\"" + company + "\"");
        assertThat(api.get("/api/v1/companies?q=Whatever").body())
                .as("no company made")
                .doesNotContain("Whatever");
    }

    @Test
    void aContactOnlyConversionNeedsNoBody() {
        String lead = id(api.postJson("/api/v1/leads", "{\"emails\":[{\"address\":\"solo@x.example\"}]}"));
        HttpResponse<String> converted = api.postJson("/api/v1/leads/" + lead + "/convert", "");
        assertThat(converted.statusCode()).as(converted.body()).isEqualTo(200);
        assertThat(converted.body()).contains("\"companyId\":null", "\"dealId\":null");
    }

    @Test
    void aBadDealValueRollsBackTheContactAndCompany() {
        String mark = "Rollback" + UUID.randomUUID().toString().substring(0, 8);
        String lead = id(api.postJson(
                "/api/v1/leads", "{\"lastName\":\"%s\",\"companyName\":\"%s Ltd\"}".formatted(mark, mark)));
        HttpResponse<String> refused = api.postJson("/api/v1/leads/" + lead + "/convert", """
                {"company":{"create":true},"deal":{"name":"Too big","value":{"amount":"12.345","currency":"EUR"}}}""");
        assertProblem(refused, 400, "deal.value.amount");
        HttpResponse<String> badStage = api.postJson(
                "/api/v1/leads/" + lead + "/convert",
                "{\"company\":{\"create\":true},\"deal\":{\"name\":\"X\",\"stageId\":\"" + UUID.randomUUID() + "\"}}");
        assertProblem(badStage, 400, "deal.stageId");
        assertThat(count(owner, "select count(*) from contacts where last_name = '" + mark + "'"))
                .isZero();
        assertThat(count(owner, "select count(*) from companies where name = '" + mark + " Ltd'"))
                .isZero();
        assertThat(count(
                        owner,
                        "select count(*) from audit_events where action = 'contact.created'"
                                + " and target_id not in (select id::text from contacts)"))
                .as("no audit line for a contact that was never made")
                .isZero();
        assertThat(api.get("/api/v1/leads/" + lead).body()).contains("\"status\":\"new\"", "\"convertedAt\":null");
        assertThat(api.postJson("/api/v1/leads/" + lead + "/convert", "{\"company\":{\"create\":true}}")
                        .statusCode())
                .as("the lead still converts once the request is right")
                .isEqualTo(200);
    }

    @Test
    void aRefusedContactRollsBackTheCompanyMadeBeforeIt() {
        SignedUp strict = signUpAndVerify("Strict Contacts Co");
        Browserless strictApi = client().withBearer(token(strict.session()));
        define(
                strictApi,
                "{\"object\":\"contact\",\"key\":\"region\",\"label\":\"Region\",\"type\":\"text\","
                        + "\"required\":true}");
        String lead =
                id(strictApi.postJson("/api/v1/leads", "{\"lastName\":\"Strict\",\"companyName\":\"Strict Ltd\"}"));
        HttpResponse<String> refused =
                strictApi.postJson("/api/v1/leads/" + lead + "/convert", "{\"company\":{\"create\":true}}");
        assertProblem(refused, 400, "contact.customFields.region");
        assertThat(count(strict, "select count(*) from companies")).isZero();
        assertThat(count(strict, "select count(*) from contacts")).isZero();
        assertThat(strictApi.get("/api/v1/leads/" + lead).body()).contains("\"status\":\"new\"");
    }

    @Test
    void anotherClientsCompanyIsRefusedWithoutSayingWhatItIs() {
        SignedUp other = signUpAndVerify("Other Companies Co");
        String foreign = id(other.session().postJson("/api/v1/companies", "{\"name\":\"Their Secret Inc\"}"));
        String lead = id(api.postJson("/api/v1/leads", "{\"lastName\":\"Crosser\"}"));
        HttpResponse<String> refused =
                api.postJson("/api/v1/leads/" + lead + "/convert", "{\"company\":{\"id\":\"" + foreign + "\"}}");
        assertProblem(refused, 400, "company.id");
        assertThat(refused.body()).doesNotContain("Their Secret");
        assertProblem(
                api.postJson(
                        "/api/v1/leads/" + lead + "/convert", "{\"company\":{\"id\":\"" + UUID.randomUUID() + "\"}}"),
                400,
                "company.id");
        assertThat(count(owner, "select count(*) from contacts where last_name = 'Crosser'"))
                .isZero();
        assertThat(api.get("/api/v1/leads/" + lead).body()).contains("\"status\":\"new\"");
    }

    @Test
    void badConvertRequestsAreNamed() {
        String lead = id(api.postJson("/api/v1/leads", "{\"lastName\":\"Picky\"}"));
        assertProblem(
                api.postJson(
                        "/api/v1/leads/" + lead + "/convert",
                        "{\"company\":{\"create\":true,\"id\":\"" + UUID.randomUUID() + "\"}}"),
                400,
                "company");
        assertProblem(
                api.postJson("/api/v1/leads/" + lead + "/convert", "{\"company\":{\"create\":true}}"),
                400,
                "company.name");
        assertProblem(api.postJson("/api/v1/leads/" + lead + "/convert", "{\"colour\":\"red\"}"), 400, "colour");
        assertProblem(
                api.postJson("/api/v1/leads/" + lead + "/convert", "{\"company\":{\"id\":\"nope\"}}"),
                400,
                "company.id");
        assertThat(api.postJson("/api/v1/leads/" + UUID.randomUUID() + "/convert", "{}")
                        .statusCode())
                .isEqualTo(404);
        api.delete("/api/v1/leads/" + lead);
        assertThat(api.postJson("/api/v1/leads/" + lead + "/convert", "{}").statusCode())
                .as("a lead in the trash does not convert")
                .isEqualTo(404);
    }

    @Test
    void readOnlyUsersCannotConvert() {
        String lead = id(api.postJson("/api/v1/leads", "{\"lastName\":\"Untouched\"}"));
        Joined reader = inviteAndJoin(owner, "read-only");
        HttpResponse<String> refused = reader.session().postJson("/api/v1/leads/" + lead + "/convert", "{}");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(api.get("/api/v1/leads/" + lead).body()).contains("\"status\":\"new\"");
    }

    private int count(SignedUp who, String sql) {
        return TenantContext.callAs(
                new TenantId(who.tenantId()),
                null,
                () -> jdbc.sql(sql).query(Integer.class).single());
    }

    private static void define(Browserless api, String json) {
        HttpResponse<String> defined = api.postJson("/api/v1/custom-fields", json);
        assertThat(defined.statusCode()).as(defined.body()).isEqualTo(201);
    }

    private String token(Browserless session) {
        return Browserless.jsonField(
                session.postJson("/api/v1/me/tokens", "{\"name\":\"crm\"}").body(), "token");
    }

    private static String id(HttpResponse<String> created) {
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return Browserless.jsonField(created.body(), "id");
    }
}
