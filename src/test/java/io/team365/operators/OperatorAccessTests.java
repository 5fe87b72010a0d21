package io.team365.operators;

import static org.assertj.core.api.Assertions.assertThat;

import io.team365.support.Browserless;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Operator access: none without a grant, only the granted scope within one, none after expiry or revocation, and
 * every operator action in the Client's audit trail and on its Settings → Operator access page.
 */
class OperatorAccessTests extends OperatorTest {

    private String contact(Browserless session, String firstName) {
        HttpResponse<String> created = session.postJson(
                "/api/v1/contacts", "{\"firstName\":\"%s\",\"lastName\":\"Zephyr\"}".formatted(firstName));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return Browserless.jsonField(created.body(), "id");
    }

    private String grant(Browserless admin, String scope, Instant until) {
        HttpResponse<String> granted = admin.postJson(
                "/api/v1/operator-grants",
                "{\"scope\":\"%s\",\"reason\":\"Ticket 4711: import failed\",\"until\":\"%s\"}"
                        .formatted(scope, until));
        assertThat(granted.statusCode()).as(granted.body()).isEqualTo(201);
        return Browserless.jsonField(granted.body(), "id");
    }

    private long countAudit(SignedUp client, String action) {
        return io.team365.tenancy.TenantContext.callAs(
                new io.team365.core.TenantId(client.tenantId()),
                null,
                () -> jdbc.sql("select count(*) from audit_events where action like :action")
                        .param("action", action)
                        .query(Long.class)
                        .single());
    }

    @Test
    void operatorsSeeNothingWithoutAGrantAndOnlyTheGrantedScopeWithOne() {
        SignedUp client = signUpAndVerify("Granting Co");
        String id = contact(client.session(), "Quentin");
        Browserless operator = operator();
        String base = "/operator/clients/" + client.tenantId();

        assertThat(operator.get("/operator").statusCode()).isEqualTo(200);
        assertThat(operator.get("/operator").body()).doesNotContain("Granting Co");
        assertThat(operator.get(base + "/contacts").statusCode()).isEqualTo(403);
        assertThat(operator.get(base + "/contacts/" + id).statusCode()).isEqualTo(403);
        assertThat(operator.get(base + "/settings").statusCode()).isEqualTo(403);
        assertThat(operator.get("/contacts/" + id).statusCode())
                .as("the operator's own session is bound to their own Client")
                .isEqualTo(404);
        assertThat(countAudit(client, "operator.%")).isZero();
        assertThat(countAudit(client, "contact.viewed")).isZero();

        String grantId = grant(client.session(), "records:read", Instant.now().plus(Duration.ofDays(2)));
        assertThat(operator.get("/operator").body()).contains("Granting Co");
        HttpResponse<String> list = operator.get(base + "/contacts");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("Quentin");
        HttpResponse<String> record = operator.get(base + "/contacts/" + id);
        assertThat(record.statusCode()).isEqualTo(200);
        assertThat(record.body()).contains("Quentin");
        assertThat(operator.get(base + "/settings").statusCode())
                .as("the grant is for records, not settings")
                .isEqualTo(403);
        assertThat(operator.postForm(base + "/contacts/" + id, Map.of("firstName", "Changed"))
                        .statusCode())
                .as("the console only reads")
                .isIn(403, 404, 405);

        // every operator action is in the Client's audit trail, with the grant's id, and on its settings page
        String entries =
                client.session().get("/api/v1/audit?filter[action]=operator.").body();
        assertThat(entries)
                .contains("operator.contacts-listed")
                .contains("operator.contact-viewed")
                .contains("\"grant\":\"" + grantId + "\"")
                .contains("\"actorEmail\":\"" + EMAIL + "\"");
        assertThat(countAudit(client, "contact.viewed")).isEqualTo(1);
        HttpResponse<String> settings = client.session().get("/settings/operator-access");
        assertThat(settings.statusCode()).isEqualTo(200);
        assertThat(settings.body())
                .contains("Ticket 4711")
                .contains("Operator listed contacts")
                .contains("Operator viewed a contact")
                .contains(EMAIL);
    }

