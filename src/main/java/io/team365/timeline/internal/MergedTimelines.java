package io.team365.timeline.internal;

import io.team365.core.MergeCounts;
import io.team365.core.RecordsMerged;
import java.util.Collection;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Records merged: the merged records' histories become part of the survivor's timeline, so nothing that happened to
 * them is lost. Synchronous, in the merge's transaction (ADR 0017).
 */
@Component
class MergedTimelines implements MergeCounts {

    private final JdbcClient jdbc;

    MergedTimelines(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(RecordsMerged merged) {
        jdbc.sql("update timeline_entries set record_id = :survivor"
                        + " where record_type = :type and record_id = any(:gone)")
                .param("survivor", merged.survivorId())
                .param("type", merged.recordType())
                .param("gone", merged.mergedIds().toArray(UUID[]::new))
                .update();
    }

    @Override
    public String label() {
        return "duplicates.related.timeline";
    }

    @Override
    public long count(String recordType, Collection<UUID> ids) {
        return jdbc.sql("select count(*) from timeline_entries where record_type = :type and record_id = any(:ids)")
                .param("type", recordType)
                .param("ids", ids.toArray(UUID[]::new))
                .query(Long.class)
                .single();
    }
}
