package io.team365.mail;

import static org.assertj.core.api.Assertions.assertThat;

import io.team365.core.TenantId;
import io.team365.mail.internal.account.MailAccount;
import io.team365.mail.internal.connect.MailServer;
import io.team365.support.Browserless;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Mail hardening (ADR 0032) against GreenMail: reserved server addresses refused on the field that names them, in
 * the connection test, the sync and the sender; sending from a mailbox shared with the team only where its owner
 * allows it (form, API and the sender); the Sent copy appended again later, never sent again. Checked in SQL.
 */
class MailHardeningTests extends MailClientTestSupport {

    private static final String RESERVED = "mail.accounts.hardening.error.reserved-host";
    private static final String NOT_ALLOWED = "mail.accounts.hardening.send.not-allowed";

    private static String connectJson(
            String email, String imapHost, int imapPort, String imapSecurity, String smtpHost, int smtpPort) {
        return """
                {"provider": "imap", "email": "%s", "username": "%s", "password": "secret-pw",
                 "imap": {"host": "%s", "port": %d, "security": "%s"},
                 "smtp": {"host": "%s", "port": %d, "security": "none"}}
                """.formatted(email, email, imapHost, imapPort, imapSecurity, smtpHost, smtpPort);
    }

    @Test
    void reservedServerAddressesAreRefusedOnTheirFieldAndNothingIsSaved() {
        SignedUp owner = signUpAndVerify("Metadata Probe Co");
        Browserless api = apiClient(owner.session());
        String email = uniqueEmail("box");
        box.setUser(email, email, "secret-pw");

        String metadata = connectJson(email, "169.254.169.254", 80, "none", "127.0.0.1", smtpPort());
        HttpResponse<String> tested = api.postJson("/api/v1/mail/accounts/test", metadata);
        assertThat(tested.statusCode()).as(tested.body()).isEqualTo(400);
        assertThat(tested.body()).contains("\"field\":\"imap.host\"", "reserved", "cloud metadata");

        HttpResponse<String> anyAddress = api.postJson(
                "/api/v1/mail/accounts/test", connectJson(email, "127.0.0.1", imapPort(), "none", "0.0.0.0", 25));
        assertThat(anyAddress.statusCode()).as(anyAddress.body()).isEqualTo(400);
        assertThat(anyAddress.body()).contains("\"field\":\"smtp.host\"", "reserved");

        HttpResponse<String> created = api.postJson("/api/v1/mail/accounts", metadata);
        assertThat(created.statusCode()).isEqualTo(400);
        assertThat(created.body()).contains("\"field\":\"imap.host\"");
        assertThat(count(owner.tenantId(), "select count(*) from mail_accounts"))
                .isZero();

        // the same servers, allowed here (the tests' deployment allows private hosts), connect
        HttpResponse<String> fine = api.postJson(
                "/api/v1/mail/accounts/test",
                connectJson(email, "127.0.0.1", imapPort(), "none", "127.0.0.1", smtpPort()));
        assertThat(fine.statusCode()).as(fine.body()).isEqualTo(200);
    }

