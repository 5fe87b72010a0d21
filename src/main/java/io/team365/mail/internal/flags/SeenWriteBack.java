package io.team365.mail.internal.flags;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Asks for messages' read state, changed in Team365, to be written back to the mail server as the IMAP \Seen flag.
 * The wish is stored in the caller's transaction ({@code mail_flag_writes}, with the Client bound), so it exists
 * exactly when the change does; {@link SeenWriteWorker} does the writing outside the web request, and is woken once
 * the transaction commits.
 */
@Component
public class SeenWriteBack {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SeenWriteWorker worker;

    SeenWriteBack(JdbcClient jdbc, Clock clock, SeenWriteWorker worker) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.worker = worker;
    }

    /**
     * Queues {@code seen} for the messages (ids of {@code mail_messages} rows) that sit in a folder on the server;
     * messages only Team365 holds (a reply not yet copied to Sent) have nothing to write. A newer wish for the same
     * message replaces an older one that is still waiting.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void request(Collection<UUID> messageIds, boolean seen) {
        if (messageIds.isEmpty()) {
            return;
        }
        Timestamp now = Timestamp.from(clock.instant());
        int queued = jdbc.sql("""
                        insert into mail_flag_writes (tenant_id, message_id, account_id, seen, next_attempt_at,
                            created_at)
                        select m.tenant_id, m.id, m.account_id, :seen, :now, :now from mail_messages m
                        where m.id in (:ids)
                          and exists (select 1 from mail_locations l
                                      where l.tenant_id = m.tenant_id and l.message_id = m.id)
                        on conflict (tenant_id, message_id) do update set seen = excluded.seen,
                            version = mail_flag_writes.version + 1, attempts = 0,
                            next_attempt_at = excluded.next_attempt_at, last_error = null
                        """)
                .param("seen", seen)
                .param("now", now)
                .param("ids", messageIds)
                .update();
        if (queued > 0 && TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    worker.wake();
                }
            });
        }
    }
}