    @Test
    void aGrantEndsWhenItExpiresOrIsRevoked() {
        SignedUp client = signUpAndVerify("Expiring Co");
        Browserless operator = operator();
        String base = "/operator/clients/" + client.tenantId();
        String grant = grant(client.session(), "settings", Instant.now().plus(Duration.ofDays(1)));
        assertThat(operator.get(base + "/settings").statusCode()).isEqualTo(200);
        try {
            clock.advance(Duration.ofDays(1).plusMinutes(1));
            assertThat(operator.get(base + "/settings").statusCode()).isEqualTo(403);
            assertThat(operator.get("/operator").body()).doesNotContain("Expiring Co");
            assertThat(client.session().get("/settings/operator-access").body()).contains("Expired");
        } finally {
            clock.reset();
        }

        // back at the real time the same grant is live again, until the admin revokes it
        assertThat(operator.get(base + "/settings").statusCode()).isEqualTo(200);
        HttpResponse<String> revoked =
                client.session().postForm("/settings/operator-access/" + grant + "/revoke", Map.of());
        assertThat(revoked.statusCode()).isEqualTo(302);
        assertThat(operator.get(base + "/settings").statusCode()).isEqualTo(403);
        assertThat(client.session()
                        .get("/api/v1/audit?filter[action]=operator.access-revoked")
                        .body())
                .contains(grant);
        assertThat(countAudit(client, "operator.settings-viewed")).isEqualTo(2);
    }

    @Test
    void grantsAreForAdminsWithAReasonAndAtMostSevenDaysAndOpenOnlyTheirClient() {
        SignedUp client = signUpAndVerify("Careful Co");
        SignedUp other = signUpAndVerify("Other Co");
        contact(other.session(), "Olga");
        Browserless admin = client.session();
        String until = Instant.now().plus(Duration.ofDays(1)).toString();

        assertThat(admin.postJson(
                                "/api/v1/operator-grants",
                                "{\"scope\":\"records:read\",\"reason\":\"x\",\"until\":\"%s\"}"
                                        .formatted(Instant.now().plus(Duration.ofDays(8))))
                        .body())
                .contains("until");
        assertThat(admin.postJson(
                                "/api/v1/operator-grants",
                                "{\"scope\":\"everything\",\"reason\":\"x\",\"until\":\"%s\"}".formatted(until))
                        .statusCode())
                .isEqualTo(400);
        assertThat(admin.postJson(
                                "/api/v1/operator-grants",
                                "{\"scope\":\"settings\",\"reason\":\"  \",\"until\":\"%s\"}".formatted(until))
                        .statusCode())
                .isEqualTo(400);
        assertThat(admin.postJson(
                                "/api/v1/operator-grants",
                                "{\"scope\":\"settings\",\"reason\":\"x\",\"until\":\"tomorrow\"}")
                        .statusCode())
                .isEqualTo(400);
        assertThat(admin.postJson(
                                "/api/v1/operator-grants",
                                "{\"scope\":\"settings\",\"reason\":\"x\",\"until\":\"2020-01-01T00:00:00Z\"}")
                        .statusCode())
                .isEqualTo(400);
        HttpResponse<String> form = admin.postForm(
                "/settings/operator-access", Map.of("scope", "settings", "reason", "Ticket", "days", "9"));
        assertThat(form.statusCode()).isEqualTo(422);
        assertThat(form.body()).contains("at most seven days");
        assertThat(admin.get("/api/v1/operator-grants").body()).doesNotContain("\"id\"");

        Joined member = inviteAndJoin(client, "member");
        assertThat(member.session()
                        .postJson(
                                "/api/v1/operator-grants",
                                "{\"scope\":\"settings\",\"reason\":\"x\",\"until\":\"%s\"}".formatted(until))
                        .statusCode())
                .isEqualTo(403);
        assertThat(member.session().get("/settings/operator-access").statusCode())
                .isEqualTo(403);
        assertThat(member.session().get("/operator").statusCode())
                .as("only Team365 operators reach the console")
                .isEqualTo(403);

        assertThat(admin.postForm(
                                "/settings/operator-access",
                                Map.of("scope", "records:read", "reason", "Ticket 1", "days", "3"))
                        .statusCode())
                .isEqualTo(302);
        Browserless operator = operator();
        assertThat(operator.get("/operator/clients/" + client.tenantId() + "/contacts")
                        .statusCode())
                .isEqualTo(200);
        assertThat(operator.get("/operator/clients/" + other.tenantId() + "/contacts")
                        .statusCode())
                .as("a grant opens only the Client that gave it")
                .isEqualTo(403);
        assertThat(operator.get("/operator/clients/not-a-uuid/contacts").statusCode())
                .isEqualTo(404);
        assertThat(countAudit(other, "operator.%")).isZero();
        assertThat(other.session().get("/api/v1/operator-grants").body())
                .as("grants are per Client")
                .doesNotContain("Ticket 1");
    }
}
