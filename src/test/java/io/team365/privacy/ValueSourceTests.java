package io.team365.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import io.team365.core.TenantId;
import io.team365.support.Browserless;
import io.team365.support.IntegrationTest;
import io.team365.tenancy.TenantContext;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Every field a person or an import sets on a contact or lead keeps its source, shown on the record's page. */
class ValueSourceTests extends IntegrationTest {

    @Autowired
    ValueSources valueSources;

    @Test
    void sourcesAreRecordedPerFieldForTheApiAndThePagesAndShownOnTheRecord() {
        SignedUp owner = signUpAndVerify("Source Co");
        SignedUp stranger = signUpAndVerify("Source Stranger Co");
        Browserless browser = owner.session();
        TenantId tenant = new TenantId(owner.tenantId());

        UUID contact = PreferenceCentreTests.contact(apiClient(browser), "Sal");
        assertThat(sources(tenant, contact))
                .contains("firstName=user/api", "emails=user/api", "ownerId=user/api")
                .noneMatch(s -> s.startsWith("jobTitle="));

        HttpResponse<String> edited = browser.postForm(
                "/contacts/" + contact + "/inline/jobTitle", Map.of("jobTitle", "Buyer", "version", "1"));
        assertThat(edited.statusCode()).as(edited.body()).isLessThan(400);
        assertThat(sources(tenant, contact)).contains("jobTitle=user/ui", "firstName=user/api");

        TenantContext.runAs(
                tenant,
                null,
                () -> valueSources.record(tenant, "contact", contact, "phones", ValueSource.IMPORT, "march.csv"));
        assertThat(sources(tenant, contact)).contains("phones=import/march.csv");

        String panel = browser.page("/privacy/sources-panel?recordType=contact&recordId=" + contact)
                .body();
        assertThat(panel)
                .contains("Where this data came from")
                .contains("Job title", "Entered by a user", "in the app", "through the API")
                .contains("Import file", "march.csv");
        assertThat(browser.page("/contacts/" + contact).body())
                .contains("hx-get=\"/privacy/sources-panel?recordType=contact&amp;recordId=" + contact + "\"")
                .contains("hx-get=\"/privacy/contacts/" + contact + "/consents-panel\"");

        HttpResponse<String> trimmed =
                browser.postForm("/contacts/" + contact + "/inline/jobTitle", Map.of("jobTitle", "", "version", "2"));
        assertThat(trimmed.statusCode()).isLessThan(400);
        assertThat(sources(tenant, contact))
                .as("a cleared value has no source")
                .noneMatch(s -> s.startsWith("jobTitle="));

        assertThat(stranger.session()
                        .page("/privacy/sources-panel?recordType=contact&recordId=" + contact)
                        .statusCode())
                .isEqualTo(404);
        assertThat(sources(new TenantId(stranger.tenantId()), contact))
                .as("row-level security")
                .isEmpty();
        assertThat(browser.page("/privacy/sources-panel?recordType=deal&recordId=" + contact)
                        .statusCode())
                .isEqualTo(404);
        assertThat(browser.page("/privacy/sources-panel?recordType=contact").statusCode())
                .isEqualTo(404);
        assertThat(browser.page("/privacy/sources-panel?recordType=contact&recordId=nope")
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    void aContactMadeOnThePageAndChangedOverTheApiKeepsBothChannels() {
        SignedUp owner = signUpAndVerify("Channel Co");
        Browserless browser = owner.session();
        TenantId tenant = new TenantId(owner.tenantId());
        Map<String, String> form = new java.util.HashMap<>(Map.of(
                "firstName", "Cam", "lastName", "Page", "email", "cam@example.test", "phone", "", "jobTitle", ""));
        form.put("tags", "");
        form.put("source", "");
        HttpResponse<String> made = browser.postForm("/contacts", form);
        assertThat(made.statusCode()).as(made.body()).isEqualTo(302);
        String location = made.headers().firstValue("Location").orElseThrow();
        java.util.regex.Matcher id =
                java.util.regex.Pattern.compile("/contacts/([0-9a-f-]{36})").matcher(location);
        assertThat(id.find()).as(location).isTrue();
        UUID contact = UUID.fromString(id.group(1));
        assertThat(sources(tenant, contact)).contains("firstName=user/ui", "lastName=user/ui", "emails=user/ui");

        HttpResponse<String> patched = apiClient(browser)
                .send("PATCH", "/api/v1/contacts/" + contact, "application/json", "{\"lastName\":\"Api\"}", null);
        assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
        assertThat(sources(tenant, contact)).contains("firstName=user/ui", "lastName=user/api");
        assertThat(TenantContext.callAs(
                        tenant,
                        null,
                        () -> jdbc.sql(
                                        "select recorded_by from value_sources where record_id = ? and field = 'lastName'")
                                .param(contact)
                                .query(UUID.class)
                                .single()))
                .as("who recorded it")
                .isEqualTo(owner.userId());
    }

    @Test
    void aConvertedLeadPassesItsSourcesToTheContact() {
        SignedUp owner = signUpAndVerify("Lead Source Co");
        Browserless api = owner.session();
        TenantId tenant = new TenantId(owner.tenantId());
        HttpResponse<String> created = api.postJson(
                "/api/v1/leads", "{\"firstName\":\"Lou\",\"emails\":[{\"address\":\"lou@example.test\"}]}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        UUID lead = UUID.fromString(Browserless.jsonField(created.body(), "id"));
        TenantContext.runAs(
                tenant,
                null,
                () -> valueSources.record(tenant, "lead", lead, "emails", ValueSource.WEB_FORM, "contact-us"));
        assertThat(sources(tenant, lead)).contains("firstName=user/api", "emails=web-form/contact-us");
        assertThat(api.page("/privacy/sources-panel?recordType=lead&recordId=" + lead)
                        .body())
                .contains("Web form", "contact-us");
        assertThat(api.page("/leads/" + lead).body())
                .contains("hx-get=\"/privacy/sources-panel?recordType=lead&amp;recordId=" + lead + "\"");

        HttpResponse<String> converted = api.postJson("/api/v1/leads/" + lead + "/convert", "{}");
        assertThat(converted.statusCode()).as(converted.body()).isLessThan(300);
        UUID contact = UUID.fromString(Browserless.jsonField(converted.body(), "contactId"));
        assertThat(sources(tenant, contact)).contains("emails=web-form/contact-us", "firstName=user/api");
    }

    /** field=source/detail for every value_sources row of the record, as the Client's database role sees them. */
    private List<String> sources(TenantId tenant, UUID record) {
        return TenantContext.callAs(
                tenant,
                null,
                () -> jdbc.sql("select field || '=' || source || coalesce('/' || detail, '') from value_sources"
                                + " where record_id = ? order by field")
                        .param(record)
                        .query(String.class)
                        .list());
    }
}
