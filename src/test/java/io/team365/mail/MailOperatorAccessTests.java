package io.team365.mail;

import static org.assertj.core.api.Assertions.assertThat;

import io.team365.core.TenantId;
import io.team365.mail.internal.account.MailAccount;
import io.team365.mail.internal.account.MailAccountStore;
import io.team365.support.Browserless;
import io.team365.support.IntegrationTest;
import io.team365.tenancy.TenantTransactions;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * No Team365 operator reads mail content without the user's approval of that specific message: a full Client grant
 * opens no mail; an approval of message A opens A (for the named operator, until it expires or is revoked) and
 * nothing else; every read is in the Client's audit trail with the approval and message ids and no content.
 */
class MailOperatorAccessTests extends IntegrationTest {

    /** Listed in {@code team365.operators} by the test profile. */
    static final String OPERATOR = "platform-operator@team365.test";

    private static final String PASSWORD = "amber harbour compass 77";

    @Autowired
    TenantTransactions tenants;

    @Autowired
    MailAccountStore accounts;

    @Test
    void aClientGrantOpensNoMailAndAnApprovalOpensOnlyItsMessageUntilRevokedOrExpired() {
        SignedUp owner = signUpAndVerify("Approving Co");
        Joined member = inviteAndJoin(owner, "member");
        TenantId tenant = new TenantId(owner.tenantId());
        MailRows rows = new MailRows(jdbc, tenants, accounts);
        UUID account = rows.account(tenant, owner.userId(), "me@approving.test", MailAccount.Sharing.TEAM);
        var a = rows.message(
                tenant, account, "x@y.test", List.of("me@approving.test"), List.of(), "Alpha", "Body of A");
        var b = rows.message(
                tenant, account, "x@y.test", List.of("me@approving.test"), List.of(), "Bravo", "Body of B");
        Browserless operator = operator();
        String base = "/operator/mail/" + tenant.value() + "/";

        // a full Client grant (records and settings) opens no mail
        Browserless admin = apiClient(owner.session());
        for (String scope : List.of("records:read", "settings")) {
            HttpResponse<String> granted = admin.postJson(
                    "/api/v1/operator-grants",
                    "{\"scope\":\"%s\",\"reason\":\"Ticket 9\",\"until\":\"%s\"}"
                            .formatted(scope, Instant.now().plus(Duration.ofDays(2))));
            assertThat(granted.statusCode()).as(granted.body()).isEqualTo(201);
        }
        assertThat(operator.get("/operator/mail").body()).doesNotContain("Approving Co");
        assertThat(operator.get(base + UUID.randomUUID()).statusCode()).isEqualTo(404);
        assertThat(operator.get("/operator/mail/not-a-client/" + UUID.randomUUID())
                        .statusCode())
                .isEqualTo(404);

        // bad input and the wrong people change nothing
        assertThat(approve(owner.session(), a.id(), "not-an-email", "Ticket 9", "7")
                        .statusCode())
                .isEqualTo(422);
        assertThat(approve(owner.session(), a.id(), OPERATOR, "", "7").statusCode())
                .isEqualTo(422);
        assertThat(approve(owner.session(), a.id(), OPERATOR, "Ticket 9", "31").statusCode())
                .isEqualTo(422);
        assertThat(approve(owner.session(), a.id(), OPERATOR, "Ticket 9", "zero")
                        .statusCode())
                .isEqualTo(422);
        assertThat(approve(member.session(), a.id(), OPERATOR, "Ticket 9", "7").statusCode())
                .as("only the account's owner approves, even for team-shared mail")
                .isEqualTo(404);
        assertThat(approve(owner.session(), UUID.randomUUID(), OPERATOR, "Ticket 9", "7")
                        .statusCode())
                .isEqualTo(404);
        assertThat(approvals(tenant)).isZero();

        assertThat(approve(owner.session(), b.id(), "someone-else@team365.test", "Ticket 9", "7")
                        .statusCode())
                .as("only Team365's operators can be named")
                .isEqualTo(422);
        assertThat(approvals(tenant)).isZero();

        // approved for another operator (one who has since left the list): not for this one
        UUID elsewhere = UUID.randomUUID();
        tenants.run(
                tenant,
                owner.userId(),
                () -> jdbc.sql("""
                        insert into mail_operator_approvals
                            (tenant_id, id, message_id, approved_by, operator, reason, approved_at, expires_at)
                        values (:tenant, :id, :message, :by, 'former-operator@team365.test', 'Ticket 8', now(),
                            now() + interval '3 days')""")
                        .param("tenant", tenant.value())
                        .param("id", elsewhere)
                        .param("message", b.id())
                        .param("by", owner.userId())
                        .update());
        assertThat(operator.get(base + elsewhere).statusCode()).isEqualTo(404);

        // approved for this operator: message A and nothing else
        HttpResponse<String> approved = approve(owner.session(), a.id(), OPERATOR.toUpperCase(), "Ticket 9", "1");
        assertThat(approved.statusCode()).isEqualTo(302);
        assertThat(approved.headers().firstValue("Location").orElse("")).endsWith("/settings/mail/operator-approvals");
        UUID approval = approvalOf(tenant, a.id());
        HttpResponse<String> list = operator.get("/operator/mail");
        assertThat(list.body())
                .contains("Approving Co", base + approval)
                .doesNotContain("Alpha", "Body of A", "Bravo", elsewhere.toString());
        HttpResponse<String> read = operator.get(base + approval);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).contains("Alpha", "Body of A").doesNotContain("Bravo", "Body of B");
        assertThat(operator.get(base + elsewhere).statusCode())
                .as("B stays closed")
                .isEqualTo(404);
        assertThat(owner.session()
                        .get("/operator/mail/" + tenant.value() + "/" + approval)
                        .statusCode())
                .as("the console is for operators only")
                .isEqualTo(403);

