package io.team365.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.team365.core.TenantId;
import io.team365.support.Browserless;
import io.team365.support.IntegrationTest;
import io.team365.tenancy.TenantContext;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The consent ledger: append-only at the SQL level, current state from the newest entry, checked input. */
class ConsentLedgerTests extends IntegrationTest {

    @Test
    void consentIsRecordedWithEvidenceAndItsCurrentStateIsTheNewestEntry() {
        SignedUp owner = signUpAndVerify("Consent Co");
        Joined reader = inviteAndJoin(owner, "read-only");
        SignedUp stranger = signUpAndVerify("Consent Stranger Co");
        Browserless api = owner.session();
        String contact = Browserless.jsonField(
                api.postJson("/api/v1/contacts", "{\"firstName\":\"Cora\"}").body(), "id");

        assertThat(api.get("/api/v1/consent-purposes").body())
                .contains("\"key\":\"newsletter\"")
                .contains("\"key\":\"email-tracking\"")
                .contains("\"key\":\"partner-sharing\"");
        HttpResponse<String> granted = api.postJson(
                "/api/v1/consents",
                "{\"contactId\":\"" + contact + "\",\"purpose\":\"newsletter\",\"granted\":true,\"method\":\"form\","
                        + "\"policyVersion\":\"2026-11\",\"evidence\":{\"page\":\"/signup-form\",\"ipHash\":\"ab12\","
                        + "\"userAgent\":\"Firefox\"}}");
        assertThat(granted.statusCode()).as(granted.body()).isEqualTo(201);
        api.postJson(
                "/api/v1/consents",
                "{\"contactId\":\"" + contact + "\",\"purpose\":\"newsletter\",\"granted\":false,\"method\":\"api\"}");
        api.postJson(
                "/api/v1/consents",
                "{\"contactId\":\"" + contact
                        + "\",\"purpose\":\"event-updates\",\"granted\":true,\"method\":\"api\"}");

        String state = api.get("/api/v1/contacts/" + contact + "/consents").body();
        String current = state.substring(state.indexOf("\"current\""), state.indexOf("\"history\""));
        assertThat(current)
                .as("the newest entry per purpose")
                .contains("\"purpose\":\"newsletter\",\"granted\":false")
                .contains("\"purpose\":\"event-updates\",\"granted\":true")
                .doesNotContain("\"granted\":true,\"method\":\"form\"");
        assertThat(state.substring(state.indexOf("\"history\"")))
                .as("the whole history stays, with its evidence")
                .contains("\"ipHash\":\"ab12\"")
                .contains("\"policyVersion\":\"2026-11\"");
        assertThat(api.get("/api/v1/audit?recordId=" + contact).body())
                .contains("consent.granted")
                .contains("consent.withdrawn");

        HttpResponse<String> bad = api.postJson(
                "/api/v1/consents",
                "{\"contactId\":\"" + UUID.randomUUID() + "\",\"purpose\":\"spam\",\"method\":\"shouting\","
                        + "\"evidence\":{\"password\":\"x\"}}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body())
                .contains("\"field\":\"contactId\"")
                .contains("\"field\":\"purpose\"")
                .contains("\"field\":\"granted\"")
                .contains("\"field\":\"method\"")
                .contains("\"field\":\"evidence.password\"");
        assertThat(stranger.session()
                        .get("/api/v1/contacts/" + contact + "/consents")
                        .statusCode())
                .isEqualTo(404);
        assertThat(stranger.session()
                        .postJson(
                                "/api/v1/consents",
                                "{\"contactId\":\"" + contact + "\",\"purpose\":\"newsletter\",\"granted\":true,"
                                        + "\"method\":\"api\"}")
                        .statusCode())
                .as("another Client's contact")
                .isEqualTo(400);
        assertThat(reader.session()
                        .postJson(
                                "/api/v1/consents",
                                "{\"contactId\":\"" + contact + "\",\"purpose\":\"newsletter\",\"granted\":true,"
                                        + "\"method\":\"api\"}")
                        .statusCode())
                .isEqualTo(403);

        TenantId tenant = new TenantId(owner.tenantId());
        assertThatThrownBy(() -> TenantContext.runAs(
                        tenant,
                        null,
                        () -> jdbc.sql("update consent_events set granted = true where contact_id = ?")
                                .param(UUID.fromString(contact))
                                .update()))
                .as("the ledger is append-only for the application role")
                .hasMessageContaining("consent_events");
    }
}