    @Test
    void theSyncAndTheSenderRefuseAReservedAddressWithoutTryingIt() {
        SignedUp owner = signUpAndVerify("Rebinding Co");
        TenantId tenant = new TenantId(owner.tenantId());
        String me = uniqueEmail("me");
        box.setUser(me, me, "secret-pw");
        UUID account = UUID.randomUUID();
        // stored while the name pointed elsewhere; now it resolves to the metadata service (DNS rebinding)
        tenants.run(
                tenant,
                owner.userId(),
                () -> accounts.insert(
                        new MailAccount(
                                tenant,
                                account,
                                owner.userId(),
                                MailAccount.Provider.IMAP,
                                me,
                                null,
                                me,
                                new MailServer("169.254.169.254", 143, MailServer.Security.NONE),
                                new MailServer("0.0.0.0", 25, MailServer.Security.NONE),
                                MailAccount.Sharing.PRIVATE,
                                30,
                                null,
                                "new",
                                null,
                                null,
                                Instant.now(),
                                0),
                        "secret-pw"));
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .until(() -> (RESERVED + " error")
                        .equals(inTenant(
                                owner.tenantId(),
                                () -> jdbc.sql("select coalesce(last_error, '') || ' ' || status from mail_accounts"
                                                + " where id = :id")
                                        .param("id", account)
                                        .query(String.class)
                                        .single())));

        var response = apiClient(owner.session())
                .postJson(
                        "/api/v1/mail/messages",
                        "{\"accountId\":\"%s\",\"to\":[\"%s\"],\"subject\":\"Probe\",\"text\":\"x\"}"
                                .formatted(account, uniqueEmail("to")));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        UUID outgoing = UUID.fromString(Browserless.jsonField(response.body(), "id"));
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .until(() -> ("1 failed " + RESERVED).equals(state(owner.tenantId(), outgoing)));
    }

    @Test
    void membersSendFromASharedMailboxOnlyWhenItsOwnerAllowsIt() {
        SignedUp owner = signUpAndVerify("Shared Box Co");
        String shared = uniqueEmail("shared");
        UUID account = connect(owner, owner.userId(), shared, MailAccount.Sharing.TEAM);
        Joined member = inviteAndJoin(owner, "member");
        Browserless memberApi = apiClient(member.session());
        Browserless ownerApi = apiClient(owner.session());
        String to = uniqueEmail("to");
        String mail = "{\"accountId\":\"%s\",\"to\":[\"%s\"],\"subject\":\"From the team\",\"text\":\"Hi\"}"
                .formatted(account, to);

        HttpResponse<String> refused = memberApi.postJson("/api/v1/mail/messages", mail);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains("\"field\":\"accountId\"", "Only the owner of this mailbox sends from it");
        assertThat(count(owner.tenantId(), "select count(*) from mail_outgoing"))
                .isZero();
        assertThat(count(owner.tenantId(), "select count(*) from mail_messages"))
                .isZero();
        // the member still reads the shared mailbox, but the compose form has nothing to send from
        HttpResponse<String> compose = member.session().page("/mail/compose");
        assertThat(compose.statusCode()).isEqualTo(302);
        assertThat(compose.headers().firstValue("Location").orElse("")).endsWith("/mail");
        // the web form is refused the same way
        HttpResponse<String> form = member.session()
                .postForm(
                        "/mail/send",
                        Map.of("accountId", account.toString(), "to", to, "subject", "Form", "body", "Hi"));
        assertThat(form.statusCode()).isEqualTo(422);
        assertThat(form.body()).contains("Only the owner of this mailbox sends from it");
        assertThat(count(owner.tenantId(), "select count(*) from mail_outgoing"))
                .isZero();

        // bad input changes nothing
        HttpResponse<String> bad = ownerApi.patchJson("/api/v1/mail/accounts/" + account, "{\"teamMaySend\":\"yes\"}");
        assertThat(bad.statusCode()).as(bad.body()).isEqualTo(400);
        assertThat(bad.body()).contains("\"field\":\"teamMaySend\"");
        assertThat(teamMaySend(owner.tenantId(), account)).isFalse();

        HttpResponse<String> allowed = ownerApi.patchJson("/api/v1/mail/accounts/" + account, "{\"teamMaySend\":true}");
        assertThat(allowed.statusCode()).as(allowed.body()).isEqualTo(200);
        assertThat(allowed.body()).contains("\"teamMaySend\":true");
        assertThat(teamMaySend(owner.tenantId(), account)).isTrue();
        assertThat(member.session().page("/mail/compose").body()).contains(shared);

        HttpResponse<String> sent = memberApi.postJson("/api/v1/mail/messages", mail);
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(202);
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .until(() -> received(to).size() == 1);
    }

