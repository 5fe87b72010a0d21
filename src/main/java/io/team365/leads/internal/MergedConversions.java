package io.team365.leads.internal;

import io.team365.core.RecordsMerged;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Records merged: a converted lead names the contact or company it became; when that one was merged away, it names
 * the survivor. Synchronous, in the merge's transaction (ADR 0017).
 */
@Component
class MergedConversions {

    private final JdbcClient jdbc;

    MergedConversions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(RecordsMerged merged) {
        String column = switch (merged.recordType()) {
            case "contact" -> "converted_contact_id";
            case "company" -> "converted_company_id";
            default -> null;
        };
        if (column != null) {
            jdbc.sql("update leads set %1$s = :survivor where %1$s = any(:gone)".formatted(column))
                    .param("survivor", merged.survivorId())
                    .param("gone", merged.mergedIds().toArray(UUID[]::new))
                    .update();
        }
    }
}