        // every read audited, with ids and no content
        List<String> audited = tenants.call(
                tenant,
                null,
                () -> jdbc.sql(
                                "select target_id || ' ' || details::text from audit_events where action = 'operator.mail.read'")
                        .query(String.class)
                        .list());
        assertThat(audited).hasSize(1);
        assertThat(audited.getFirst())
                .contains(a.id().toString(), approval.toString())
                .doesNotContain("Alpha", "Body", "x@y.test");

        // the owner sees the approval on their settings page and revokes it; the operator is refused from then on
        HttpResponse<String> settings = owner.session().get("/settings/mail/operator-approvals");
        assertThat(settings.statusCode()).isEqualTo(200);
        assertThat(settings.body()).contains(OPERATOR, "Ticket 9", "Alpha", approval.toString());
        assertThat(member.session()
                        .postForm("/settings/mail/operator-approvals/" + approval + "/revoke", Map.of())
                        .statusCode())
                .as("only the approver revokes")
                .isEqualTo(404);
        assertThat(operator.get(base + approval).statusCode()).isEqualTo(200);
        assertThat(owner.session()
                        .postForm("/settings/mail/operator-approvals/" + approval + "/revoke", Map.of())
                        .statusCode())
                .isEqualTo(302);
        assertThat(operator.get(base + approval).statusCode()).isEqualTo(404);
        assertThat(operator.get("/operator/mail").body()).doesNotContain(approval.toString());

