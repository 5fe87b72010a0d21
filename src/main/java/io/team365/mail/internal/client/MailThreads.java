package io.team365.mail.internal.client;

import io.team365.core.InvalidInput;
import io.team365.core.paging.Cursors;
import io.team365.core.paging.Page;
import io.team365.core.paging.TextSearch;
import io.team365.mail.internal.flags.SeenWriteBack;
import io.team365.mail.internal.mime.MailAddress;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/**
 * Reads threads and messages as a user may see them: the mail of accounts they own, and of accounts shared with the
 * team. Anything else is absent (the callers answer 404), never forbidden, so an id reveals nothing.
 */
@Repository
@Transactional(readOnly = true)
public class MailThreads {

    /** The folder filters of the inbox. */
    public static final Set<String> FOLDERS = Set.of("inbox", "sent", "drafts", "all");

    static final String VISIBLE = "(a.owner_id = :user or a.sharing = 'team')";

    private static final String SORT = "last";
    private static final TypeReference<List<MailAddress>> ADDRESSES = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final SeenWriteBack seenWriteBack;

    MailThreads(JdbcClient jdbc, ObjectMapper json, SeenWriteBack seenWriteBack) {
        this.jdbc = jdbc;
        this.json = json;
        this.seenWriteBack = seenWriteBack;
    }

    /**
     * The user's visible threads, latest first: those with a message in a folder of the role (inbox, sent, drafts;
     * "sent" also holds what was sent from Team365), or all; filtered by subject or sender when {@code q} is given.
     */
    public Page<ThreadSummary> list(UUID user, String folder, String q, String cursor, int limit) {
        String role = folder == null || folder.isBlank() ? "inbox" : folder;
        if (!FOLDERS.contains(role)) {
            throw InvalidInput.of("folder", "mail.client.folder.unknown");
        }
        String pattern = TextSearch.containsPattern(q);
        StringBuilder where = new StringBuilder(VISIBLE);
        if (!role.equals("all")) {
            where.append("""
                     and exists (select 1 from mail_messages fm
                        left join mail_locations l on l.tenant_id = fm.tenant_id and l.message_id = fm.id
                        left join mail_folders f on f.tenant_id = l.tenant_id and f.id = l.folder_id
                        where fm.tenant_id = t.tenant_id and fm.thread_id = t.id
                          and (f.role = :role""");
            where.append(role.equals("sent") ? " or fm.direction = 'outbound'))" : "))");
        }
        if (pattern != null) {
            where.append("""
                     and (t.subject ilike :q escape '\\' or exists (select 1 from mail_messages sm
                        where sm.tenant_id = t.tenant_id and sm.thread_id = t.id
                          and (sm.from_address ilike :q escape '\\' or sm.from_name ilike :q escape '\\')))""");
        }
        Cursors.Position after = cursor == null || cursor.isBlank() ? null : Cursors.decode(cursor, SORT);
        if (after != null) {
            where.append(" and (t.last_message_at, t.id) < (:afterAt, :afterId)");
        }
        var sql = jdbc.sql(summarySql(where.toString()) + " order by t.last_message_at desc, t.id desc limit :limit")
                .param("user", user)
                .param("limit", limit + 1);
        if (!role.equals("all")) {
            sql = sql.param("role", role);
        }
        if (pattern != null) {
            sql = sql.param("q", pattern);
        }
        if (after != null) {
            try {
                sql = sql.param("afterAt", Timestamp.from(Instant.parse(after.value())))
                        .param("afterId", after.id());
            } catch (java.time.format.DateTimeParseException e) {
                throw InvalidInput.of("cursor", "list.cursor");
            }
        }
        return page(sql.query(MailThreads::summary).list(), limit);
    }

    /** The visible threads with a message linked to the record (mail_links), latest first. */
    public Page<ThreadSummary> linkedTo(UUID user, String recordType, UUID recordId, String cursor, int limit) {
        String where = VISIBLE + """
                 and exists (select 1 from mail_messages lm join mail_links k
                    on k.tenant_id = lm.tenant_id and k.message_id = lm.id
                    where lm.tenant_id = t.tenant_id and lm.thread_id = t.id
                      and k.record_type = :type and k.record_id = :record)""";
        Cursors.Position after = cursor == null || cursor.isBlank() ? null : Cursors.decode(cursor, SORT);
        if (after != null) {
            where += " and (t.last_message_at, t.id) < (:afterAt, :afterId)";
        }
        var sql = jdbc.sql(summarySql(where) + " order by t.last_message_at desc, t.id desc limit :limit")
                .param("user", user)
                .param("type", recordType)
                .param("record", recordId)
                .param("limit", limit + 1);
        if (after != null) {
            sql = sql.param("afterAt", Timestamp.from(Instant.parse(after.value())))
                    .param("afterId", after.id());
        }
        return page(sql.query(MailThreads::summary).list(), limit);
    }

