package io.team365.mail.internal.sync;

import io.team365.core.TenantId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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

    /** A new message of a batch to place in a thread: its Message-ID and the ids it refers to. */
    record Joining(String messageId, List<String> refs, String subject, Instant receivedAt) {}

    /**
     * The threads of a batch of new messages (distinct Message-IDs, none stored yet), in the batch's order, created
     * or merged as needed, in a fixed number of statements however many messages the batch holds (ADR 0034).
     * {@code storedThreads}: the thread of every stored message among the batch's references, by Message-ID. A
     * message joins the threads of the stored messages it refers to, of the stored messages that refer to it (one
     * query for the whole batch), and of the batch's messages it refers to or that refer to it; threads so joined
     * become one (the first found is kept), and a group with no stored thread starts one, named after its first
     * message.
     */
    List<UUID> threadsFor(TenantId tenant, UUID accountId, List<Joining> batch, Map<String, UUID> storedThreads) {
        int n = batch.size();
        if (n == 0) {
            return List.of();
        }
        Map<String, Integer> inBatch = new HashMap<>();
        for (int i = 0; i < n; i++) {
            inBatch.putIfAbsent(batch.get(i).messageId(), i);
        }
        // nodes: the batch's messages 0..n-1, then each stored thread met
        Map<UUID, Integer> threadNodes = new LinkedHashMap<>();
        List<UUID> threadOfNode = new ArrayList<>();
        UnionFind groups = new UnionFind();
        groups.grow(n);
        for (int i = 0; i < n; i++) {
            for (String ref : batch.get(i).refs()) {
                UUID thread = storedThreads.get(ref);
                if (thread != null) {
                    groups.union(i, node(thread, n, threadNodes, threadOfNode, groups));
                }
                Integer other = inBatch.get(ref);
                if (other != null && other != i) {
                    groups.union(i, other);
                }
            }
        }
        // stored messages that refer to the batch's messages (replies synced before their originals)
        String[] ids = inBatch.keySet().toArray(String[]::new);
        jdbc.sql("""
                        with r as materialized (
                                 select referenced_id, message_id from mail_message_refs
                                 where account_id = :account and referenced_id = any(:ids))
                        select r.referenced_id, m.thread_id from r join mail_messages m on m.id = r.message_id
                        """)
                .param("account", accountId)
                .param("ids", ids)
                .query((rs, row) -> {
                    Integer i = inBatch.get(rs.getString(1));
                    if (i != null) {
                        groups.union(i, node(rs.getObject(2, UUID.class), n, threadNodes, threadOfNode, groups));
                    }
                    return null;
                })
                .list();

        // per group: the stored threads it joins (in the order met), or a new thread named after its first message
        Map<Integer, List<UUID>> storedOfGroup = new LinkedHashMap<>();
        for (int t = 0; t < threadOfNode.size(); t++) {
            storedOfGroup
                    .computeIfAbsent(groups.find(n + t), k -> new ArrayList<>())
                    .add(threadOfNode.get(t));
        }
        Map<Integer, UUID> threadOfGroup = new HashMap<>();
        List<UUID> keeps = new ArrayList<>();
        List<UUID> merged = new ArrayList<>();
        storedOfGroup.forEach((group, threads) -> {
            threadOfGroup.put(group, threads.getFirst());
            for (UUID other : threads.subList(1, threads.size())) {
                keeps.add(threads.getFirst());
                merged.add(other);
            }
        });
        List<UUID> newIds = new ArrayList<>();
        List<String> newSubjects = new ArrayList<>();
        List<String> newAts = new ArrayList<>();
        List<UUID> result = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int group = groups.find(i);
            UUID thread = threadOfGroup.get(group);
            if (thread == null) {
                thread = UUID.randomUUID();
                threadOfGroup.put(group, thread);
                newIds.add(thread);
                newSubjects.add(SyncMessages.clip(threadSubject(batch.get(i).subject()), 2000));
                newAts.add(batch.get(i).receivedAt().toString());
            }
            result.add(thread);
        }
        if (!merged.isEmpty()) {
            jdbc.sql("""
                            update mail_messages m set thread_id = x.keep
                            from unnest(cast(:merged as uuid[]), cast(:keeps as uuid[])) as x (merged, keep)
                            where m.thread_id = x.merged
                            """)
                    .param("merged", merged.toArray(UUID[]::new))
                    .param("keeps", keeps.toArray(UUID[]::new))
                    .update();
            jdbc.sql("delete from mail_threads where id = any(:merged)")
                    .param("merged", merged.toArray(UUID[]::new))
                    .update();
        }
        if (!newIds.isEmpty()) {
            jdbc.sql("""
                            insert into mail_threads (tenant_id, account_id, id, subject, last_message_at)
                            select :tenant, :account, x.id, x.subject, x.at
                            from unnest(cast(:ids as uuid[]), cast(:subjects as text[]), cast(:ats as timestamptz[]))
                                as x (id, subject, at)
                            """)
                    .param("tenant", tenant.value())
                    .param("account", accountId)
                    .param("ids", newIds.toArray(UUID[]::new))
                    .param("subjects", newSubjects.toArray(String[]::new))
                    .param("ats", newAts.toArray(String[]::new))
                    .update();
        }
        return result;
    }

    private static int node(
            UUID thread, int n, Map<UUID, Integer> threadNodes, List<UUID> threadOfNode, UnionFind groups) {
        return threadNodes.computeIfAbsent(thread, t -> {
            threadOfNode.add(t);
            groups.grow(n + threadOfNode.size());
            return n + threadOfNode.size() - 1;
        });
    }

    /** Disjoint sets of the batch's messages and the stored threads they join. */
    private static final class UnionFind {
        private int[] parent = new int[0];
        private int size;

        void grow(int to) {
            if (to > parent.length) {
                parent = Arrays.copyOf(parent, Math.max(to, parent.length * 2));
            }
            for (; size < to; size++) {
                parent[size] = size;
            }
        }

        int find(int x) {
            while (parent[x] != x) {
                parent[x] = parent[parent[x]];
                x = parent[x];
            }
            return x;
        }

        /** Joins two sets; the smaller root stays root, so a set's root is its first node. */
        void union(int a, int b) {
            int ra = find(a);
            int rb = find(b);
            if (ra < rb) {
                parent[rb] = ra;
            } else if (rb < ra) {
                parent[ra] = rb;
            }
        }
    }

    /**
     * Brings the threads' counts, unread counts and latest time up to date with their messages, and deletes threads
     * left without messages.
     */
    void refresh(Collection<UUID> threadIds) {
        // one statement; each thread's messages counted through the thread index, one thread at a time (a lateral
        // lookup), so a mail_messages holding many Clients' mail is never scanned as a whole (ADR 0034)
        for (List<UUID> chunk : SyncFolders.chunks(new ArrayList<>(new LinkedHashSet<>(threadIds)), 500)) {
            jdbc.sql("""
                            with c as materialized (
                                     select x.id, s.total, s.unread, s.latest
                                     from unnest(cast(:ids as uuid[])) as x (id)
                                     cross join lateral (
                                         select count(*) as total, count(*) filter (where not m.seen) as unread,
                                             max(m.received_at) as latest
                                         from mail_messages m where m.thread_id = x.id) s),
                                 counted as (
                                     update mail_threads t set message_count = c.total, unread_count = c.unread,
                                         last_message_at = c.latest
                                     from c where t.id = c.id and c.total > 0
                                     returning t.id)
                            delete from mail_threads t using c where t.id = c.id and c.total = 0
                            """).param("ids", chunk.toArray(UUID[]::new)).update();
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
