package io.team365.mail.internal.links;

import io.team365.core.MergeCounts;
import io.team365.core.RecordsMerged;
import io.team365.core.RecordsPurged;
import io.team365.tenancy.TenantTransactions;
import java.util.Collection;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Mail links follow their records: merged records' mail moves to the survivor in the merge's transaction (ADR 0017),
 * and a purged record's links go once the purge has committed. The merge screen says how many messages will move:
 * a count of links, nothing of the messages themselves (limited use, ADR 0025).
 */
@Component
class RecordLinkMaintenance implements MergeCounts {

    private final JdbcClient jdbc;
    private final TenantTransactions tenants;

    RecordLinkMaintenance(JdbcClient jdbc, TenantTransactions tenants) {
        this.jdbc = jdbc;
        this.tenants = tenants;
    }

    @EventListener
    void on(RecordsMerged merged) {
        UUID[] gone = merged.mergedIds().toArray(UUID[]::new);
        jdbc.sql("""
                        insert into mail_links (tenant_id, message_id, record_type, record_id)
                        select tenant_id, message_id, record_type, :survivor from mail_links
                        where record_type = :type and record_id = any(:gone)
                        on conflict do nothing
                        """)
                .param("survivor", merged.survivorId())
                .param("type", merged.recordType())
                .param("gone", gone)
                .update();
        delete(merged.recordType(), gone);
    }

    @Async
    @TransactionalEventListener
    void on(RecordsPurged purged) {
        tenants.run(
                purged.tenant(),
                null,
                () -> delete(purged.recordType(), purged.recordIds().toArray(UUID[]::new)));
    }

    @Override
    public String label() {
        return "duplicates.related.emails";
    }

    @Override
    public long count(String recordType, Collection<UUID> ids) {
        return jdbc.sql("""
                        select count(distinct message_id) from mail_links
                        where record_type = :type and record_id = any(:ids)
                        """)
                .param("type", recordType)
                .param("ids", ids.toArray(UUID[]::new))
                .query(Long.class)
                .single();
    }

    private void delete(String recordType, UUID[] ids) {
        jdbc.sql("delete from mail_links where record_type = :type and record_id = any(:ids)")
                .param("type", recordType)
                .param("ids", ids)
                .update();
    }
}
