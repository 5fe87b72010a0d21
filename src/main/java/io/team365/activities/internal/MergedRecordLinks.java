package io.team365.activities.internal;

import io.team365.activities.ActivityLink;
import io.team365.core.MergeCounts;
import io.team365.core.RecordsMerged;
import java.util.Collection;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Records merged: activities about the merged records are about the survivor now (one link where an activity named
 * several of them). Synchronous, in the merge's transaction: a half-moved merge would be corrupt (ADR 0017).
 */
@Component
class MergedRecordLinks implements MergeCounts {

    private final JdbcClient jdbc;

    MergedRecordLinks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(RecordsMerged merged) {
        if (!ActivityLink.TYPES.contains(merged.recordType())) {
            return;
        }
        UUID[] gone = merged.mergedIds().toArray(UUID[]::new);
        jdbc.sql("""
                        insert into activity_links (tenant_id, activity_id, record_type, record_id, position)
                        select tenant_id, activity_id, record_type, :survivor, min(position) from activity_links
                        where record_type = :type and record_id = any(:gone)
                        group by tenant_id, activity_id, record_type
                        on conflict do nothing
                        """)
                .param("survivor", merged.survivorId())
                .param("type", merged.recordType())
                .param("gone", gone)
                .update();
        jdbc.sql("delete from activity_links where record_type = :type and record_id = any(:gone)")
                .param("type", merged.recordType())
                .param("gone", gone)
                .update();
    }

    @Override
    public String label() {
        return "duplicates.related.activities";
    }

    @Override
    public long count(String recordType, Collection<UUID> ids) {
        return jdbc.sql("select count(distinct l.activity_id) from activity_links l join activities a"
                        + " on a.tenant_id = l.tenant_id and a.id = l.activity_id"
                        + " where l.record_type = :type and l.record_id = any(:ids) and a.deleted_at is null")
                .param("type", recordType)
                .param("ids", ids.toArray(UUID[]::new))
                .query(Long.class)
                .single();
    }
}
