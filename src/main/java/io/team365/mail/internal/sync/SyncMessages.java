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
import java.util.HashSet;
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
     * Stores a batch's new messages in their threads, with their references and attachment rows, in a fixed number
     * of statements however many messages it holds (ADR 0034). Returns, in order, each message's id, or the id of
     * the message already stored under the same Message-ID (stored before, or earlier in this batch: then nothing is
     * written for it).
     */
    List<Stored> storeAll(TenantId tenant, UUID accountId, List<Incoming> batch) {
        int n = batch.size();
        if (n == 0) {
            return List.of();
        }
        String[] keys = new String[n];
        List<List<String>> refsOf = new ArrayList<>(n);
        Set<String> lookup = new LinkedHashSet<>();
        for (int i = 0; i < n; i++) {
            ParsedMessage parsed = batch.get(i).parsed();
            keys[i] = clip(parsed.messageId(), 998);
            List<String> refs = new ArrayList<>(new LinkedHashSet<>(
                    references(parsed).stream().map(r -> clip(r, 998)).toList()));
            refs.remove(keys[i]);
            refsOf.add(refs);
            lookup.add(keys[i]);
            lookup.addAll(refs);
        }
        Map<String, StoredRow> stored = storedRows(accountId, lookup);
        Map<String, UUID> storedThreads = new HashMap<>();
        stored.forEach((key, row) -> storedThreads.put(key, row.thread()));

        // the batch's new messages: the first of each Message-ID not stored yet
        Map<String, Integer> first = new HashMap<>();
        List<Integer> fresh = new ArrayList<>();
        List<ThreadJoiner.Joining> joining = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (!stored.containsKey(keys[i]) && first.putIfAbsent(keys[i], i) == null) {
                fresh.add(i);
                Incoming message = batch.get(i);
                joining.add(new ThreadJoiner.Joining(
                        keys[i], refsOf.get(i), message.parsed().subject(), message.receivedAt()));
            }
        }
        List<UUID> threadOf = threads.threadsFor(tenant, accountId, joining, storedThreads);
        UUID[] ids = new UUID[fresh.size()];
        for (int f = 0; f < ids.length; f++) {
            ids[f] = UUID.randomUUID();
        }
        Set<UUID> inserted = insertMessages(tenant, accountId, batch, fresh, keys, ids, threadOf);

        List<UUID> refMessages = new ArrayList<>();
        List<String> refIds = new ArrayList<>();
        Attachments attachments = new Attachments();
        Map<String, Stored> byKey = new HashMap<>();
        Set<String> lost = new LinkedHashSet<>();
        for (int f = 0; f < ids.length; f++) {
            int i = fresh.get(f);
            if (!inserted.contains(ids[f])) {
                // stored meanwhile by someone else (a sent message's copy): that row is the message
                lost.add(keys[i]);
                continue;
            }
            byKey.put(keys[i], new Stored(ids[f], threadOf.get(f), true));
            for (String ref : refsOf.get(i)) {
                refMessages.add(ids[f]);
                refIds.add(ref);
            }
            for (ParsedMessage.Attachment attachment : batch.get(i).parsed().attachments()) {
                attachments.add(ids[f], attachment);
            }
        }
        if (!lost.isEmpty()) {
            storedRows(accountId, lost)
                    .forEach((key, row) -> byKey.put(key, new Stored(row.id(), row.thread(), false)));
        }
        if (!refIds.isEmpty()) {
            jdbc.sql("""
                            insert into mail_message_refs (tenant_id, account_id, referenced_id, message_id)
                            select :tenant, :account, x.ref, x.id
                            from unnest(cast(:refs as text[]), cast(:ids as uuid[])) as x (ref, id)
                            on conflict do nothing
                            """)
                    .param("tenant", tenant.value())
                    .param("account", accountId)
                    .param("refs", refIds.toArray(String[]::new))
                    .param("ids", refMessages.toArray(UUID[]::new))
                    .update();
        }
        attachments.write(tenant);

        List<Stored> result = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Stored mine = byKey.get(keys[i]);
            if (mine != null && first.get(keys[i]) == i) {
                result.add(mine);
            } else if (mine != null) {
                // the same Message-ID again in this batch: the row just stored
                result.add(new Stored(mine.id(), mine.thread(), false));
            } else {
                StoredRow row = stored.get(keys[i]);
                result.add(new Stored(row.id(), row.thread(), false));
            }
        }
        return result;
    }

    private record StoredRow(UUID id, UUID thread) {}

    /** The stored messages among these Message-IDs (already clipped), with their threads. */
    private Map<String, StoredRow> storedRows(UUID accountId, Collection<String> messageIds) {
        Map<String, StoredRow> found = new HashMap<>();
        jdbc.sql("""
                        select message_id, id, thread_id from mail_messages
                        where account_id = :account and message_id = any(:ids)
                        """)
                .param("account", accountId)
                .param("ids", messageIds.toArray(String[]::new))
                .query((rs, row) -> found.put(
                        rs.getString(1), new StoredRow(rs.getObject(2, UUID.class), rs.getObject(3, UUID.class))))
                .list();
        return found;
    }

    /** One statement for the batch's new messages; returns the ids inserted (a Message-ID stored meanwhile is not). */
    private Set<UUID> insertMessages(
            TenantId tenant,
            UUID accountId,
            List<Incoming> batch,
            List<Integer> fresh,
            String[] keys,
            UUID[] ids,
            List<UUID> threadOf) {
        if (fresh.isEmpty()) {
            return Set.of();
        }
        int size = fresh.size();
        String[] messageIds = new String[size];
        String[] inReplyTo = new String[size];
        String[] references = new String[size];
        String[] subjects = new String[size];
        String[] fromAddresses = new String[size];
        String[] fromNames = new String[size];
        String[] to = new String[size];
        String[] cc = new String[size];
        String[] bcc = new String[size];
        String[] replyTo = new String[size];
        String[] sentAt = new String[size];
        String[] receivedAt = new String[size];
        String[] snippets = new String[size];
        String[] texts = new String[size];
        String[] htmls = new String[size];
        Boolean[] remote = new Boolean[size];
        Long[] sizes = new Long[size];
        Boolean[] seen = new Boolean[size];
        Boolean[] flagged = new Boolean[size];
        Boolean[] answered = new Boolean[size];
        String[] directions = new String[size];
        String[] sources = new String[size];
        for (int f = 0; f < size; f++) {
            Incoming message = batch.get(fresh.get(f));
            ParsedMessage parsed = message.parsed();
            messageIds[f] = keys[fresh.get(f)];
            inReplyTo[f] = clip(parsed.inReplyTo(), 998);
            references[f] = json.writeValueAsString(
                    parsed.references().stream().map(r -> clip(r, 998)).toList());
            subjects[f] = clip(parsed.subject(), 2000);
            fromAddresses[f] = parsed.from() == null ? null : clip(parsed.from().address(), 254);
            fromNames[f] = parsed.from() == null ? null : clip(parsed.from().name(), 500);
            to[f] = addresses(parsed.to());
            cc[f] = addresses(parsed.cc());
            bcc[f] = addresses(parsed.bcc());
            replyTo[f] = addresses(parsed.replyTo());
            sentAt[f] = parsed.sentAt() == null ? null : parsed.sentAt().toString();
            receivedAt[f] = message.receivedAt().toString();
            snippets[f] = clip(parsed.snippet(), 300);
            texts[f] = noNul(parsed.bodyText());
            htmls[f] = noNul(parsed.bodyHtml());
            remote[f] = parsed.hasRemoteImages();
            sizes[f] = message.size();
            seen[f] = message.seen();
            flagged[f] = message.flagged();
            answered[f] = message.answered();
            directions[f] = message.direction();
            sources[f] = message.source();
        }
        Map<String, Object> params = new HashMap<>();
        params.put("tenant", tenant.value());
        params.put("account", accountId);
        params.put("now", Timestamp.from(clock.instant()));
        params.put("ids", ids);
        params.put("threads", threadOf.toArray(UUID[]::new));
        params.put("messageIds", messageIds);
        params.put("inReplyTo", inReplyTo);
        params.put("refs", references);
        params.put("subjects", subjects);
        params.put("fromAddresses", fromAddresses);
        params.put("fromNames", fromNames);
        params.put("to", to);
        params.put("cc", cc);
        params.put("bcc", bcc);
        params.put("replyTo", replyTo);
        params.put("sentAt", sentAt);
        params.put("receivedAt", receivedAt);
        params.put("snippets", snippets);
        params.put("texts", texts);
        params.put("htmls", htmls);
        params.put("remote", remote);
        params.put("sizes", sizes);
        params.put("seen", seen);
        params.put("flagged", flagged);
        params.put("answered", answered);
        params.put("directions", directions);
        params.put("sources", sources);
        return new HashSet<>(jdbc.sql("""
                        insert into mail_messages (tenant_id, account_id, id, thread_id, message_id, in_reply_to,
                            "references", subject, from_address, from_name, to_addresses, cc_addresses, bcc_addresses,
                            reply_to, sent_at, received_at, snippet, body_text, body_html, has_remote_images, size,
                            seen, flagged, answered, direction, source, created_at)
                        select :tenant, :account, x.id, x.thread, x.message_id, x.in_reply_to,
                            array(select jsonb_array_elements_text(cast(x.refs as jsonb))), x.subject, x.from_address,
                            x.from_name, cast(x.to_addresses as jsonb), cast(x.cc_addresses as jsonb),
                            cast(x.bcc_addresses as jsonb), cast(x.reply_to as jsonb), x.sent_at, x.received_at,
                            x.snippet, x.body_text, x.body_html, x.remote, x.size, x.seen, x.flagged, x.answered,
                            x.direction, x.source, :now
                        from unnest(cast(:ids as uuid[]), cast(:threads as uuid[]), cast(:messageIds as text[]),
                            cast(:inReplyTo as text[]), cast(:refs as text[]), cast(:subjects as text[]),
                            cast(:fromAddresses as text[]), cast(:fromNames as text[]), cast(:to as text[]),
                            cast(:cc as text[]), cast(:bcc as text[]), cast(:replyTo as text[]),
                            cast(:sentAt as timestamptz[]), cast(:receivedAt as timestamptz[]),
                            cast(:snippets as text[]), cast(:texts as text[]), cast(:htmls as text[]),
                            cast(:remote as boolean[]), cast(:sizes as bigint[]), cast(:seen as boolean[]),
                            cast(:flagged as boolean[]), cast(:answered as boolean[]), cast(:directions as text[]),
                            cast(:sources as text[]))
                            with ordinality as x (id, thread, message_id, in_reply_to, refs, subject, from_address,
                                from_name, to_addresses, cc_addresses, bcc_addresses, reply_to, sent_at, received_at,
                                snippet, body_text, body_html, remote, size, seen, flagged, answered, direction,
                                source, n)
                        order by x.n
                        on conflict (tenant_id, account_id, message_id) do nothing
                        returning id
                        """).params(params).query(UUID.class).list());
    }

    /** The attachment rows of a batch, written in one statement. */
    private final class Attachments {
        private final List<UUID> messages = new ArrayList<>();
        private final List<Integer> positions = new ArrayList<>();
        private final List<String> names = new ArrayList<>();
        private final List<String> types = new ArrayList<>();
        private final List<Long> sizes = new ArrayList<>();
        private final List<String> shas = new ArrayList<>();
        private final List<String> keys = new ArrayList<>();
        private final List<String> contentIds = new ArrayList<>();
        private final List<Boolean> inline = new ArrayList<>();

        void add(UUID message, ParsedMessage.Attachment attachment) {
            messages.add(message);
            positions.add(attachment.position());
            names.add(fileName(attachment.fileName()));
            types.add(clip(
                    attachment.contentType() == null ? "application/octet-stream" : attachment.contentType(), 255));
            sizes.add(attachment.stored().size());
            shas.add(attachment.stored().sha256());
            keys.add(attachment.stored().storageKey());
            contentIds.add(clip(attachment.contentId(), 998));
            inline.add(attachment.inline());
        }

        void write(TenantId tenant) {
            if (messages.isEmpty()) {
                return;
            }
            Map<String, Object> params = new HashMap<>();
            params.put("tenant", tenant.value());
            params.put("messages", messages.toArray(UUID[]::new));
            params.put("positions", positions.toArray(Integer[]::new));
            params.put("names", names.toArray(String[]::new));
            params.put("types", types.toArray(String[]::new));
            params.put("sizes", sizes.toArray(Long[]::new));
            params.put("shas", shas.toArray(String[]::new));
            params.put("keys", keys.toArray(String[]::new));
            params.put("cids", contentIds.toArray(String[]::new));
            params.put("inline", inline.toArray(Boolean[]::new));
            jdbc.sql("""
                            insert into mail_attachments (tenant_id, message_id, position, file_name, content_type,
                                size, sha256, storage_key, content_id, inline)
                            select :tenant, x.message, x.position, x.name, x.type, x.size, x.sha, x.key, x.cid, x.inline
                            from unnest(cast(:messages as uuid[]), cast(:positions as integer[]),
                                cast(:names as text[]), cast(:types as text[]), cast(:sizes as bigint[]),
                                cast(:shas as text[]), cast(:keys as text[]), cast(:cids as text[]),
                                cast(:inline as boolean[]))
                                as x (message, position, name, type, size, sha, key, cid, inline)
                            on conflict do nothing
                            """).params(params).update();
        }
    }

    /** The outcome of storing a message: its id, its thread, and whether it was new. */
    record Stored(UUID id, UUID thread, boolean created) {}

    /** Records where messages are (folder and UID), in one statement; a location already stored is kept. */
    void locateAll(TenantId tenant, UUID folderId, List<Long> uids, List<UUID> messageIds) {
        if (uids.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        insert into mail_locations (tenant_id, folder_id, uid, message_id)
                        select :tenant, :folder, x.uid, x.message
                        from unnest(cast(:uids as bigint[]), cast(:messages as uuid[])) as x (uid, message)
                        on conflict (tenant_id, folder_id, uid) do nothing
                        """)
                .param("tenant", tenant.value())
                .param("folder", folderId)
                .param("uids", uids.toArray(Long[]::new))
                .param("messages", messageIds.toArray(UUID[]::new))
                .update();
    }

    /**
     * {@link #flags} for several messages in one statement; returns the threads of those whose flags changed.
     */
    Set<UUID> flagsAll(List<UUID> messageIds, List<Boolean> seen, List<Boolean> flagged, List<Boolean> answered) {
        if (messageIds.isEmpty()) {
            return Set.of();
        }
        return new LinkedHashSet<>(jdbc.sql("""
                        update mail_messages m set flagged = x.flagged, answered = x.answered,
                            seen = case when exists (select 1 from mail_flag_writes w
                                                     where w.tenant_id = m.tenant_id and w.message_id = m.id)
                                        then m.seen else x.seen end
                        from (select distinct on (id) id, seen, flagged, answered
                              from unnest(cast(:ids as uuid[]), cast(:seen as boolean[]), cast(:flagged as boolean[]),
                                          cast(:answered as boolean[])) with ordinality as u (id, seen, flagged, answered, n)
                              order by id, n desc) x
                        where m.id = x.id
                          and (m.seen, m.flagged, m.answered) is distinct from (x.seen, x.flagged, x.answered)
                        returning m.thread_id
                        """)
                .param("ids", messageIds.toArray(UUID[]::new))
                .param("seen", seen.toArray(Boolean[]::new))
                .param("flagged", flagged.toArray(Boolean[]::new))
                .param("answered", answered.toArray(Boolean[]::new))
                .query(UUID.class)
                .list());
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
