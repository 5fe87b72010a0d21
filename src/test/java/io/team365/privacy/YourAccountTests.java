package io.team365.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.team365.core.TenantId;
import io.team365.support.Browserless;
import io.team365.support.IntegrationTest;
import io.team365.tenancy.TenantContext;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Settings → Your data: closing one's own account, refused for a Client's last owner, with SQL-level outcomes. */
class YourAccountTests extends IntegrationTest {

    private long inTenant(UUID tenant, String sql, Object... params) {
        return TenantContext.callAs(new TenantId(tenant), null, () -> query(sql, params));
    }

    private long asUser(UUID user, String sql, Object... params) {
        return TenantContext.callAs(null, user, () -> query(sql, params));
    }

    private long query(String sql, Object... params) {
        var statement = jdbc.sql(sql);
        for (Object param : params) {
            statement = statement.param(param);
        }
        return statement.query(Long.class).single();
    }

    @Test
    void theLastOwnerMustHandOverFirstAndAWrongPasswordClosesNothing() {
        SignedUp owner = signUpAndVerify("Sole Owner Co");
        Joined reader = inviteAndJoin(owner, "read-only");

        assertThat(owner.session().page("/settings/account").body())
                .contains("You are the only owner of: Sole Owner Co");
        HttpResponse<String> refused =
                owner.session().postForm("/settings/account/close", Map.of("password", owner.password()));
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("You are the only owner of a Client");
        HttpResponse<String> wrong =
                reader.session().postForm("/settings/account/close", Map.of("password", "not my password"));
        assertThat(wrong.statusCode()).isEqualTo(422);
        assertThat(wrong.body()).contains("The password is not right.");
        HttpResponse<String> missing = reader.session().postForm("/settings/account/close", Map.of());
        assertThat(missing.statusCode()).isEqualTo(422);
        for (int guess = 0; guess < 5; guess++) {
            reader.session().postForm("/settings/account/close", Map.of("password", "guess " + guess));
        }
        HttpResponse<String> throttled =
                reader.session().postForm("/settings/account/close", Map.of("password", reader.password()));
        assertThat(throttled.statusCode())
                .as("guessing is throttled like sign-in")
                .isEqualTo(422);
        assertThat(throttled.body()).contains("Too many wrong passwords");

        assertThat(inTenant(owner.tenantId(), "select count(*) from memberships"))
                .isEqualTo(2);
        assertThat(asUser(owner.userId(), "select count(*) from users where id = ?", owner.userId()))
                .isEqualTo(1);
        assertThat(owner.session().page("/app").statusCode()).isEqualTo(200);
        assertThat(reader.session().page("/app").statusCode()).isEqualTo(200);
    }

    @Test
    void closingDeletesTheAccountButTheClientKeepsItsRecordsAndAuditTrail() {
        SignedUp owner = signUpAndVerify("Leavers Co");
        Joined member = inviteAndJoin(owner, "member");
        String token = apiToken(member.session());
        String contact = Browserless.jsonField(
                member.session()
                        .postJson(
                                "/api/v1/contacts", "{\"firstName\":\"Kept\",\"ownerId\":\"" + member.userId() + "\"}")
                        .body(),
                "id");
        assertThat(inTenant(owner.tenantId(), "select count(*) from api_tokens where user_id = ?", member.userId()))
                .isEqualTo(1);
        long auditBefore =
                inTenant(owner.tenantId(), "select count(*) from audit_events where actor_id = ?", member.userId());
        assertThat(auditBefore).isPositive();

        assertThat(member.session().page("/settings/account").statusCode()).isEqualTo(200);
        HttpResponse<String> closed =
                member.session().postForm("/settings/account/close", Map.of("password", member.password()));
        assertThat(closed.statusCode()).as(closed.body()).isEqualTo(302);
        assertThat(closed.headers().firstValue("Location").orElseThrow()).contains("/login");

        assertThat(asUser(member.userId(), "select count(*) from users where id = ?", member.userId()))
                .as("the account is gone")
                .isZero();
        assertThat(inTenant(owner.tenantId(), "select count(*) from memberships where user_id = ?", member.userId()))
                .isZero();
        assertThat(inTenant(owner.tenantId(), "select count(*) from api_tokens where user_id = ?", member.userId()))
                .isZero();
        assertThat(query(
                        "select count(*) from spring_session where principal_name = ?",
                        member.userId().toString()))
                .as("every session ended")
                .isZero();
        assertThat(inTenant(
                        owner.tenantId(),
                        "select count(*) from contacts where id = ? and owner_id is null and deleted_at is null",
                        UUID.fromString(contact)))
                .as("the record stays with the Client, unowned")
                .isEqualTo(1);
        assertThat(inTenant(owner.tenantId(), "select count(*) from audit_events where actor_id = ?", member.userId()))
                .as("the audit trail keeps what they did, plus the closing")
                .isEqualTo(auditBefore + 1);
        assertThat(inTenant(
                        owner.tenantId(),
                        "select count(*) from audit_events where action = 'user.account-closed' and target_id = ?",
                        member.userId().toString()))
                .isEqualTo(1);
        Awaitility.await()
                .atMost(Duration.ofSeconds(15))
                .until(() -> messagesTo(member.email()).stream()
                        .anyMatch(m -> body(m).contains("your Team365 account has been closed")));

        assertThat(member.session().page("/app").statusCode())
                .as("the old session is signed out")
                .isEqualTo(302);
        assertThat(client().withBearer(token).get("/api/v1/me").statusCode()).isEqualTo(401);
        assertThatThrownBy(() -> client().signIn(member.email(), member.password()))
                .hasMessageContaining("sign-in failed");
        assertThat(owner.session().page("/app").statusCode()).isEqualTo(200);
        assertThat(owner.session().get("/api/v1/contacts/" + contact).statusCode())
                .isEqualTo(200);
    }
}
