package io.team365.mail.internal.flags;

import io.team365.core.TenantId;
import io.team365.tenancy.DatabaseLookups;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@code mail_flag_writes}: claiming due writes across Clients, and recording how they went. */
@Repository
class FlagWriteStore {

    static final String WORKER = "mail-flags";
    static final int BATCH = 500;

    /** A claimed wish: the message, the flag wanted, which wish it is (version) and the attempt this is. */
    record Write(UUID messageId, boolean seen, int version, int attempt) {}

    /** The due writes of one account, claimed together so one IMAP session does them all. */
    record Claim(TenantId tenant, UUID accountId, List<Write> writes) {}

    /** Where a message sits on the server. */
    record Location(UUID messageId, String folder, Long uidValidity, long uid) {}

    private final JdbcClient jdbc;

    FlagWriteStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Across Clients, in a transaction of its own: claims the due writes (up to {@value #BATCH}) of the account whose
     * oldest write is due first, moving them out of reach until {@code now + lease}. A worker that dies leaves them
     * to come due again: writing a flag twice is harmless.
     */
    java.util.Optional<Claim> claim(Instant now, Duration lease) {
        DatabaseLookups.asWorker(jdbc, WORKER);
        record Row(UUID tenant, UUID account, Write write) {}
        List<Row> rows = jdbc.sql("""
                        update mail_flag_writes w set attempts = w.attempts + 1, next_attempt_at = :until
                        where (w.tenant_id, w.message_id) in (
                            select c.tenant_id, c.message_id from mail_flag_writes c
                            where (c.tenant_id, c.account_id) = (
                                    select f.tenant_id, f.account_id from mail_flag_writes f
                                    where f.next_attempt_at <= :now
                                    order by f.next_attempt_at limit 1 for update skip locked)
                              and c.next_attempt_at <= :now
                            order by c.next_attempt_at limit :batch for update skip locked)
                        returning w.tenant_id, w.account_id, w.message_id, w.seen, w.version, w.attempts
                        """)
                .param("now", Timestamp.from(now))
                .param("until", Timestamp.from(now.plus(lease)))
                .param("batch", BATCH)
                .query((rs, n) -> new Row(
                        rs.getObject("tenant_id", UUID.class),
                        rs.getObject("account_id", UUID.class),
                        new Write(
                                rs.getObject("message_id", UUID.class),
                                rs.getBoolean("seen"),
                                rs.getInt("version"),
                                rs.getInt("attempts"))))
                .list();
        if (rows.isEmpty()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new Claim(
                new TenantId(rows.getFirst().tenant()),
                rows.getFirst().account(),
                rows.stream().map(Row::write).toList()));
    }

    /** The messages' places on the server, in the folders the account still has (the Client bound). */
    List<Location> locations(List<UUID> messageIds) {
        return jdbc.sql("""
                        select l.message_id, f.name, f.uidvalidity, l.uid from mail_locations l
                        join mail_folders f on f.tenant_id = l.tenant_id and f.id = l.folder_id
                        where l.message_id in (:ids)
                        order by f.name, l.uid
                        """)
                .param("ids", messageIds)
                .query((rs, n) -> new Location(
                        rs.getObject("message_id", UUID.class),
                        rs.getString("name"),
                        rs.getObject("uidvalidity") == null ? null : rs.getLong("uidvalidity"),
                        rs.getLong("uid")))
                .list();
    }

    /** The write is done (or has nothing left to do), unless a newer wish came in meanwhile. */
    void done(Write write) {
        jdbc.sql("delete from mail_flag_writes where message_id = :id and version = :version")
                .param("id", write.messageId())
                .param("version", write.version())
                .update();
    }

    void retry(Write write, String errorKey, Instant next) {
        jdbc.sql("""
                        update mail_flag_writes set last_error = :error, next_attempt_at = :next
                        where message_id = :id and version = :version
                        """)
                .param("id", write.messageId())
                .param("version", write.version())
                .param("error", errorKey)
                .param("next", Timestamp.from(next))
                .update();
    }
}
