package io.team365.mail.internal.send;

import io.team365.core.TenantId;
import io.team365.mail.internal.account.MailAccount;
import io.team365.mail.internal.mime.MailAddress;
import io.team365.tenancy.DatabaseLookups;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.ObjectMapper;

/** {@code mail_outgoing}, and the outbound {@code mail_messages} rows (with their thread and attachments). */
@Repository
class OutgoingStore {

    static final String WORKER = "mail-send";

    /** An attached file as stored. */
    record File(String fileName, String contentType, MailUploads.Stored stored) {}

    /** A sent message as the thread shows it. */
    record Stored(
            TenantId tenant,
            MailAccount account,
            UUID threadId,
            String messageId,
            String inReplyTo,
            List<String> references,
            String subject,
            MailAddress from,
            List<MailAddress> to,
            List<MailAddress> cc,
            List<MailAddress> bcc,
            String text,
            String html,
            long size,
            List<File> files,
            Instant at) {}

    /** A queued message claimed for sending: which, of which Client, and the attempt this is. */
    record Claim(TenantId tenant, UUID id, UUID accountId, UUID authorId, int attempt) {}

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    OutgoingStore(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    UUID newThread(TenantId tenant, UUID accountId, String subject, Instant at) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into mail_threads (tenant_id, account_id, id, subject, last_message_at)
                        values (:tenant, :account, :id, :subject, :at)
                        """)
                .param("tenant", tenant.value())
                .param("account", accountId)
                .param("id", id)
                .param("subject", subject)
                .param("at", Timestamp.from(at))
                .update();
        return id;
    }

    UUID storeMessage(Stored m) {
        UUID id = UUID.randomUUID();
        String snippet =
                m.text() == null ? "" : m.text().replaceAll("\\s+", " ").strip();
        jdbc.sql("""
                        insert into mail_messages (tenant_id, account_id, id, thread_id, message_id, in_reply_to,
                            "references", subject, from_address, from_name, to_addresses, cc_addresses, bcc_addresses,
                            sent_at, received_at, snippet, body_text, body_html, size, seen, direction, source,
                            created_at)
                        values (:tenant, :account, :id, :thread, :messageId, :inReplyTo,
                            string_to_array(:references, ' '), :subject, :fromAddress, :fromName,
                            cast(:to as jsonb), cast(:cc as jsonb), cast(:bcc as jsonb),
                            :at, :at, :snippet, :text, :html, :size, true, 'outbound', :source, :at)
                        """)
                .param("tenant", m.tenant().value())
                .param("account", m.account().id())
                .param("id", id)
                .param("thread", m.threadId())
                .param("messageId", m.messageId())
                .param("inReplyTo", m.inReplyTo())
                .param("references", String.join(" ", m.references()))
                .param("subject", m.subject())
                .param("fromAddress", m.from().address())
                .param("fromName", m.from().name())
                .param("to", json.writeValueAsString(m.to()))
                .param("cc", json.writeValueAsString(m.cc()))
                .param("bcc", json.writeValueAsString(m.bcc()))
                .param("at", Timestamp.from(m.at()))
                .param("snippet", snippet.length() > 200 ? snippet.substring(0, 200) : snippet)
                .param("text", m.text())
                .param("html", m.html())
                .param("size", m.size())
                .param("source", m.account().provider().source())
                .update();
        int position = 0;
        for (File file : m.files()) {
            jdbc.sql("""
                            insert into mail_attachments (tenant_id, message_id, position, file_name, content_type,
                                size, sha256, storage_key)
                            values (:tenant, :message, :position, :name, :type, :size, :sha, :key)
                            """)
                    .param("tenant", m.tenant().value())
                    .param("message", id)
                    .param("position", position++)
                    .param("name", file.fileName())
                    .param("type", file.contentType())
                    .param("size", file.stored().size())
                    .param("sha", file.stored().sha256())
                    .param("key", file.stored().storageKey())
                    .update();
        }
        jdbc.sql("""
                        update mail_threads set message_count = message_count + 1,
                            last_message_at = greatest(last_message_at, :at)
                        where id = :thread
                        """)
                .param("thread", m.threadId())
                .param("at", Timestamp.from(m.at()))
                .update();
        return id;
    }

    void markAnswered(UUID messageId) {
        jdbc.sql("update mail_messages set answered = true where id = :id")
                .param("id", messageId)
                .update();
    }

    UUID queue(TenantId tenant, UUID accountId, UUID author, byte[] mime, String messageId, Instant at) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into mail_outgoing (tenant_id, id, account_id, author_id, mime, message_id,
                            next_attempt_at, created_at)
                        values (:tenant, :id, :account, :author, :mime, :messageId, :at, :at)
                        """)
                .param("tenant", tenant.value())
                .param("id", id)
                .param("account", accountId)
                .param("author", author)
                .param("mime", mime)
                .param("messageId", messageId)
                .param("at", Timestamp.from(at))
                .update();
        return id;
    }

    void deleteDraft(UUID author, UUID draftId) {
        jdbc.sql("delete from mail_drafts where id = :id and author_id = :author")
                .param("id", draftId)
                .param("author", author)
                .update();
    }

    /**
     * Across Clients, in a transaction of its own: gives up on messages whose sending attempt never reported back
     * (the server died between claiming and recording the outcome: they may have been sent, so they are not sent
     * again — at most once), then claims the oldest due message, marking it sending until {@code now + lease}.
     */
    Optional<Claim> claim(Instant now, Duration lease) {
        DatabaseLookups.asWorker(jdbc, WORKER);
        jdbc.sql("""
                        update mail_outgoing set status = 'failed', last_error = 'mail.client.send.error.unknown'
                        where status = 'sending' and next_attempt_at <= :now
                        """).param("now", Timestamp.from(now)).update();
        return jdbc.sql("""
                        update mail_outgoing set status = 'sending', attempts = attempts + 1,
                            next_attempt_at = :until
                        where (tenant_id, id) = (
                            select tenant_id, id from mail_outgoing
                            where status = 'queued' and next_attempt_at <= :now
                            order by next_attempt_at limit 1 for update skip locked)
                        returning tenant_id, id, account_id, author_id, attempts
                        """)
                .param("now", Timestamp.from(now))
                .param("until", Timestamp.from(now.plus(lease)))
                .query((rs, n) -> new Claim(
                        new TenantId(rs.getObject("tenant_id", UUID.class)),
                        rs.getObject("id", UUID.class),
                        rs.getObject("account_id", UUID.class),
                        rs.getObject("author_id", UUID.class),
                        rs.getInt("attempts")))
                .optional();
    }

    /** The bytes to send (in the claimed Client's transaction). */
    byte[] mime(UUID id) {
        return jdbc.sql("select mime from mail_outgoing where id = :id")
                .param("id", id)
                .query(byte[].class)
                .single();
    }

    void sent(UUID id, Instant at) {
        jdbc.sql("""
                        update mail_outgoing set status = 'sent', sent_at = :at, last_error = null where id = :id
                        """).param("id", id).param("at", Timestamp.from(at)).update();
    }

    /** The Sent copy is in place: the bytes are not needed any more (the message row holds what the user sees). */
    void copied(UUID id) {
        jdbc.sql("""
                        update mail_outgoing set mime = ''::bytea, copy_next_at = null,
                            last_error = case when last_error = :copyError then null else last_error end
                        where id = :id
                        """)
                .param("id", id)
                .param("copyError", MailSendWorker.SENT_COPY_FAILED)
                .update();
    }

    /** Appending the Sent copy failed: the append is tried again at {@code next} (the message is not sent again). */
    void copyLater(UUID id, String errorKey, Instant next) {
        jdbc.sql("""
                        update mail_outgoing set last_error = :error, copy_next_at = :next,
                            copy_attempts = greatest(copy_attempts, 1)
                        where id = :id and status = 'sent'
                        """)
                .param("id", id)
                .param("error", errorKey)
                .param("next", Timestamp.from(next))
                .update();
    }

    /** The Sent copy is given up: the error stays for the thread to show; the bytes go. */
    void copyAbandoned(UUID id, String errorKey) {
        jdbc.sql("""
                        update mail_outgoing set last_error = :error, copy_next_at = null, mime = ''::bytea
                        where id = :id
                        """).param("id", id).param("error", errorKey).update();
    }

    /**
     * Across Clients, in a transaction of its own: claims the oldest sent message whose Sent copy is due again,
     * holding it until {@code now + lease}. Only messages already sent: nothing claimed here goes through SMTP.
     */
    Optional<Claim> claimCopy(Instant now, Duration lease) {
        DatabaseLookups.asWorker(jdbc, WORKER);
        return jdbc.sql("""
                        update mail_outgoing set copy_attempts = copy_attempts + 1, copy_next_at = :until
                        where (tenant_id, id) = (
                            select tenant_id, id from mail_outgoing
                            where status = 'sent' and copy_next_at <= :now
                            order by copy_next_at limit 1 for update skip locked)
                        returning tenant_id, id, account_id, author_id, copy_attempts
                        """)
                .param("now", Timestamp.from(now))
                .param("until", Timestamp.from(now.plus(lease)))
                .query((rs, n) -> new Claim(
                        new TenantId(rs.getObject("tenant_id", UUID.class)),
                        rs.getObject("id", UUID.class),
                        rs.getObject("account_id", UUID.class),
                        rs.getObject("author_id", UUID.class),
                        rs.getInt("copy_attempts")))
                .optional();
    }

    void retry(UUID id, String errorKey, Instant next) {
        jdbc.sql("""
                        update mail_outgoing set status = 'queued', last_error = :error, next_attempt_at = :next
                        where id = :id
                        """)
                .param("id", id)
                .param("error", errorKey)
                .param("next", Timestamp.from(next))
                .update();
    }

    void failed(UUID id, String errorKey) {
        jdbc.sql("update mail_outgoing set status = 'failed', last_error = :error where id = :id")
                .param("id", id)
                .param("error", errorKey)
                .update();
    }

    /** The name of the account's Sent folder as synced (role sent), if the sync found one. */
    Optional<String> sentFolder(UUID accountId) {
        return jdbc.sql("select name from mail_folders where account_id = :account and role = 'sent' limit 1")
                .param("account", accountId)
                .query(String.class)
                .optional();
    }

    /** The account's Sent folder name, read with the claim's Client bound. */
    Optional<String> sentFolderOf(io.team365.tenancy.TenantTransactions tenants, Claim claim) {
        return tenants.call(claim.tenant(), claim.authorId(), () -> sentFolder(claim.accountId()));
    }

    /** The outgoing message's status and error key, for the API. */
    Optional<String[]> status(UUID id) {
        return jdbc.sql("select status, last_error from mail_outgoing where id = :id")
                .param("id", id)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
                .optional();
    }
}
