package io.team365.privacy.internal;

import io.team365.core.TenantId;
import io.team365.privacy.ValueOrigin;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@code value_sources}: one row per record and field, the source of the value it holds now. */
@Repository
public class ValueSourceStore {

    private final JdbcClient jdbc;

    ValueSourceStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void put(
            TenantId tenant,
            String recordType,
            UUID recordId,
            String field,
            String source,
            String detail,
            UUID by,
            Instant at) {
        jdbc.sql("""
                        insert into value_sources (tenant_id, record_type, record_id, field, source, detail, recorded_by,
                            recorded_at)
                        values (:tenant, :type, :id, :field, :source, :detail, :by, :at)
                        on conflict (tenant_id, record_type, record_id, field) do update
                           set source = excluded.source, detail = excluded.detail, recorded_by = excluded.recorded_by,
                               recorded_at = excluded.recorded_at
                        """)
                .param("tenant", tenant.value())
                .param("type", recordType)
                .param("id", recordId)
                .param("field", field)
                .param("source", source)
                .param("detail", detail)
                .param("by", by)
                .param("at", java.sql.Timestamp.from(at))
                .update();
    }

    /** {@link #put} for many (record, field) pairs at once: parallel lists, one statement. */
    public void putAll(
            TenantId tenant,
            String recordType,
            List<UUID> recordIds,
            List<String> fields,
            String source,
            String detail,
            UUID by,
            Instant at) {
        jdbc.sql("""
                        insert into value_sources (tenant_id, record_type, record_id, field, source, detail, recorded_by,
                            recorded_at)
                        select distinct on (r, f) :tenant, :type, r, f, :source, :detail, :by, :at
                          from unnest(cast(:ids as uuid[]), cast(:fields as text[])) x (r, f)
                        on conflict (tenant_id, record_type, record_id, field) do update
                           set source = excluded.source, detail = excluded.detail, recorded_by = excluded.recorded_by,
                               recorded_at = excluded.recorded_at
                        """)
                .param("tenant", tenant.value())
                .param("type", recordType)
                .param("ids", recordIds.toArray(UUID[]::new))
                .param("fields", fields.toArray(String[]::new))
                .param("source", source)
                .param("detail", detail)
                .param("by", by)
                .param("at", java.sql.Timestamp.from(at))
                .update();
    }

    /** A value was cleared: it has no source any more. */
    public void remove(String recordType, UUID recordId, String field) {
        jdbc.sql("delete from value_sources where record_type = :type and record_id = :id and field = :field")
                .param("type", recordType)
                .param("id", recordId)
                .param("field", field)
                .update();
    }

    public List<ValueOrigin> of(String recordType, UUID recordId) {
        return jdbc.sql("select record_type, record_id, field, source, detail, recorded_by, recorded_at"
                        + " from value_sources where record_type = :type and record_id = :id order by field")
                .param("type", recordType)
                .param("id", recordId)
                .query((rs, n) -> new ValueOrigin(
                        rs.getString(1),
                        rs.getObject(2, UUID.class),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getObject(6, UUID.class),
                        rs.getTimestamp(7).toInstant()))
                .list();
    }

    /** A lead became a contact: the contact's fields carry the lead's sources (the same field names). */
    public void copy(TenantId tenant, String fromType, UUID fromId, String toType, UUID toId) {
        jdbc.sql("""
                        insert into value_sources (tenant_id, record_type, record_id, field, source, detail, recorded_by,
                            recorded_at)
                        select :tenant, :toType, :toId, field, source, detail, recorded_by, recorded_at
                          from value_sources where record_type = :fromType and record_id = :fromId
                        on conflict (tenant_id, record_type, record_id, field) do update
                           set source = excluded.source, detail = excluded.detail, recorded_by = excluded.recorded_by,
                               recorded_at = excluded.recorded_at
                        """)
                .param("tenant", tenant.value())
                .param("toType", toType)
                .param("toId", toId)
                .param("fromType", fromType)
                .param("fromId", fromId)
                .update();
    }
}
