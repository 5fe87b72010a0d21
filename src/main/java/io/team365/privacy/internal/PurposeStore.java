package io.team365.privacy.internal;

import io.team365.core.TenantId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Adds and edits the Client's {@code consent_purposes}; reading them is the ledger's (it makes the defaults). */
@Repository
public class PurposeStore {

    private final JdbcClient jdbc;

    PurposeStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** False when the key is taken (archived purposes included: a key is never reused for something else). */
    public boolean insert(TenantId tenant, String key, String label, String description, boolean marketing) {
        return jdbc.sql("insert into consent_purposes (tenant_id, key, label, description, marketing)"
                                + " values (:tenant, :key, :label, :description, :marketing) on conflict do nothing")
                        .param("tenant", tenant.value())
                        .param("key", key)
                        .param("label", label)
                        .param("description", description)
                        .param("marketing", marketing)
                        .update()
                == 1;
    }

    /** False when there is no such purpose. */
    public boolean update(String key, String label, String description, boolean marketing, boolean archived) {
        return jdbc.sql("""
                                update consent_purposes
                                   set label = :label, description = :description, marketing = :marketing,
                                       archived_at = case when :archived then coalesce(archived_at, now()) end
                                 where key = :key
                                """)
                        .param("key", key)
                        .param("label", label)
                        .param("description", description)
                        .param("marketing", marketing)
                        .param("archived", archived)
                        .update()
                == 1;
    }
}
