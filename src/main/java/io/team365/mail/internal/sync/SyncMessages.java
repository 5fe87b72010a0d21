package io.team365.mail.internal.sync;

import io.team365.core.TenantId;
import io.team365.mail.internal.mime.MailAddress;
import io.team365.mail.internal.mime.ParsedMessage;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * The message side of a sync for the bound Client: {@code mail_messages} (one row per account and Message-ID, so a
 * message seen again — in another folder, after a renumbering, or by a resumed batch — is never stored twice), its
 * attachments and references, its locations, and the aggregates of its thread.
 */
@Component
class SyncMessages {

    /** A message ready to store: what the parser made of it and what the server says about it. */
    record Incoming(
            ParsedMessage parsed,
            Instant receivedAt,
            long size,
            boolean seen,
            boolean flagged,
            boolean answered,
            String direction,
            String source) {}

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final ThreadJoiner threads;
    private final Clock clock;

    SyncMessages(JdbcClient jdbc, ObjectMapper json, ThreadJoiner threads, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.threads = threads;
        this.clock = clock;
    }

    /** The stored messages among these Message-IDs, by Message-ID. */
    Map<String, UUID> existing(UUID accountId, Collection<String> messageIds) {
        Map<String, UUID> found = new HashMap<>();
        for (List<String> chunk : SyncFolders.chunks(new ArrayList<>(new LinkedHashSet<>(messageIds)), 1000)) {
            jdbc.sql("select message_id, id from mail_messages where account_id = :account and message_id in (:ids)")
                    .param("account", accountId)
                    .param("ids", chunk)
                    .query((rs, n) -> found.put(rs.getString(1), rs.getObject(2, UUID.class)))
                    .list();
        }
        return found;
    }

    /**
     * Stores a new message in its thread, with its references and attachment rows; returns its id, or the id of the
     * message already stored under the same Message-ID (then nothing is written).
     */
    Stored store(TenantId tenant, UUID accountId, Incoming message) {
        ParsedMessage parsed = message.parsed();
        UUID id = UUID.randomUUID();
        List<String> refs = references(parsed);
        UUID thread =
                threads.threadFor(tenant, accountId, parsed.messageId(), refs, parsed.subject(), message.receivedAt());
        List<UUID> inserted = jdbc.sql("""
                        insert into mail_messages (tenant_id, account_id, id, thread_id, message_id, in_reply_to,
                            "references", subject, from_address, from_name, to_addresses, cc_addresses, bcc_addresses,
                            reply_to, sent_at, received_at, snippet, body_text, body_html, has_remote_images, size,
                            seen, flagged, answered, direction, source, created_at)
                        values (:tenant, :account, :id, :thread, :messageId, :inReplyTo, :refs, :subject, :fromAddress,
                            :fromName, cast(:to as jsonb), cast(:cc as jsonb), cast(:bcc as jsonb),
                            cast(:replyTo as jsonb), :sentAt, :receivedAt, :snippet, :text, :html, :remote, :size,
                            :seen, :flagged, :answered, :direction, :source, :now)
                        on conflict (tenant_id, account_id, message_id) do nothing
                        returning id
                        """)
                .param("tenant", tenant.value())
                .param("account", accountId)
                .param("id", id)
                .param("thread", thread)
                .param("messageId", clip(parsed.messageId(), 998))
                .param("inReplyTo", clip(parsed.inReplyTo(), 998))
                .param(
                        "refs",
                        parsed.references().stream().map(r -> clip(r, 998)).toArray(String[]::new))
                .param("subject", clip(parsed.subject(), 2000))
                .param(
                        "fromAddress",
                        parsed.from() == null ? null : clip(parsed.from().address(), 254))
                .param(
                        "fromName",
                        parsed.from() == null ? null : clip(parsed.from().name(), 500))
                .param("to", addresses(parsed.to()))
                .param("cc", addresses(parsed.cc()))
                .param("bcc", addresses(parsed.bcc()))
                .param("replyTo", addresses(parsed.replyTo()))
                .param("sentAt", parsed.sentAt() == null ? null : Timestamp.from(parsed.sentAt()))
                .param("receivedAt", Timestamp.from(message.receivedAt()))
                .param("snippet", clip(parsed.snippet(), 300))
                .param("text", noNul(parsed.bodyText()))
                .param("html", noNul(parsed.bodyHtml()))
                .param("remote", parsed.hasRemoteImages())
                .param("size", message.size())
                .param("seen", message.seen())
                .param("flagged", message.flagged())
                .param("answered", message.answered())
                .param("direction", message.direction())
                .param("source", message.source())
                .param("now", Timestamp.from(clock.instant()))
                .query(UUID.class)
                .list();
        if (inserted.isEmpty()) {
            UUID existing = existing(accountId, List.of(parsed.messageId())).get(parsed.messageId());
            return new Stored(existing, thread, false);
        }
        for (String ref : refs) {
            jdbc.sql("""
                            insert into mail_message_refs (tenant_id, account_id, referenced_id, message_id)
                            values (:tenant, :account, :ref, :id) on conflict do nothing
                            """)
                    .param("tenant", tenant.value())
                    .param("account", accountId)
                    .param("ref", clip(ref, 998))
                    .param("id", id)
                    .update();
        }
        for (ParsedMessage.Attachment attachment : parsed.attachments()) {
            jdbc.sql("""
                            insert into mail_attachments (tenant_id, message_id, position, file_name, content_type,
                                size, sha256, storage_key, content_id, inline)
                            values (:tenant, :message, :position, :name, :type, :size, :sha, :key, :cid, :inline)
                            on conflict do nothing
                            """)
                    .param("tenant", tenant.value())
                    .param("message", id)
                    .param("position", attachment.position())
                    .param("name", fileName(attachment.fileName()))
                    .param(
                            "type",
                            clip(
                                    attachment.contentType() == null
                                            ? "application/octet-stream"
                                            : attachment.contentType(),
                                    255))
                    .param("size", attachment.stored().size())
                    .param("sha", attachment.stored().sha256())
                    .param("key", attachment.stored().storageKey())
                    .param("cid", clip(attachment.contentId(), 998))
                    .param("inline", attachment.inline())
                    .update();
        }
        return new Stored(id, thread, true);
    }

