package io.team365.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import io.team365.core.TenantId;
import io.team365.support.Browserless;
import io.team365.support.IntegrationTest;
import io.team365.tenancy.TenantContext;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Connecting an IMAP+SMTP mailbox through the API against a real (GreenMail) server: the connection test runs
 * before anything is saved and says clearly what failed; bad input is refused naming the field.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MailAccountConnectionTests extends IntegrationTest {

    private GreenMail mail;
    private SignedUp owner;
    private Browserless api;

    @BeforeAll
    void serverAndClient() {
        mail = MailAccountFixtures.startMailServer();
        owner = signUpAndVerify("Mailbox Connectors");
        api = apiClient(owner.session());
    }

    @AfterAll
    void stop() {
        mail.stop();
    }

    private String mailbox() {
        String email = uniqueEmail("box");
        mail.setUser(email, email, MailAccountFixtures.PASSWORD);
        return email;
    }

    private long accounts() {
        return inTenant(() ->
                jdbc.sql("select count(*) from mail_accounts").query(Long.class).single());
    }

    private <T> T inTenant(java.util.function.Supplier<T> work) {
        return TenantContext.callAs(new TenantId(owner.tenantId()), null, work::get);
    }

    @Test
    void aWorkingMailboxIsTestedThenSavedWithItsFoldersAndDueForASync() {
        long before = accounts();
        String email = mailbox();
        HttpResponse<String> tested = api.postJson(
                "/api/v1/mail/accounts/test",
                MailAccountFixtures.connectJson(mail, email, MailAccountFixtures.PASSWORD));
        assertThat(tested.statusCode()).as(tested.body()).isEqualTo(200);

        HttpResponse<String> created = api.postJson(
                "/api/v1/mail/accounts", MailAccountFixtures.connectJson(mail, email, MailAccountFixtures.PASSWORD));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.body())
                .contains("\"provider\":\"imap\"", "\"status\":\"new\"", "\"sharing\":\"private\"", "\"syncDays\":90")
                .doesNotContain(MailAccountFixtures.PASSWORD)
                .doesNotContain("secret");
        String id = Browserless.jsonField(created.body(), "id");
        assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/mail/accounts/" + id);
        assertThat(created.headers().firstValue("ETag")).hasValue("\"v0\"");

        // at the SQL level: due now, folders listed from the server with their role
        assertThat(inTenant(() -> jdbc.sql("select next_sync_at <= now() from mail_accounts where id = :id")
                        .param("id", UUID.fromString(id))
                        .query(Boolean.class)
                        .single()))
                .isTrue();
        assertThat(inTenant(() -> jdbc.sql("select name || ':' || coalesce(role, '-') || ':' || sync"
                                + " from mail_folders where account_id = :id")
                        .param("id", UUID.fromString(id))
                        .query(String.class)
                        .list()))
                .contains("INBOX:inbox:true");

        HttpResponse<String> list = api.get("/api/v1/mail/accounts");
        assertThat(list.body()).contains(id, email).doesNotContain(MailAccountFixtures.PASSWORD);
        HttpResponse<String> one = api.get("/api/v1/mail/accounts/" + id);
        assertThat(one.statusCode()).isEqualTo(200);
        assertThat(one.body()).contains("\"folders\":[", "\"INBOX\"", "\"blocklist\":[]");

        HttpResponse<String> again = api.postJson(
                "/api/v1/mail/accounts", MailAccountFixtures.connectJson(mail, email, MailAccountFixtures.PASSWORD));
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.body()).contains("\"field\":\"email\"", "already connected");

        assertThat(accounts()).isEqualTo(1L + before);
        assertThat(inTenant(() -> jdbc.sql("select count(*) from audit_events where action = 'mail.account.connected'"
                                + " and target_id = :id and details::text not like :email")
                        .param("id", id)
                        .param("email", "%" + email + "%")
                        .query(Long.class)
                        .single()))
                .isEqualTo(1L);
    }

    @Test
    void aWrongPasswordIsNamedAndNothingIsSaved() {
        long before = accounts();
        HttpResponse<String> response = api.postJson(
                "/api/v1/mail/accounts", MailAccountFixtures.connectJson(mail, mailbox(), "not the password"));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
        assertThat(response.body()).contains("\"field\":\"password\"", "refused the user name or password");
        assertThat(accounts()).isEqualTo(before);
    }

    @Test
    void tlsOnAPlainPortIsATlsFailure() {
        HttpResponse<String> response = api.postJson(
                "/api/v1/mail/accounts/test",
                MailAccountFixtures.connectJson(
                        mailbox(),
                        MailAccountFixtures.PASSWORD,
                        "127.0.0.1",
                        mail.getImap().getPort(),
                        "ssl",
                        mail.getSmtp().getPort()));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"field\":\"imap.security\"", "TLS handshake or certificate");
    }

    @Test
    void starttlsThatTheServerDoesNotOfferIsSaidSo() {
        HttpResponse<String> response = api.postJson(
                "/api/v1/mail/accounts/test",
                MailAccountFixtures.connectJson(
                        mailbox(),
                        MailAccountFixtures.PASSWORD,
                        "127.0.0.1",
                        mail.getImap().getPort(),
                        "starttls",
                        mail.getSmtp().getPort()));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"field\":\"imap.security\"", "does not offer STARTTLS");
    }

    @Test
    void aClosedPortIsUnreachable() {
        HttpResponse<String> response = api.postJson(
                "/api/v1/mail/accounts/test",
                MailAccountFixtures.connectJson(
                        mailbox(),
                        MailAccountFixtures.PASSWORD,
                        "127.0.0.1",
                        MailAccountFixtures.freePort(),
                        "none",
                        mail.getSmtp().getPort()));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"field\":\"imap.host\"", "could not be reached");
    }

    @Test
    void anUnknownHostIsSaidSo() {
        HttpResponse<String> response = api.postJson(
                "/api/v1/mail/accounts/test",
                MailAccountFixtures.connectJson(
                        mailbox(),
                        MailAccountFixtures.PASSWORD,
                        "no-such-host.invalid",
                        993,
                        "ssl",
                        mail.getSmtp().getPort()));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"field\":\"imap.host\"", "No server of that name");
    }

    @Test
    void anSmtpServerThatCannotBeReachedIsNamed() {
        String email = mailbox();
        HttpResponse<String> response = api.postJson(
                "/api/v1/mail/accounts",
                MailAccountFixtures.connectJson(
                        email,
                        MailAccountFixtures.PASSWORD,
                        "127.0.0.1",
                        mail.getImap().getPort(),
                        "none",
                        MailAccountFixtures.freePort()));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"field\":\"smtp.host\"");
    }

    @Test
    void badInputIsRefusedNamingEveryField() {
        long before = accounts();
        HttpResponse<String> response = api.postJson("/api/v1/mail/accounts", """
                {"provider": "imap", "email": "not an address", "password": "",
                 "imap": {"host": "bad host!", "port": 70000, "security": "tls"},
                 "smtp": {"host": "", "port": 0, "security": null}, "sharing": "everyone", "syncDays": 0}
                """);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body())
                .contains(
                        "\"field\":\"email\"",
                        "\"field\":\"password\"",
                        "\"field\":\"imap.host\"",
                        "\"field\":\"imap.port\"",
                        "\"field\":\"imap.security\"",
                        "\"field\":\"smtp.host\"",
                        "\"field\":\"smtp.port\"",
                        "\"field\":\"smtp.security\"",
                        "\"field\":\"sharing\"",
                        "\"field\":\"syncDays\"");
        assertThat(api.postJson("/api/v1/mail/accounts", "{\"provider\": \"pop3\"}")
                        .body())
                .contains("\"field\":\"provider\"");
        assertThat(api.postJson("/api/v1/mail/accounts", "{\"provider\": \"imap\", \"colour\": \"red\"}")
                        .statusCode())
                .isEqualTo(400);
        assertThat(api.postJson("/api/v1/mail/accounts", "[1, 2]").statusCode()).isEqualTo(400);
        assertThat(accounts()).isEqualTo(before);
    }

    @Test
    void oauthProvidersThatAreNotConfiguredAreRefusedClearly() {
        HttpResponse<String> response =
                api.postJson("/api/v1/mail/accounts", "{\"provider\": \"gmail\", \"email\": \"someone@gmail.com\"}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"field\":\"provider\"", "not set up on this Team365 server");
        assertThat(owner.session().page("/settings/mail/accounts").body())
                .contains("Connect another mailbox")
                .doesNotContain("Connect Gmail")
                .doesNotContain("Connect Microsoft 365");
    }

    @Test
    void theFormTestsFirstNamesTheFaultyFieldAndNeverEchoesThePassword() {
        String email = mailbox();
        Map<String, String> fields = new java.util.HashMap<>(Map.of(
                "email", email,
                "password", MailAccountFixtures.PASSWORD,
                "imapHost", "127.0.0.1",
                "imapPort", String.valueOf(mail.getImap().getPort()),
                "imapSecurity", "none",
                "smtpHost", "127.0.0.1",
                "smtpPort", String.valueOf(mail.getSmtp().getPort()),
                "smtpSecurity", "none",
                "syncDays", "30",
                "action", "test"));
        Browserless page = owner.session();
        HttpResponse<String> tested = page.postForm("/settings/mail/accounts", fields);
        assertThat(tested.statusCode()).isEqualTo(200);
        assertThat(tested.body()).contains("The connection works").doesNotContain(MailAccountFixtures.PASSWORD);

        fields.put("password", "a wrong password 123");
        fields.put("action", "connect");
        HttpResponse<String> refused = page.postForm("/settings/mail/accounts", fields);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body())
                .contains("refused the user name or password", "aria-invalid=\"true\"")
                .doesNotContain("a wrong password 123");

        fields.put("password", MailAccountFixtures.PASSWORD);
        fields.put("imapPort", "not a port");
        HttpResponse<String> badPort = page.postForm("/settings/mail/accounts", fields);
        assertThat(badPort.statusCode()).isEqualTo(422);
        assertThat(badPort.body()).contains("Enter a port from 1 to 65535");

        fields.put("imapPort", String.valueOf(mail.getImap().getPort()));
        HttpResponse<String> connected = page.postForm("/settings/mail/accounts", fields);
        assertThat(connected.statusCode()).isEqualTo(302);
        assertThat(connected.headers().firstValue("Location").orElse(""))
                .matches(".*/settings/mail/accounts/[0-9a-f-]{36}$");
        assertThat(inTenant(() -> jdbc.sql("select sync_days from mail_accounts where email = :email")
                        .param("email", email)
                        .query(Integer.class)
                        .single()))
                .isEqualTo(30);
    }

    @Test
    void connectionTestsAreLimitedPerPersonAndReadOnlyMembersCannotConnect() {
        Browserless member = apiClient(inviteAndJoin(owner, "member").session());
        String closed = MailAccountFixtures.connectJson(
                "someone@example.com", "pw", "127.0.0.1", MailAccountFixtures.freePort(), "none", 25);
        for (int i = 0; i < 30; i++) {
            assertThat(member.postJson("/api/v1/mail/accounts/test", closed).body())
                    .contains("could not be reached");
        }
        HttpResponse<String> throttled = member.postJson("/api/v1/mail/accounts/test", closed);
        assertThat(throttled.statusCode()).isEqualTo(400);
        assertThat(throttled.body()).contains("Too many connection tests");
        assertThat(api.postJson("/api/v1/mail/accounts/test", closed).body())
                .as("others are not affected")
                .contains("could not be reached");

        Browserless readOnly = apiClient(inviteAndJoin(owner, "read-only").session());
        long before = accounts();
        assertThat(readOnly.postJson(
                                "/api/v1/mail/accounts",
                                MailAccountFixtures.connectJson(mail, mailbox(), MailAccountFixtures.PASSWORD))
                        .statusCode())
                .isEqualTo(403);
        assertThat(accounts()).isEqualTo(before);
    }
}
