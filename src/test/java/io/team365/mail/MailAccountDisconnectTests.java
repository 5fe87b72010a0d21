package io.team365.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import io.team365.core.TenantId;
import io.team365.files.FileStorage;
import io.team365.support.Browserless;
import io.team365.support.IntegrationTest;
import io.team365.tenancy.TenantContext;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Disconnecting a mailbox: keeping the mail wipes every secret and stops the sync; deleting it removes everything
 * synced from the account, and the attachment files no other message of the Client still uses.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MailAccountDisconnectTests extends IntegrationTest {

    @Autowired
    FileStorage files;

    private GreenMail mail;
    private SignedUp owner;
    private Browserless api;

    @BeforeAll
    void serverAndClient() {
        mail = MailAccountFixtures.startMailServer();
        owner = signUpAndVerify("Mailbox Leavers");
        api = apiClient(owner.session());
    }

    @AfterAll
    void stop() {
        mail.stop();
    }

    private UUID connect() {
        String email = uniqueEmail("box");
        mail.setUser(email, email, MailAccountFixtures.PASSWORD);
        HttpResponse<String> created = api.postJson(
                "/api/v1/mail/accounts", MailAccountFixtures.connectJson(mail, email, MailAccountFixtures.PASSWORD));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return UUID.fromString(Browserless.jsonField(created.body(), "id"));
    }

    private <T> T inTenant(Supplier<T> work) {
        return TenantContext.callAs(new TenantId(owner.tenantId()), null, work::get);
    }

    private long count(String sql, UUID id) {
        return inTenant(() -> jdbc.sql(sql).param("id", id).query(Long.class).single());
    }

    /** A synced message of the account with attachments of the given contents; returns the message id. */
    private UUID message(UUID account, String... attachments) {
        UUID thread = UUID.randomUUID();
        UUID message = UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.now());
        inTenant(() -> {
            jdbc.sql("insert into mail_threads (tenant_id, account_id, id, subject, last_message_at)"
                            + " values (:t, :a, :id, 'Quote', :now)")
                    .params(Map.of("t", owner.tenantId(), "a", account, "id", thread, "now", now))
                    .update();
            jdbc.sql("""
                            insert into mail_messages (tenant_id, account_id, id, thread_id, message_id, subject,
                                from_address, received_at, direction, source, created_at)
                            values (:t, :a, :id, :thread, :mid, 'Quote', 'buyer@example.com', :now, 'inbound', 'imap',
                                :now)
                            """)
                    .params(Map.of(
                            "t", owner.tenantId(),
                            "a", account,
                            "id", message,
                            "thread", thread,
                            "mid", message + "@example.com",
                            "now", now))
                    .update();
            for (int i = 0; i < attachments.length; i++) {
                String key = storeBlob(attachments[i]);
                jdbc.sql("""
                                insert into mail_attachments (tenant_id, message_id, position, file_name, content_type,
                                    size, sha256, storage_key)
                                values (:t, :m, :p, 'quote.pdf', 'application/pdf', 5, :sha, :key)
                                """)
                        .params(Map.of(
                                "t", owner.tenantId(),
                                "m", message,
                                "p", i,
                                "sha", key.substring(key.lastIndexOf('/') + 1),
                                "key", key))
                        .update();
            }
            return null;
        });
        return message;
    }

    private String storeBlob(String content) {
        try {
            byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
            String sha = HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
            String key = owner.tenantId() + "/mail/" + sha;
            if (!files.exists(key)) {
                files.put(key, new ByteArrayInputStream(bytes));
            }
            return key;
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void keepingTheMailWipesTheSecretsAndStopsTheSync() {
        UUID id = connect();
        UUID message = message(id, "kept attachment " + id);
        HttpResponse<String> response = api.delete("/api/v1/mail/accounts/" + id + "?deleteMail=false");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(204);

        assertThat(count(
                        "select count(*) from mail_accounts where id = :id and status = 'disconnected'"
                                + " and secret is null and access_token is null and access_expires_at is null"
                                + " and next_sync_at is null",
                        id))
                .isEqualTo(1L);
        assertThat(count("select count(*) from mail_messages where id = :id", message))
                .isEqualTo(1L);
        assertThat(files.exists(owner.tenantId() + "/mail/" + sha("kept attachment " + id)))
                .isTrue();
        assertThat(api.get("/api/v1/mail/accounts/" + id).body()).contains("\"status\":\"disconnected\"");
        assertThat(api.postJson("/api/v1/mail/accounts/" + id + "/sync", "").statusCode())
                .isEqualTo(400);
        String audit = inTenant(() -> jdbc.sql("select details::text from audit_events"
                        + " where action = 'mail.account.disconnected' and target_id = :id")
                .param("id", id.toString())
                .query(String.class)
                .single());
        assertThat(audit).contains("\"mailDeleted\": false").doesNotContain("@");

        // the mail kept can still be deleted later
        assertThat(api.delete("/api/v1/mail/accounts/" + id + "?deleteMail=true")
                        .statusCode())
                .isEqualTo(204);
        assertThat(count("select count(*) from mail_messages where id = :id", message))
                .isEqualTo(0L);
    }

    @Test
    void deletingTheMailRemovesEverythingSyncedAndTheFilesNoOtherMessageUses() {
        UUID leaving = connect();
        UUID staying = connect();
        String onlyHere = "only in the leaving mailbox " + leaving;
        String shared = "in both mailboxes " + leaving;
        UUID gone = message(leaving, onlyHere, shared);
        UUID kept = message(staying, shared);

        HttpResponse<String> response = api.delete("/api/v1/mail/accounts/" + leaving + "?deleteMail=true");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(204);

        assertThat(count("select count(*) from mail_accounts where id = :id", leaving))
                .isZero();
        assertThat(count("select count(*) from mail_folders where account_id = :id", leaving))
                .isZero();
        assertThat(count("select count(*) from mail_threads where account_id = :id", leaving))
                .isZero();
        assertThat(count("select count(*) from mail_messages where id = :id", gone))
                .isZero();
        assertThat(count("select count(*) from mail_attachments where message_id = :id", gone))
                .isZero();
        assertThat(count("select count(*) from mail_messages where id = :id", kept))
                .isEqualTo(1L);
        assertThat(files.exists(owner.tenantId() + "/mail/" + sha(onlyHere))).isFalse();
        assertThat(files.exists(owner.tenantId() + "/mail/" + sha(shared))).isTrue();
        assertThat(api.get("/api/v1/mail/accounts/" + leaving).statusCode()).isEqualTo(404);
        String audit = inTenant(() -> jdbc.sql("select details::text from audit_events"
                        + " where action = 'mail.account.disconnected' and target_id = :id")
                .param("id", leaving.toString())
                .query(String.class)
                .single());
        assertThat(audit)
                .contains("\"mailDeleted\": true", "\"files\": 1", "\"messages\": 1")
                .doesNotContain("@");
    }

    @Test
    void thePageOffersBothAndAnUnknownAccountIsNotFound() {
        UUID id = connect();
        HttpResponse<String> page = owner.session().page("/settings/mail/accounts/" + id);
        assertThat(page.body()).contains("Keep it in Team365", "Delete everything synced from this mailbox");
        HttpResponse<String> disconnected =
                owner.session().postForm("/settings/mail/accounts/" + id + "/disconnect", Map.of("deleteMail", "true"));
        assertThat(disconnected.statusCode()).isEqualTo(302);
        assertThat(count("select count(*) from mail_accounts where id = :id", id))
                .isZero();
        assertThat(api.delete("/api/v1/mail/accounts/" + UUID.randomUUID()).statusCode())
                .isEqualTo(404);
        assertThat(api.delete("/api/v1/mail/accounts/" + id + "?deleteMail=perhaps")
                        .statusCode())
                .isEqualTo(400);
    }

    private static String sha(String content) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
