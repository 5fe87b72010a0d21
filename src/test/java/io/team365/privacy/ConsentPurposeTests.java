package io.team365.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import io.team365.core.TenantId;
import io.team365.support.Browserless;
import io.team365.support.IntegrationTest;
import io.team365.tenancy.TenantContext;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Admins add, edit, archive and restore consent purposes, over the API and in Settings; nobody else can. */
class ConsentPurposeTests extends IntegrationTest {

    @Test
    void adminsAddEditAndArchivePurposesOverTheApiWithCheckedInput() {
        SignedUp owner = signUpAndVerify("Purpose Co");
        Joined member = inviteAndJoin(owner, "member");
        Joined reader = inviteAndJoin(owner, "read-only");
        SignedUp stranger = signUpAndVerify("Purpose Stranger Co");
        Browserless api = owner.session();

        HttpResponse<String> added = api.postJson(
                "/api/v1/consent-purposes",
                "{\"key\":\"webinars\",\"label\":\"Webinar invitations\",\"description\":\"Invitations to webinars\"}");
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        assertThat(added.headers().firstValue("Location")).hasValue("/api/v1/consent-purposes/webinars");
        assertThat(added.body()).contains("\"key\":\"webinars\"", "\"marketing\":true", "\"archived\":false");
        assertThat(api.get("/api/v1/consent-purposes").body())
                .as("the defaults stay beside the new one")
                .contains("\"key\":\"newsletter\"", "\"key\":\"webinars\"");

        HttpResponse<String> bad = api.postJson(
                "/api/v1/consent-purposes",
                "{\"key\":\"Bad Key!\",\"label\":\"  \",\"description\":\"" + "x".repeat(501) + "\"}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body())
                .contains("\"field\":\"key\"")
                .contains("\"field\":\"label\"")
                .contains("\"field\":\"description\"");
        HttpResponse<String> taken =
                api.postJson("/api/v1/consent-purposes", "{\"key\":\"newsletter\",\"label\":\"Again\"}");
        assertThat(taken.statusCode()).isEqualTo(409);
        assertThat(taken.body()).contains("already used");
        assertThat(member.session()
                        .postJson("/api/v1/consent-purposes", "{\"key\":\"mine\",\"label\":\"Mine\"}")
                        .statusCode())
                .isEqualTo(403);
        assertThat(reader.session()
                        .patchJson("/api/v1/consent-purposes/webinars", "{\"label\":\"Hijacked\"}")
                        .statusCode())
                .isEqualTo(403);
        assertThat(member.session().get("/api/v1/consent-purposes").statusCode())
                .as("everyone may read them")
                .isEqualTo(200);

        UUID contact = PreferenceCentreTests.contact(api, "Wes");
        PreferenceCentreTests.grant(api, contact, "webinars");
        HttpResponse<String> renamed =
                api.patchJson("/api/v1/consent-purposes/webinars", "{\"label\":\"Webinars\",\"description\":\"\"}");
        assertThat(renamed.statusCode()).as(renamed.body()).isEqualTo(200);
        assertThat(renamed.body()).contains("\"label\":\"Webinars\"", "\"description\":null");
        assertThat(api.patchJson("/api/v1/consent-purposes/webinars", "{\"label\":\"\"}")
                        .statusCode())
                .isEqualTo(400);
        assertThat(api.patchJson("/api/v1/consent-purposes/nope", "{\"label\":\"X\"}")
                        .statusCode())
                .isEqualTo(404);
        assertThat(stranger.session()
                        .patchJson("/api/v1/consent-purposes/webinars", "{\"label\":\"Theirs\"}")
                        .statusCode())
                .as("another Client's purpose")
                .isEqualTo(404);

        HttpResponse<String> archived = api.patchJson("/api/v1/consent-purposes/webinars", "{\"archived\":true}");
        assertThat(archived.body()).contains("\"archived\":true");
        TenantId tenant = new TenantId(owner.tenantId());
        assertThat(TenantContext.callAs(
                        tenant,
                        null,
                        () -> jdbc.sql(
                                        "select count(*) from consent_purposes where key = 'webinars' and archived_at is not null")
                                .query(Integer.class)
                                .single()))
                .isEqualTo(1);
        assertThat(TenantContext.callAs(
                        tenant,
                        null,
                        () -> jdbc.sql("select count(*) from consent_events where purpose = 'webinars'")
                                .query(Integer.class)
                                .single()))
                .as("the history stays")
                .isEqualTo(1);
        HttpResponse<String> grantArchived = api.postJson(
                "/api/v1/consents",
                "{\"contactId\":\"" + contact + "\",\"purpose\":\"webinars\",\"granted\":true,\"method\":\"api\"}");
        assertThat(grantArchived.statusCode()).isEqualTo(400);
        assertThat(grantArchived.body()).contains("archived");
        assertThat(api.postJson(
                                "/api/v1/consents",
                                "{\"contactId\":\"" + contact
                                        + "\",\"purpose\":\"webinars\",\"granted\":false,\"method\":\"api\"}")
                        .statusCode())
                .as("withdrawing an archived purpose is still recorded")
                .isEqualTo(201);
        assertThat(api.postJson("/api/v1/consent-purposes", "{\"key\":\"webinars\",\"label\":\"Reuse\"}")
                        .statusCode())
                .as("an archived purpose keeps its key")
                .isEqualTo(409);
        assertThat(api.get("/api/v1/audit").body()).contains("consent.purpose-added", "consent.purpose-archived");
    }

    @Test
    void settingsPageIsForAdminsWithClearErrorsAndArchiving() {
        SignedUp owner = signUpAndVerify("Purpose Page Co");
        Joined member = inviteAndJoin(owner, "member");
        Browserless browser = owner.session();

        HttpResponse<String> page = browser.page("/settings/privacy/purposes");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Consent purposes", "Sharing with partners", "<label for=\"key\">");
        assertThat(member.session().page("/settings/privacy/purposes").statusCode())
                .isEqualTo(403);
        assertThat(member.session()
                        .postForm("/settings/privacy/purposes", Map.of("key", "x", "label", "X"))
                        .statusCode())
                .isEqualTo(403);

        HttpResponse<String> refused =
                browser.postForm("/settings/privacy/purposes", Map.of("key", "9 lives", "label", ""));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("Use lower-case letters", "This field is required");

        HttpResponse<String> added = browser.postForm(
                "/settings/privacy/purposes",
                Map.of("key", "surveys", "label", "Surveys", "description", "Short surveys", "marketing", "true"));
        assertThat(added.statusCode()).isEqualTo(302);
        assertThat(added.headers().firstValue("Location").orElse("")).endsWith("done=added");
        assertThat(browser.postForm("/settings/privacy/purposes", Map.of("key", "surveys", "label", "Again"))
                        .statusCode())
                .isEqualTo(409);

        HttpResponse<String> badEdit = browser.postForm("/settings/privacy/purposes/surveys", Map.of("label", ""));
        assertThat(badEdit.statusCode()).isEqualTo(422);
        assertThat(badEdit.body()).contains("was not saved");
        browser.postForm(
                "/settings/privacy/purposes/surveys",
                Map.of("label", "Customer surveys", "description", "Short surveys"));
        browser.postForm("/settings/privacy/purposes/surveys/archive", Map.of());
        String archived = browser.page("/settings/privacy/purposes").body();
        assertThat(archived.substring(archived.indexOf("Archived purposes"))).contains("Customer surveys");
        assertThat(browser.postForm("/settings/privacy/purposes/unknown/archive", Map.of())
                        .statusCode())
                .isEqualTo(404);

        browser.postForm("/settings/privacy/purposes/surveys/restore", Map.of());
        assertThat(browser.get("/api/v1/consent-purposes").body())
                .contains("\"key\":\"surveys\",\"label\":\"Customer surveys\",\"description\":\"Short surveys\","
                        + "\"marketing\":false,\"archived\":false");
    }
}
