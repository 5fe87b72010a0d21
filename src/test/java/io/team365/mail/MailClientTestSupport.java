package io.team365.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.team365.core.TenantId;
import io.team365.mail.internal.account.MailAccount;
import io.team365.mail.internal.account.MailAccountStore;
import io.team365.mail.internal.connect.MailServer;
import io.team365.mail.internal.send.MailUploads;
import io.team365.support.IntegrationTest;
import io.team365.tenancy.TenantTransactions;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Mail client tests against a GreenMail with IMAP and SMTP on dynamic ports. The sync is not on this branch, so
 * received mail is put in the database directly (rows as the sync stores them: folder, thread, message, location,
 * attachments with their bytes in file storage).
 */
abstract class MailClientTestSupport extends IntegrationTest {

    protected static GreenMail box;

    @Autowired
    protected MailAccountStore accounts;

    @Autowired
    protected TenantTransactions tenants;

    @Autowired
    protected MailUploads uploads;

    @BeforeAll
    static void startMailServer() {
        box = new GreenMail(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));
        box.start();
    }

    @AfterAll
    static void stopMailServer() {
        box.stop();
    }

    protected int smtpPort() {
        return box.getSmtp().getPort();
    }

    protected int imapPort() {
        return box.getImap().getPort();
    }

    /** A connected IMAP account of the user on the test GreenMail (its password "secret-pw"). */
    protected UUID connect(SignedUp owner, UUID ownerId, String email, MailAccount.Sharing sharing) {
        return connect(owner.tenantId(), ownerId, email, sharing, smtpPort());
    }

    protected UUID connect(UUID tenant, UUID ownerId, String email, MailAccount.Sharing sharing, int smtpPort) {
        box.setUser(email, email, "secret-pw");
        UUID id = UUID.randomUUID();
        tenants.run(new TenantId(tenant), ownerId, () -> {
            accounts.insert(
                    new MailAccount(
                            new TenantId(tenant),
                            id,
                            ownerId,
                            MailAccount.Provider.IMAP,
                            email,
                            "Olive Owner",
                            email,
                            new MailServer("127.0.0.1", imapPort(), MailServer.Security.NONE),
                            new MailServer("127.0.0.1", smtpPort, MailServer.Security.NONE),
                            sharing,
                            90,
                            "<p>Olive Owner, <b>Acme</b></p>",
                            "ok",
                            null,
                            null,
                            Instant.now(),
                            0),
                    "secret-pw");
            // the tests put "synced" mail in SQL; a real sync of the test GreenMail would reconcile it
            // away, so these accounts are never due (set before any sync worker can see them)
            jdbc.sql("update mail_accounts set next_sync_at = null, status = 'ok' where id = :id")
                    .param("id", id)
                    .update();
        });
        return id;
    }

    protected <T> T inTenant(UUID tenant, Supplier<T> work) {
        return tenants.call(new TenantId(tenant), null, work);
    }

    /** An attachment of a received message. */
    protected record Incoming(String fileName, String contentType, byte[] bytes, String contentId) {}

    /**
     * A received message as the sync would store it, in the account's inbox; a new thread unless {@code threadId}
     * is given. Returns the message row's id.
     */
    protected UUID receive(
            UUID tenant,
            UUID accountId,
            UUID threadId,
            String messageId,
            List<String> references,
            String subject,
            String fromAddress,
            String toAddress,
            String html,
            String text,
            List<Incoming> attachments) {
        UUID id = UUID.randomUUID();
        tenants.run(new TenantId(tenant), null, () -> {
            UUID folder = jdbc.sql("select id from mail_folders where account_id = :a and role = 'inbox'")
                    .param("a", accountId)
                    .query(UUID.class)
                    .optional()
                    .orElseGet(() -> {
                        UUID f = UUID.randomUUID();
                        jdbc.sql("""
                                        insert into mail_folders (tenant_id, account_id, id, name, role)
                                        values (:t, :a, :id, 'INBOX', 'inbox')""")
                                .param("t", tenant)
                                .param("a", accountId)
                                .param("id", f)
                                .update();
                        return f;
                    });
            UUID thread = threadId;
            Timestamp now = Timestamp.from(Instant.now());
            if (thread == null) {
                thread = UUID.randomUUID();
                jdbc.sql("""
                                insert into mail_threads (tenant_id, account_id, id, subject, last_message_at)
                                values (:t, :a, :id, :s, :now)""")
                        .param("t", tenant)
                        .param("a", accountId)
                        .param("id", thread)
                        .param("s", subject)
                        .param("now", now)
                        .update();
            }
            jdbc.sql("""
                            insert into mail_messages (tenant_id, account_id, id, thread_id, message_id, "references",
                                subject, from_address, from_name, to_addresses, received_at, sent_at, snippet,
                                body_text, body_html, has_remote_images, direction, source, created_at)
                            values (:t, :a, :id, :thread, :mid, string_to_array(:refs, ' '), :s, :from, 'Sam Sender',
                                cast(:to as jsonb), :now, :now, :snippet, :text, :html, :remote, 'inbound', 'imap',
                                :now)""")
                    .param("t", tenant)
                    .param("a", accountId)
                    .param("id", id)
                    .param("thread", thread)
                    .param("mid", messageId)
                    .param("refs", String.join(" ", references))
                    .param("s", subject)
                    .param("from", fromAddress)
                    .param("to", "[{\"name\":null,\"address\":\"" + toAddress + "\"}]")
                    .param("now", now)
                    .param("snippet", text == null ? "" : text)
                    .param("text", text)
                    .param("html", html)
                    .param("remote", html != null && html.contains("data-remote-src"))
                    .update();
            jdbc.sql("""
                            update mail_threads set message_count = message_count + 1, unread_count = unread_count + 1,
                                last_message_at = :now where id = :thread""").param("thread", thread).param("now", now).update();
            long uid = jdbc.sql("select coalesce(max(uid), 0) + 1 from mail_locations where folder_id = :f")
                    .param("f", folder)
                    .query(Long.class)
                    .single();
            jdbc.sql("""
                            insert into mail_locations (tenant_id, folder_id, uid, message_id)
                            values (:t, :f, :uid, :m)""")
                    .param("t", tenant)
                    .param("f", folder)
                    .param("uid", uid)
                    .param("m", id)
                    .update();
            int position = 0;
            for (Incoming a : attachments) {
                MailUploads.Stored stored = uploads.store(new TenantId(tenant), a.bytes());
                jdbc.sql("""
                                insert into mail_attachments (tenant_id, message_id, position, file_name, content_type,
                                    size, sha256, storage_key, content_id, inline)
                                values (:t, :m, :p, :n, :ct, :size, :sha, :key, :cid, :inline)""")
                        .param("t", tenant)
                        .param("m", id)
                        .param("p", position++)
                        .param("n", a.fileName())
                        .param("ct", a.contentType())
                        .param("size", stored.size())
                        .param("sha", stored.sha256())
                        .param("key", stored.storageKey())
                        .param("cid", a.contentId())
                        .param("inline", a.contentId() != null)
                        .update();
            }
        });
        return id;
    }

    protected UUID threadOf(UUID tenant, UUID messageRow) {
        return inTenant(
                tenant,
                () -> jdbc.sql("select thread_id from mail_messages where id = :id")
                        .param("id", messageRow)
                        .query(UUID.class)
                        .single());
    }

    /** A multipart/form-data body of text fields and files (ASCII content only, which is all these tests need). */
    protected static String multipart(String boundary, List<String[]> fields, List<String[]> files) {
        StringBuilder body = new StringBuilder();
        for (String[] f : fields) {
            body.append("--")
                    .append(boundary)
                    .append("\r\n")
                    .append("Content-Disposition: form-data; name=\"")
                    .append(f[0])
                    .append("\"\r\n");
            if (f.length > 2) {
                body.append("Content-Type: ").append(f[2]).append("\r\n");
            }
            body.append("\r\n").append(f[1]).append("\r\n");
        }
        for (String[] f : files) {
            body.append("--")
                    .append(boundary)
                    .append("\r\n")
                    .append("Content-Disposition: form-data; name=\"")
                    .append(f[0])
                    .append("\"; filename=\"")
                    .append(f[1])
                    .append("\"\r\nContent-Type: ")
                    .append(f[2])
                    .append("\r\n\r\n")
                    .append(f[3])
                    .append("\r\n");
        }
        body.append("--").append(boundary).append("--\r\n");
        return body.toString();
    }

    protected static List<String> list(String... values) {
        return new ArrayList<>(List.of(values));
    }
}