    @Test
    void theSenderChecksAgainBeforeSendingForAMember() {
        SignedUp owner = signUpAndVerify("Revoked Send Co");
        String shared = uniqueEmail("shared");
        UUID account = connect(owner.tenantId(), owner.userId(), shared, MailAccount.Sharing.TEAM, closedPort());
        Browserless ownerApi = apiClient(owner.session());
        assertThat(ownerApi.patchJson("/api/v1/mail/accounts/" + account, "{\"teamMaySend\":true}")
                        .statusCode())
                .isEqualTo(200);
        Joined member = inviteAndJoin(owner, "member");
        String to = uniqueEmail("to");
        HttpResponse<String> queued = apiClient(member.session())
                .postJson(
                        "/api/v1/mail/messages",
                        "{\"accountId\":\"%s\",\"to\":[\"%s\"],\"subject\":\"Later\",\"text\":\"Hi\"}"
                                .formatted(account, to));
        assertThat(queued.statusCode()).as(queued.body()).isEqualTo(202);
        UUID outgoing = UUID.fromString(Browserless.jsonField(queued.body(), "id"));
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .until(() -> "1 queued mail.client.send.error.unreachable".equals(state(owner.tenantId(), outgoing)));

        // the owner takes the permission back while the message waits for its retry
        assertThat(ownerApi.patchJson("/api/v1/mail/accounts/" + account, "{\"teamMaySend\":false}")
                        .statusCode())
                .isEqualTo(200);
        inTenant(owner.tenantId(), () -> {
            jdbc.sql("update mail_accounts set smtp_port = :port where id = :id")
                    .param("port", smtpPort())
                    .param("id", account)
                    .update();
            return jdbc.sql("update mail_outgoing set next_attempt_at = now() - interval '1 second' where id = :id")
                    .param("id", outgoing)
                    .update();
        });
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .until(() -> ("2 failed " + NOT_ALLOWED).equals(state(owner.tenantId(), outgoing)));
        assertThat(received(to)).isEmpty();
    }

    @Test
    void aFailedSentCopyIsAppendedLaterAndTheMessageIsNeverSentAgain() throws Exception {
        SignedUp owner = signUpAndVerify("Sent Copy Co");
        String me = uniqueEmail("me");
        UUID account = connect(owner, owner.userId(), me, MailAccount.Sharing.PRIVATE);
        setImapPort(owner.tenantId(), account, closedPort()); // SMTP works, the IMAP server is down
        String to = uniqueEmail("to");
        HttpResponse<String> response = apiClient(owner.session())
                .postJson(
                        "/api/v1/mail/messages",
                        "{\"accountId\":\"%s\",\"to\":[\"%s\"],\"subject\":\"Copy later\",\"text\":\"Hi\"}"
                                .formatted(account, to));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        UUID outgoing = UUID.fromString(Browserless.jsonField(response.body(), "id"));

        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .until(() -> "1 sent mail.client.send.error.sent-copy 1 pending true"
                        .equals(copyState(owner.tenantId(), outgoing)));
        assertThat(received(to)).hasSize(1);
        assertThat(inTenant(
                        owner.tenantId(),
                        () -> jdbc.sql("select copy_next_at > now() from mail_outgoing where id = :id")
                                .param("id", outgoing)
                                .query(Boolean.class)
                                .single()))
                .as("backed off")
                .isTrue();

        // the IMAP server is back and the append is due: only the copy is made
        setImapPort(owner.tenantId(), account, imapPort());
        dueNow(owner.tenantId(), outgoing);
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .until(() -> "1 sent null 2 done false".equals(copyState(owner.tenantId(), outgoing)));
        assertThat(sentFolder(me)).containsExactly("Copy later");
        Thread.sleep(500); // a send that should not happen would have happened by now
        assertThat(received(to)).as("sent once").hasSize(1);
    }

