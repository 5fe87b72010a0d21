package io.team365.mail.internal.limiteduse;

import io.team365.core.TenantId;
import io.team365.files.FileStorage;
import io.team365.tenancy.DatabaseLookups;
import io.team365.tenancy.TenantTransactions;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes the stored bytes of mail attachments nothing refers to any more: a trigger notes each storage key whose
 * attachment row went (a message erased with its data subject, an account disconnected with its mail); this deletes
 * the blob once no message and no draft names that key. Candidates wait a while first, so a sync storing the same
 * content again at that moment keeps it.
 */
@Component
public class MailBlobSweep {

    private static final Logger log = LoggerFactory.getLogger(MailBlobSweep.class);
    private static final Duration SETTLE = Duration.ofMinutes(10);

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final TenantTransactions tenants;
    private final FileStorage storage;
    private final Clock clock;

    MailBlobSweep(
            JdbcClient jdbc,
            org.springframework.transaction.PlatformTransactionManager transactions,
            TenantTransactions tenants,
            FileStorage storage,
            Clock clock) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.tenants = tenants;
        this.storage = storage;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT3M")
    void sweep() {
        sweep(clock.instant().minus(SETTLE));
    }

    /** Sweeps candidates noted before {@code notedBefore}; returns how many blobs were deleted. */
    public int sweep(Instant notedBefore) {
        List<UUID> clients = transaction.execute(status -> {
            DatabaseLookups.asWorker(jdbc, "mail-blobs");
            return jdbc.sql("select distinct tenant_id from mail_orphan_blobs where noted_at < :before limit 1000")
                    .param("before", Timestamp.from(notedBefore))
                    .query(UUID.class)
                    .list();
        });
        int deleted = 0;
        for (UUID client : clients) {
            TenantId tenant = new TenantId(client);
            List<String> keys = tenants.call(
                    tenant,
                    null,
                    () -> jdbc.sql("""
                            delete from mail_orphan_blobs o
                            where o.noted_at < :before
                              and not exists (select 1 from mail_attachments a where a.storage_key = o.storage_key)
                              and not exists (select 1 from mail_drafts d
                                  where d.attachments @> jsonb_build_array(jsonb_build_object('storageKey', o.storage_key)))
                            returning o.storage_key
                            """)
                            .param("before", Timestamp.from(notedBefore))
                            .query(String.class)
                            .list());
            // still referenced: not a candidate any more
            tenants.run(
                    tenant,
                    null,
                    () -> jdbc.sql("delete from mail_orphan_blobs where noted_at < :before")
                            .param("before", Timestamp.from(notedBefore))
                            .update());
            for (String key : keys) {
                try {
                    storage.delete(key);
                    deleted++;
                } catch (RuntimeException e) {
                    log.warn("Could not delete the mail blob {} of Client {}", key, tenant, e);
                }
            }
        }
        return deleted;
    }
}
