package io.team365.mail.internal.sync;

import io.team365.core.TenantId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Conversations from Message-ID, In-Reply-To and References: a message joins the thread of any stored message it
 * refers to, or of any stored message that refers to it (a reply synced before its original); when it joins two
 * threads, they become one. Otherwise it starts a new thread.
 */
@Component
class ThreadJoiner {

    private static final Pattern REPLY_PREFIX =
            Pattern.compile("^(\\s*(re|fw|fwd|aw|wg|sv|vs|tr|rif)\\s*(\\[\\d+])?\\s*:\\s*)+", Pattern.CASE_INSENSITIVE);

    private final JdbcClient jdbc;

    ThreadJoiner(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The thread a message belongs in, created or merged as needed. */
    UUID threadFor(
            TenantId tenant, UUID accountId, String messageId, List<String> refs, String subject, Instant receivedAt) {
        Set<UUID> found = new LinkedHashSet<>();
        if (!refs.isEmpty()) {
            for (List<String> chunk : SyncFolders.chunks(refs, 500)) {
                found.addAll(jdbc.sql("""
                                select thread_id from mail_messages
                                where account_id = :account and message_id in (:refs)
                                """)
                        .param("account", accountId)
                        .param("refs", chunk)
                        .query(UUID.class)
                        .list());
            }
        }
        found.addAll(jdbc.sql("""
                        select m.thread_id from mail_message_refs r
                        join mail_messages m on m.tenant_id = r.tenant_id and m.id = r.message_id
                        where r.account_id = :account and r.referenced_id = :id
                        """)
                .param("account", accountId)
                .param("id", messageId)
                .query(UUID.class)
                .list());
        if (found.isEmpty()) {
            UUID id = UUID.randomUUID();
            jdbc.sql("""
                            insert into mail_threads (tenant_id, account_id, id, subject, last_message_at)
                            values (:tenant, :account, :id, :subject, :at)
                            """)
                    .param("tenant", tenant.value())
                    .param("account", accountId)
                    .param("id", id)
                    .param("subject", SyncMessages.clip(threadSubject(subject), 2000))
                    .param("at", Timestamp.from(receivedAt))
                    .update();
            return id;
        }
        List<UUID> threads = new ArrayList<>(found);
        UUID keep = threads.getFirst();
        if (threads.size() > 1) {
            List<UUID> others = threads.subList(1, threads.size());
            jdbc.sql("update mail_messages set thread_id = :keep where thread_id in (:others)")
                    .param("keep", keep)
                    .param("others", others)
                    .update();
            jdbc.sql("delete from mail_threads where id in (:others)")
                    .param("others", others)
                    .update();
        }
        return keep;
    }

    /**
     * Brings the threads' counts, unread counts and latest time up to date with their messages, and deletes threads
     * left without messages.
     */
    void refresh(Collection<UUID> threadIds) {
        for (List<UUID> chunk : SyncFolders.chunks(new ArrayList<>(new LinkedHashSet<>(threadIds)), 500)) {
            jdbc.sql("""
                            update mail_threads t set message_count = s.total, unread_count = s.unread,
                                last_message_at = s.latest
                            from (select thread_id, count(*) as total, count(*) filter (where not seen) as unread,
                                      max(received_at) as latest
                                  from mail_messages where thread_id in (:ids) group by thread_id) s
                            where t.id = s.thread_id
                            """).param("ids", chunk).update();
            jdbc.sql("""
                            delete from mail_threads t where t.id in (:ids)
                                and not exists (select 1 from mail_messages m
                                                where m.tenant_id = t.tenant_id and m.thread_id = t.id)
                            """).param("ids", chunk).update();
        }
    }

    /** The subject without reply and forward prefixes ("Re: Fwd: Offer" → "Offer"). */
    static String threadSubject(String subject) {
        if (subject == null) {
            return null;
        }
        return REPLY_PREFIX.matcher(subject).replaceFirst("").strip();
    }
}