    public Optional<ThreadView> thread(UUID user, UUID id) {
        Optional<ThreadSummary> thread = jdbc.sql(summarySql(VISIBLE + " and t.id = :id"))
                .param("user", user)
                .param("id", id)
                .query(MailThreads::summary)
                .optional();
        if (thread.isEmpty()) {
            return Optional.empty();
        }
        List<MessageView> messages =
                messages("m.thread_id = :id order by m.received_at, m.id", Map.of("id", id, "user", user));
        ThreadSummary t = thread.get();
        return Optional.of(new ThreadView(t.id(), t.accountId(), t.accountEmail(), t.subject(), messages));
    }

    /** One visible message with its attachments. */
    public Optional<MessageView> message(UUID user, UUID id) {
        return messages("m.id = :id", Map.of("id", id, "user", user)).stream().findFirst();
    }

    /** The mailboxes the user sees (own ones first), still connected. */
    public List<SendingAccount> accounts(UUID user) {
        return jdbc.sql("""
                        select a.id, a.email, a.display_name, a.signature_html from mail_accounts a
                        where a.status <> 'disconnected' and """ + VISIBLE + """
                         order by (a.owner_id = :user) desc, a.email""")
                .param("user", user)
                .query((rs, n) -> new SendingAccount(
                        rs.getObject("id", UUID.class),
                        rs.getString("email"),
                        rs.getString("display_name"),
                        rs.getString("signature_html")))
                .list();
    }

    /** A visible message's attachment. */
    public Optional<MessageView.AttachmentView> attachment(UUID user, UUID messageId, int position) {
        return jdbc.sql("""
                        select x.* from mail_attachments x
                        join mail_messages m on m.tenant_id = x.tenant_id and m.id = x.message_id
                        join mail_accounts a on a.tenant_id = m.tenant_id and a.id = m.account_id
                        where x.message_id = :message and x.position = :position and """ + VISIBLE)
                .param("message", messageId)
                .param("position", position)
                .param("user", user)
                .query(MailThreads::attachment)
                .optional();
    }

    /**
     * Marks the thread's messages read, and asks for \Seen to be set on the server for those that were not (written
     * by a worker after this transaction, never in the request: ADR 0031).
     */
    @Transactional
    public void markRead(UUID user, UUID threadId) {
        List<UUID> changed = jdbc.sql("""
                        update mail_messages m set seen = true
                        from mail_accounts a
                        where a.tenant_id = m.tenant_id and a.id = m.account_id and m.thread_id = :thread
                          and not m.seen and """ + VISIBLE + " returning m.id")
                .param("thread", threadId)
                .param("user", user)
                .query(UUID.class)
                .list();
        if (!changed.isEmpty()) {
            jdbc.sql("update mail_threads set unread_count = 0 where id = :thread")
                    .param("thread", threadId)
                    .update();
            seenWriteBack.request(changed, true);
        }
    }

    /**
     * Marks the thread's received messages unread again, here and (by the same worker) on the server. Returns how
     * many changed; an invisible thread changes nothing.
     */
    @Transactional
    public int markUnread(UUID user, UUID threadId) {
        List<UUID> changed = jdbc.sql("""
                        update mail_messages m set seen = false
                        from mail_accounts a
                        where a.tenant_id = m.tenant_id and a.id = m.account_id and m.thread_id = :thread
                          and m.seen and m.direction = 'inbound' and """ + VISIBLE + " returning m.id")
                .param("thread", threadId)
                .param("user", user)
                .query(UUID.class)
                .list();
        if (!changed.isEmpty()) {
            jdbc.sql("""
                            update mail_threads t set unread_count = (select count(*) from mail_messages m
                                where m.tenant_id = t.tenant_id and m.thread_id = t.id and not m.seen)
                            where t.id = :thread
                            """).param("thread", threadId).update();
            seenWriteBack.request(changed, false);
        }
        return changed.size();
    }

