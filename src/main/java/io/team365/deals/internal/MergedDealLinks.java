package io.team365.deals.internal;

import io.team365.core.MergeCounts;
import io.team365.core.RecordsMerged;
import java.util.Collection;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Records merged: deals that named a merged contact name the survivor (once), deals of a merged company belong to
 * the surviving company (a change like any other: the version goes up). Synchronous, in the merge's transaction
 * (ADR 0017).
 */
@Component
class MergedDealLinks implements MergeCounts {

    private final JdbcClient jdbc;

    MergedDealLinks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(RecordsMerged merged) {
        UUID[] gone = merged.mergedIds().toArray(UUID[]::new);
        switch (merged.recordType()) {
            case "contact" -> {
                jdbc.sql("""
                                insert into deal_contacts (tenant_id, deal_id, contact_id, position)
                                select tenant_id, deal_id, :survivor, min(position) from deal_contacts
                                where contact_id = any(:gone)
                                group by tenant_id, deal_id
                                on conflict do nothing
                                """)
                        .param("survivor", merged.survivorId())
                        .param("gone", gone)
                        .update();
                jdbc.sql("delete from deal_contacts where contact_id = any(:gone)")
                        .param("gone", gone)
                        .update();
            }
            case "company" ->
                jdbc.sql("update deals set company_id = :survivor, version = version + 1, updated_at = now()"
                                + " where company_id = any(:gone)")
                        .param("survivor", merged.survivorId())
                        .param("gone", gone)
                        .update();
            default -> {
                // deals name only contacts and companies
            }
        }
    }

    @Override
    public String label() {
        return "duplicates.related.deals";
    }

    @Override
    public long count(String recordType, Collection<UUID> ids) {
        String sql = switch (recordType) {
            case "contact" ->
                "select count(distinct l.deal_id) from deal_contacts l join deals d"
                        + " on d.tenant_id = l.tenant_id and d.id = l.deal_id"
                        + " where l.contact_id = any(:ids) and d.deleted_at is null";
            case "company" -> "select count(*) from deals where company_id = any(:ids) and deleted_at is null";
            default -> null;
        };
        return sql == null
                ? 0
                : jdbc.sql(sql)
                        .param("ids", ids.toArray(UUID[]::new))
                        .query(Long.class)
                        .single();
    }
}
