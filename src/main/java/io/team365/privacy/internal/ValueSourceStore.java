package io.team365.privacy.internal;

import io.team365.core.TenantId;
import io.team365.core.database.RecordRows;
import io.team365.privacy.ValueOrigin;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@code value_sources}: one row per record and field, the source of the value it holds now; and
 * {@code value_source_imports}: one row per record an import wrote, naming the fields it set (ADR 0019). A field is
 * in one of the two, never both: per-field writes {@link #expand} the record's import row first.
 */
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
        expand(recordId);
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

    /**
     * Records that an import set the given fields of each record (record id → field names): one row per record in
     * {@code value_source_imports}, one statement for the whole batch. Records not in {@code created} (just made by
     * the same transaction, so without sources) lose their earlier sources of those fields first (an import row of
     * theirs is expanded, so each field stays in one place): two more statements, only for them.
     */
    public void putImported(
            TenantId tenant,
            String recordType,
            Map<UUID, ? extends Collection<String>> fieldsByRecord,
            Set<UUID> created,
            UUID importId,
            String detail,
            UUID by,
            Instant at) {
        if (fieldsByRecord.isEmpty()) {
            return;
        }
        UUID[] ids = fieldsByRecord.keySet().toArray(UUID[]::new);
        String[] fields = fieldsByRecord.values().stream()
                .map(f -> RecordRows.textArray(List.copyOf(new LinkedHashSet<>(f))))
                .toArray(String[]::new);
        Map<UUID, String> earlier = new LinkedHashMap<>();
        for (int i = 0; i < ids.length; i++) {
            if (!created.contains(ids[i])) {
                earlier.put(ids[i], fields[i]);
            }
        }
        if (!earlier.isEmpty()) {
            replaceEarlier(tenant, recordType, earlier);
        }
        jdbc.sql("""
                        insert into value_source_imports (tenant_id, record_id, record_type, import_id, fields, detail,
                            recorded_by, recorded_at)
                        select :tenant, r, :type, :import, cast(f as text[]), :detail, :by, :at
                          from unnest(cast(:ids as uuid[]), cast(:fields as text[])) u (r, f)
                        """)
                .param("tenant", tenant.value())
                .param("type", recordType)
                .param("import", importId)
                .param("ids", ids)
                .param("fields", fields)
                .param("detail", detail)
                .param("by", by)
                .param("at", java.sql.Timestamp.from(at))
                .update();
    }

    /** What was recorded for these records' fields (record id → a text[] literal of fields) before an import set them. */
    private void replaceEarlier(TenantId tenant, String recordType, Map<UUID, String> earlier) {
        expand(earlier.keySet().toArray(UUID[]::new));
        // what a person (or anything else) had recorded for the fields the import now overwrote
        jdbc.sql("""
                        delete from value_sources v
                         using unnest(cast(:ids as uuid[]), cast(:fields as text[])) u (r, f)
                         where v.tenant_id = :tenant and v.record_type = :type and v.record_id = u.r
                           and v.field = any(cast(u.f as text[]))
                        """)
                .param("tenant", tenant.value())
                .param("type", recordType)
                .param("ids", earlier.keySet().toArray(UUID[]::new))
                .param("fields", earlier.values().toArray(String[]::new))
                .update();
    }

    /**
     * Turns the import rows of these records into one {@code value_sources} row per field (same source, detail, who
     * and when), before anything records a field's source on its own: a person's change, a merge, a lead's
     * conversion, a later import. A field already in {@code value_sources} keeps the newer of the two.
     */
    public void expand(UUID... recordIds) {
        if (recordIds.length == 0) {
            return;
        }
        jdbc.sql("""
                        with moved as (
                            delete from value_source_imports where record_id = any(:ids)
                            returning tenant_id, record_type, record_id, fields, detail, recorded_by, recorded_at
                        )
                        insert into value_sources (tenant_id, record_type, record_id, field, source, detail,
                            recorded_by, recorded_at)
                        select m.tenant_id, m.record_type, m.record_id, f, 'import', m.detail, m.recorded_by,
                               m.recorded_at
                          from moved m cross join unnest(m.fields) f
                        on conflict (tenant_id, record_type, record_id, field) do update
                           set source = excluded.source, detail = excluded.detail, recorded_by = excluded.recorded_by,
                               recorded_at = excluded.recorded_at
                         where value_sources.recorded_at < excluded.recorded_at
                        """).param("ids", recordIds).update();
    }

    /** A value was cleared: it has no source any more. */
    public void remove(String recordType, UUID recordId, String field) {
        expand(recordId);
        jdbc.sql("delete from value_sources where record_type = :type and record_id = :id and field = :field")
                .param("type", recordType)
                .param("id", recordId)
                .param("field", field)
                .update();
    }

    public List<ValueOrigin> of(String recordType, UUID recordId) {
        return jdbc.sql("""
                        select record_type, record_id, field, source, detail, recorded_by, recorded_at
                          from value_sources where record_type = :type and record_id = :id
                        union all
                        select record_type, record_id, f, 'import', detail, recorded_by, recorded_at
                          from value_source_imports cross join unnest(fields) f
                         where record_type = :type and record_id = :id
                        order by 3
                        """)
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
        expand(fromId, toId);
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