    /** The outcome of {@link #store}: the message's id, its thread, and whether it was new. */
    record Stored(UUID id, UUID thread, boolean created) {}

    /** Records where a message is (folder and UID); a location already stored is kept. */
    void locate(TenantId tenant, UUID folderId, long uid, UUID messageId, Long modseq) {
        jdbc.sql("""
                        insert into mail_locations (tenant_id, folder_id, uid, message_id, modseq)
                        values (:tenant, :folder, :uid, :message, :modseq)
                        on conflict (tenant_id, folder_id, uid) do nothing
                        """)
                .param("tenant", tenant.value())
                .param("folder", folderId)
                .param("uid", uid)
                .param("message", messageId)
                .param("modseq", modseq)
                .update();
    }

    /**
     * Sets a message's flags as the server has them; returns its thread when they changed. While a read or unread
     * change made in Team365 waits to be written to the server (mail_flag_writes, ADR 0031), the server's \Seen is
     * stale and Team365's is kept.
     */
    UUID flags(UUID messageId, boolean seen, boolean flagged, boolean answered) {
        return jdbc.sql("""
                        update mail_messages m set flagged = :flagged, answered = :answered,
                            seen = case when exists (select 1 from mail_flag_writes w
                                                     where w.tenant_id = m.tenant_id and w.message_id = m.id)
                                        then m.seen else :seen end
                        where id = :id and (seen, flagged, answered) is distinct from (:seen, :flagged, :answered)
                        returning thread_id
                        """)
                .param("seen", seen)
                .param("flagged", flagged)
                .param("answered", answered)
                .param("id", messageId)
                .query(UUID.class)
                .optional()
                .orElse(null);
    }

    /**
     * Deletes those of the messages that are no longer in any folder (a message moved elsewhere keeps its row);
     * returns the threads they were in.
     */
    Set<UUID> deleteUnlocated(Collection<UUID> messageIds) {
        Set<UUID> touched = new LinkedHashSet<>();
        for (List<UUID> chunk : SyncFolders.chunks(new ArrayList<>(new LinkedHashSet<>(messageIds)), 1000)) {
            touched.addAll(jdbc.sql("""
                            delete from mail_messages m where m.id in (:ids)
                                and not exists (select 1 from mail_locations l
                                                where l.tenant_id = m.tenant_id and l.message_id = m.id)
                            returning thread_id
                            """).param("ids", chunk).query(UUID.class).list());
        }
        return touched;
    }

    private static List<String> references(ParsedMessage parsed) {
        Set<String> refs = new LinkedHashSet<>();
        if (parsed.inReplyTo() != null && !parsed.inReplyTo().isBlank()) {
            refs.add(parsed.inReplyTo());
        }
        for (String ref : parsed.references()) {
            if (ref != null && !ref.isBlank()) {
                refs.add(ref);
            }
        }
        refs.remove(parsed.messageId());
        return new ArrayList<>(refs);
    }

    private String addresses(List<MailAddress> addresses) {
        List<Map<String, String>> list = new ArrayList<>();
        for (MailAddress address : addresses == null ? List.<MailAddress>of() : addresses) {
            Map<String, String> entry = new java.util.LinkedHashMap<>();
            entry.put("name", address.name());
            entry.put("address", address.address());
            list.add(entry);
        }
        return json.writeValueAsString(list);
    }

    private static String fileName(String name) {
        String cleaned = name == null || name.isBlank() ? "attachment" : name.strip();
        return clip(cleaned, 255);
    }

    /** PostgreSQL text cannot hold NUL characters, which broken mail sometimes has. */
    static String noNul(String value) {
        return value == null || value.indexOf('\u0000') < 0 ? value : value.replace("\u0000", "");
    }

    static String clip(String raw, int max) {
        String value = noNul(raw);
        if (value == null || value.length() <= max) {
            return value;
        }
        int end = max;
        if (Character.isHighSurrogate(value.charAt(end - 1))) {
            end--;
        }
        return value.substring(0, end);
    }
}