    @Test
    void theSentCopyIsGivenUpAfterItsLastAttempt() {
        SignedUp owner = signUpAndVerify("Copy Gives Up Co");
        String me = uniqueEmail("me");
        UUID account = connect(owner, owner.userId(), me, MailAccount.Sharing.PRIVATE);
        setImapPort(owner.tenantId(), account, closedPort());
        String to = uniqueEmail("to");
        UUID outgoing = UUID.fromString(Browserless.jsonField(
                apiClient(owner.session())
                        .postJson(
                                "/api/v1/mail/messages",
                                "{\"accountId\":\"%s\",\"to\":[\"%s\"],\"subject\":\"No copy\",\"text\":\"Hi\"}"
                                        .formatted(account, to))
                        .body(),
                "id"));
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .until(() -> copyState(owner.tenantId(), outgoing).endsWith("1 pending true"));
        inTenant(
                owner.tenantId(),
                () -> jdbc.sql("update mail_outgoing set copy_attempts = 7 where id = :id")
                        .param("id", outgoing)
                        .update());
        dueNow(owner.tenantId(), outgoing);
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .until(() -> "1 sent mail.client.send.error.sent-copy 8 done false"
                        .equals(copyState(owner.tenantId(), outgoing)));
        assertThat(received(to)).hasSize(1);
    }

    private boolean teamMaySend(UUID tenant, UUID account) {
        return inTenant(
                tenant,
                () -> jdbc.sql("select team_may_send from mail_accounts where id = :id")
                        .param("id", account)
                        .query(Boolean.class)
                        .single());
    }

    private void setImapPort(UUID tenant, UUID account, int port) {
        inTenant(
                tenant,
                () -> jdbc.sql("update mail_accounts set imap_port = :port where id = :id")
                        .param("port", port)
                        .param("id", account)
                        .update());
    }

    private void dueNow(UUID tenant, UUID outgoing) {
        inTenant(
                tenant,
                () -> jdbc.sql("update mail_outgoing set copy_next_at = now() - interval '1 second' where id = :id")
                        .param("id", outgoing)
                        .update());
    }

    private String state(UUID tenant, UUID outgoing) {
        return inTenant(
                tenant,
                () -> jdbc.sql("select attempts || ' ' || status || ' ' || coalesce(last_error, 'null')"
                                + " from mail_outgoing where id = :id")
                        .param("id", outgoing)
                        .query(String.class)
                        .single());
    }

    /** SMTP attempts, status, error, copy attempts, whether a copy is pending, whether the bytes are still kept. */
    private String copyState(UUID tenant, UUID outgoing) {
        return inTenant(
                tenant,
                () -> jdbc.sql("""
                                select attempts || ' ' || status || ' ' || coalesce(last_error, 'null') || ' '
                                    || copy_attempts || ' ' || case when copy_next_at is null then 'done' else 'pending' end
                                    || ' ' || (length(mime) > 0)
                                from mail_outgoing where id = :id""").param("id", outgoing).query(String.class).single());
    }

    private long count(UUID tenant, String sql) {
        return inTenant(tenant, () -> jdbc.sql(sql).query(Long.class).single());
    }

    private static List<MimeMessage> received(String recipient) {
        return box.findReceivedMessages(u -> u.getEmail().equalsIgnoreCase(recipient), m -> true)
                .toList();
    }

    private List<String> sentFolder(String user) throws Exception {
        Store store = Session.getInstance(new Properties()).getStore("imap");
        store.connect("127.0.0.1", imapPort(), user, "secret-pw");
        try {
            Folder folder = store.getFolder("Sent");
            if (!folder.exists()) {
                return List.of();
            }
            folder.open(Folder.READ_ONLY);
            List<String> subjects = new ArrayList<>();
            for (Message m : folder.getMessages()) {
                subjects.add(m.getSubject());
            }
            folder.close(false);
            return subjects;
        } finally {
            store.close();
        }
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