    private List<MessageView> messages(String condition, Map<String, ?> params) {
        List<MessageView> found = new ArrayList<>();
        jdbc.sql("""
                        select m.*, o.status as send_status, o.last_error as send_error
                        from mail_messages m
                        join mail_accounts a on a.tenant_id = m.tenant_id and a.id = m.account_id
                        left join mail_outgoing o on o.tenant_id = m.tenant_id and o.account_id = m.account_id
                            and o.message_id = m.message_id
                        where """ + VISIBLE + " and " + condition)
                .params(params)
                .query((rs, n) -> found.add(message(rs)))
                .list();
        if (found.isEmpty()) {
            return found;
        }
        Map<UUID, List<MessageView.AttachmentView>> attachments = jdbc
                .sql("""
                        select * from mail_attachments where message_id in (:ids) order by message_id, position
                        """)
                .param("ids", found.stream().map(MessageView::id).toList())
                .query(MailThreads::attachment)
                .list()
                .stream()
                .collect(Collectors.groupingBy(MessageView.AttachmentView::messageId));
        return found.stream()
                .map(m -> new MessageView(
                        m.id(),
                        m.accountId(),
                        m.threadId(),
                        m.messageId(),
                        m.inReplyTo(),
                        m.references(),
                        m.subject(),
                        m.from(),
                        m.to(),
                        m.cc(),
                        m.bcc(),
                        m.replyTo(),
                        m.sentAt(),
                        m.receivedAt(),
                        m.bodyText(),
                        m.bodyHtml(),
                        m.hasRemoteImages(),
                        m.seen(),
                        m.flagged(),
                        m.answered(),
                        m.direction(),
                        attachments.getOrDefault(m.id(), List.of()),
                        m.sendStatus(),
                        m.sendError()))
                .toList();
    }

    private static String summarySql(String where) {
        return """
                select t.id, t.account_id, a.email as account_email, t.subject, t.last_message_at, t.message_count,
                    t.unread_count, last.from_name, last.from_address, last.snippet
                from mail_threads t
                join mail_accounts a on a.tenant_id = t.tenant_id and a.id = t.account_id
                left join lateral (select lm.from_name, lm.from_address, lm.snippet from mail_messages lm
                    where lm.tenant_id = t.tenant_id and lm.thread_id = t.id
                    order by lm.received_at desc, lm.id desc limit 1) last on true
                where """ + where;
    }

    private static Page<ThreadSummary> page(List<ThreadSummary> rows, int limit) {
        if (rows.size() <= limit) {
            return new Page<>(rows, null);
        }
        List<ThreadSummary> items = rows.subList(0, limit);
        ThreadSummary last = items.getLast();
        return new Page<>(
                List.copyOf(items), Cursors.encode(SORT, last.lastMessageAt().toString(), last.id()));
    }

    private static ThreadSummary summary(ResultSet rs, int row) throws SQLException {
        return new ThreadSummary(
                rs.getObject("id", UUID.class),
                rs.getObject("account_id", UUID.class),
                rs.getString("account_email"),
                rs.getString("subject"),
                rs.getTimestamp("last_message_at").toInstant(),
                rs.getInt("message_count"),
                rs.getInt("unread_count"),
                rs.getString("from_name"),
                rs.getString("from_address"),
                rs.getString("snippet"));
    }

    private MessageView message(ResultSet rs) throws SQLException {
        Timestamp sent = rs.getTimestamp("sent_at");
        Array references = rs.getArray("references");
        String fromAddress = rs.getString("from_address");
        return new MessageView(
                rs.getObject("id", UUID.class),
                rs.getObject("account_id", UUID.class),
                rs.getObject("thread_id", UUID.class),
                rs.getString("message_id"),
                rs.getString("in_reply_to"),
                references == null ? List.of() : Arrays.asList((String[]) references.getArray()),
                rs.getString("subject"),
                fromAddress == null ? null : new MailAddress(rs.getString("from_name"), fromAddress),
                addresses(rs.getString("to_addresses")),
                addresses(rs.getString("cc_addresses")),
                addresses(rs.getString("bcc_addresses")),
                addresses(rs.getString("reply_to")),
                sent == null ? null : sent.toInstant(),
                rs.getTimestamp("received_at").toInstant(),
                rs.getString("body_text"),
                rs.getString("body_html"),
                rs.getBoolean("has_remote_images"),
                rs.getBoolean("seen"),
                rs.getBoolean("flagged"),
                rs.getBoolean("answered"),
                rs.getString("direction"),
                List.of(),
                rs.getString("send_status"),
                rs.getString("send_error"));
    }

    private List<MailAddress> addresses(String stored) {
        return stored == null ? List.of() : json.readValue(stored, ADDRESSES);
    }

    private static MessageView.AttachmentView attachment(ResultSet rs, int row) throws SQLException {
        return new MessageView.AttachmentView(
                rs.getObject("message_id", UUID.class),
                rs.getInt("position"),
                rs.getString("file_name"),
                rs.getString("content_type"),
                rs.getLong("size"),
                rs.getString("sha256"),
                rs.getString("storage_key"),
                rs.getString("content_id"),
                rs.getBoolean("inline"));
    }
}
