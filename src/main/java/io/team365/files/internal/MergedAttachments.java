package io.team365.files.internal;

import io.team365.core.MergeCounts;
import io.team365.core.RecordsMerged;
import java.util.Collection;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Records merged: files attached to the merged records are attached to the survivor (the bytes stay where they are:
 * their key is the attachment's id). Synchronous, in the merge's transaction (ADR 0017).
 */
@Component
class MergedAttachments implements MergeCounts {

    private final JdbcClient jdbc;

    MergedAttachments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(RecordsMerged merged) {
        jdbc.sql("update attachments set record_id = :survivor where record_type = :type and record_id = any(:gone)")
                .param("survivor", merged.survivorId())
                .param("type", merged.recordType())
                .param("gone", merged.mergedIds().toArray(UUID[]::new))
                .update();
    }

    @Override
    public String label() {
        return "duplicates.related.attachments";
    }

    @Override
    public long count(String recordType, Collection<UUID> ids) {
        return jdbc.sql("select count(*) from attachments where record_type = :type and record_id = any(:ids)")
                .param("type", recordType)
                .param("ids", ids.toArray(UUID[]::new))
                .query(Long.class)
                .single();
    }
}