        // a new approval for one day: refused once the day is over
        assertThat(approve(owner.session(), a.id(), OPERATOR, "Ticket 10", "1").statusCode())
                .isEqualTo(302);
        UUID renewed = tenants.call(
                tenant,
                null,
                () -> jdbc.sql("select id from mail_operator_approvals where message_id = :m and revoked_at is null"
                                + " and operator = :op")
                        .param("m", a.id())
                        .param("op", OPERATOR)
                        .query(UUID.class)
                        .single());
        assertThat(operator.get(base + renewed).statusCode()).isEqualTo(200);
        try {
            clock.advance(Duration.ofDays(1).plusMinutes(1));
            assertThat(operator.get(base + renewed).statusCode()).isEqualTo(404);
            assertThat(operator.get("/operator/mail").body()).doesNotContain(renewed.toString());
        } finally {
            clock.reset();
        }
        assertThat(tenants.call(
                        tenant,
                        null,
                        () -> jdbc.sql("select count(*) from audit_events where action = 'operator.mail.read'")
                                .query(Long.class)
                                .single()))
                .as("one audit entry per successful read, none for refusals")
                .isEqualTo(3);
    }

    @Test
    void theApplicationRoleCannotReadApprovalsOrMessagesOfAnotherClient() {
        SignedUp owner = signUpAndVerify("Sealed Mail Co");
        TenantId tenant = new TenantId(owner.tenantId());
        MailRows rows = new MailRows(jdbc, tenants, accounts);
        UUID account = rows.account(tenant, owner.userId(), "me@sealed.test", MailAccount.Sharing.TEAM);
        var a = rows.message(tenant, account, "x@y.test", List.of("me@sealed.test"), List.of(), "Sealed", "Body");
        assertThat(approve(owner.session(), a.id(), OPERATOR, "Ticket 11", "3").statusCode())
                .isEqualTo(302);
        SignedUp other = signUpAndVerify("Other Mail Co");
        TenantId elsewhere = new TenantId(other.tenantId());
        assertThat(tenants.call(
                        elsewhere,
                        null,
                        () -> jdbc.sql("select count(*) from mail_operator_approvals a join mail_messages m"
                                        + " on m.id = a.message_id where m.subject = 'Sealed'")
                                .query(Long.class)
                                .single()))
                .isZero();
        // across Clients, the function answers ids and times only
        List<String> columns = tenants.call(
                elsewhere,
                null,
                () -> jdbc.sql("select * from mail_operator_approved(:op, now()) where message_id = :m")
                        .param("op", OPERATOR)
                        .param("m", a.id())
                        .query((rs, n) -> {
                            StringBuilder all = new StringBuilder();
                            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                                all.append(rs.getMetaData().getColumnName(i)).append(' ');
                            }
                            return all.toString().strip();
                        })
                        .list());
        assertThat(columns).containsExactly("tenant_id id message_id expires_at client_name");
    }

    private HttpResponse<String> approve(
            Browserless session, UUID message, String operator, String reason, String days) {
        return session.postForm(
                "/mail/messages/" + message + "/operator-approvals",
                Map.of("operator", operator, "reason", reason, "days", days));
    }

    private UUID approvalOf(TenantId tenant, UUID message) {
        return tenants.call(
                tenant,
                null,
                () -> jdbc.sql(
                                "select id from mail_operator_approvals where message_id = :m order by approved_at desc limit 1")
                        .param("m", message)
                        .query(UUID.class)
                        .single());
    }

    private long approvals(TenantId tenant) {
        return tenants.call(
                tenant,
                null,
                () -> jdbc.sql("select count(*) from mail_operator_approvals")
                        .query(Long.class)
                        .single());
    }

    /** The operator account (also used by the operators module's tests: whoever comes first signs it up). */
    private Browserless operator() {
        synchronized (MailOperatorAccessTests.class) {
            Browserless probe = client();
            try {
                probe.signIn(OPERATOR, PASSWORD);
                return probe;
            } catch (IllegalStateException notYet) {
                Browserless anonymous = client();
                HttpResponse<String> response = anonymous.postJson(
                        "/api/v1/signup",
                        "{\"company\":\"Team365 Support\",\"name\":\"Otto Operator\",\"email\":\"%s\",\"password\":\"%s\"}"
                                .formatted(OPERATOR, PASSWORD));
                assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
                String link = awaitLink(OPERATOR, "/verify-email?token=");
                anonymous.get(link.substring(link.indexOf("/verify-email")));
            }
        }
        Browserless session = client();
        session.signIn(OPERATOR, PASSWORD);
        return session;
    }
}
