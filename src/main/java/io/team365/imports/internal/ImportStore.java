package io.team365.imports.internal;

import io.team365.core.TenantId;
import io.team365.core.database.Unnest;
import io.team365.imports.Import;
import io.team365.imports.ImportObject;
import io.team365.tenancy.DatabaseLookups;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/** {@code imports}, {@code import_errors}, {@code import_created} and {@code import_mappings}. */
@Repository
public class ImportStore {

    static final String WORKER = "import-worker";

    /** How many times an import is started (first run and resumptions) before it is given up as failed. */
    static final int MAX_RUNS = 10;

    private static final String COLUMNS = "id, object, file_name, status, on_duplicate, default_region, consent_basis,"
            + " total, processed, created, updated, skipped, failed, suppressed, companies_created, cancel_requested,"
            + " error_message, created_by, created_at, started_at, finished_at";

    /** What a worker claimed: which import of which Client, run by whom. */
    public record Claim(TenantId tenant, UUID id, UUID createdBy) {}

    /** A rejected record: its number in the file, why, and its values as they were. */
    public record Rejected(long number, String reason, List<String> values) {}

    /** What one batch did, added to the import's counts with its checkpoint. */
    public record Counts(
            long processed, long created, long updated, long skipped, long failed, long suppressed, long companies) {}

    /** A saved mapping: column header → target field. */
    public record SavedMapping(UUID id, String name, ImportObject object, Map<String, String> columns) {}

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    ImportStore(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public void insert(
            TenantId tenant,
            UUID id,
            ImportObject object,
            String fileName,
            long fileSize,
            String onDuplicate,
            Map<Integer, String> mapping,
            List<String> columns,
            String region,
            String basis,
            UUID by) {
        jdbc.sql("""
                        insert into imports (tenant_id, id, object, file_name, file_size, on_duplicate, mapping,
                            columns, default_region, consent_basis, created_by)
                        values (:tenant, :id, :object, :file, :size, :dup, cast(:mapping as jsonb),
                            cast(:columns as jsonb), :region, :basis, :by)
                        """)
                .param("tenant", tenant.value())
                .param("id", id)
                .param("object", object.value())
                .param("file", fileName)
                .param("size", fileSize)
                .param("dup", onDuplicate)
                .param("mapping", json.writeValueAsString(mapping))
                .param("columns", json.writeValueAsString(columns))
                .param("region", region)
                .param("basis", basis)
                .param("by", by)
                .update();
    }

    public Optional<Import> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from imports where id = :id")
                .param("id", id)
                .query(this::importOf)
                .optional();
    }

    /** Newest first, {@code limit} of them after the import {@code after} (null: from the newest). */
    public List<Import> list(UUID after, int limit) {
        String where =
                after == null ? "" : " where (created_at, id) < (select created_at, id from imports where id = :after)";
        var sql = jdbc.sql(
                "select " + COLUMNS + " from imports" + where + " order by created_at desc, id desc" + " limit :limit");
        if (after != null) {
            sql = sql.param("after", after);
        }
        return sql.param("limit", limit).query(this::importOf).list();
    }

    /** Column index → target field, as the import was started with. */
    public Map<Integer, String> mapping(UUID id) {
        String stored = jdbc.sql("select mapping::text from imports where id = :id")
                .param("id", id)
                .query(String.class)
                .single();
        Map<String, String> raw = json.readValue(stored, new TypeReference<Map<String, String>>() {});
        Map<Integer, String> mapping = new java.util.TreeMap<>();
        raw.forEach((k, v) -> mapping.put(Integer.valueOf(k), v));
        return mapping;
    }

    /** The file's column headers, as read when the import was started. */
    public List<String> columns(UUID id) {
        String stored = jdbc.sql("select columns::text from imports where id = :id")
                .param("id", id)
                .query(String.class)
                .single();
        return json.readValue(stored, new TypeReference<List<String>>() {});
    }

    /**
     * Claims, across Clients, the oldest import that is queued or whose worker's lease ran out (its server died):
     * it is running, leased to {@code owner}. Call inside a transaction.
     */
    public Optional<Claim> claim(UUID owner, Duration lease) {
        DatabaseLookups.asWorker(jdbc, WORKER);
        // an import that keeps losing its worker (the same batch failing the server again and again) stops
        jdbc.sql("""
                        update imports set status = 'failed', finished_at = now(), updated_at = now(),
                            lease_owner = null, lease_until = null,
                            error_message = 'The import was interrupted ' || runs || ' times and stopped.'
                        where status = 'running' and lease_until < now() and runs >= :max
                        """).param("max", MAX_RUNS).update();
        return jdbc.sql("""
                        update imports set status = 'running', lease_owner = :owner, runs = runs + 1,
                            lease_until = now() + make_interval(secs => :lease),
                            started_at = coalesce(started_at, now()), updated_at = now()
                        where (tenant_id, id) = (
                            select tenant_id, id from imports
                            where status = 'queued' or (status = 'running' and lease_until < now())
                            order by created_at limit 1 for update skip locked)
                        returning tenant_id, id, created_by
                        """)
                .param("owner", owner)
                .param("lease", (double) lease.toSeconds())
                .query((rs, n) -> new Claim(
                        new TenantId(rs.getObject(1, UUID.class)),
                        rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class)))
                .optional();
    }

    /**
     * Locks the import for one batch if {@code owner} still holds it, renewing the lease: the batch and the
     * checkpoint commit together, and a worker that lost its lease stops instead of doing a batch twice.
     */
    public Optional<Import> holdForBatch(UUID id, UUID owner, Duration lease) {
        int held = jdbc.sql("""
                        update imports set lease_until = now() + make_interval(secs => :lease)
                        where id = :id and lease_owner = :owner and status = 'running'
                        """)
                .param("id", id)
                .param("owner", owner)
                .param("lease", (double) lease.toSeconds())
                .update();
        return held == 0 ? Optional.empty() : find(id);
    }

    public long checkpoint(UUID id) {
        return jdbc.sql("select checkpoint from imports where id = :id")
                .param("id", id)
                .query(Long.class)
                .single();
    }

    public void setTotal(UUID id, long total) {
        jdbc.sql("update imports set total = :total, updated_at = now() where id = :id")
                .param("id", id)
                .param("total", total)
                .update();
    }

    /** Adds a batch's counts and moves the checkpoint past its records (in the batch's transaction). */
    public void advance(UUID id, Counts counts, long checkpoint) {
        jdbc.sql("""
                        update imports set processed = processed + :processed, created = created + :created,
                            updated = updated + :updated, skipped = skipped + :skipped, failed = failed + :failed,
                            suppressed = suppressed + :suppressed, companies_created = companies_created + :companies,
                            checkpoint = :checkpoint, updated_at = now()
                        where id = :id
                        """)
                .param("id", id)
                .param("processed", counts.processed())
                .param("created", counts.created())
                .param("updated", counts.updated())
                .param("skipped", counts.skipped())
                .param("failed", counts.failed())
                .param("suppressed", counts.suppressed())
                .param("companies", counts.companies())
                .param("checkpoint", checkpoint)
                .update();
    }

    /** Ends the import with {@code status}; returns whether it was still running or queued. */
    public boolean finish(UUID id, String status, String error) {
        return jdbc.sql("""
                        update imports set status = :status, error_message = :error, finished_at = now(),
                            updated_at = now(), lease_owner = null, lease_until = null
                        where id = :id and status in ('queued', 'running')
                        """)
                        .param("id", id)
                        .param("status", status)
                        .param("error", error)
                        .update()
                == 1;
    }

    public boolean requestCancel(UUID id) {
        return jdbc.sql("update imports set cancel_requested = true, updated_at = now() where id = :id"
                                + " and status = 'running'")
                        .param("id", id)
                        .update()
                == 1;
    }

    public boolean markUndone(UUID id) {
        return jdbc.sql("update imports set status = 'undone', updated_at = now() where id = :id"
                                + " and status in ('done', 'failed', 'cancelled')")
                        .param("id", id)
                        .update()
                == 1;
    }

    public void insertErrors(TenantId tenant, UUID id, List<Rejected> rejected) {
        if (rejected.isEmpty()) {
            return;
        }
        Unnest rows = Unnest.of("e", "record_number bigint", "reason text", "raw_values jsonb");
        rejected.forEach(r -> rows.add(
                r.number(),
                r.reason().length() > 500 ? r.reason().substring(0, 500) : r.reason(),
                json.writeValueAsString(r.values())));
        jdbc.sql("insert into import_errors (tenant_id, import_id, record_number, reason, raw_values)"
                        + " select :tenant, :id, " + rows.values() + " from " + rows.from()
                        + " on conflict do nothing")
                .params(rows.params())
                .param("tenant", tenant.value())
                .param("id", id)
                .update();
    }

    /** Every rejected record of the import, in file order, one at a time (never all in memory). */
    public void eachError(UUID id, Consumer<Rejected> each) {
        jdbc.sql("select record_number, reason, raw_values::text from import_errors where import_id = :id"
                        + " order by record_number")
                .param("id", id)
                .withFetchSize(500)
                .query((ResultSet rs) -> {
                    each.accept(new Rejected(
                            rs.getLong(1),
                            rs.getString(2),
                            json.readValue(rs.getString(3), new TypeReference<List<String>>() {})));
                });
    }

    /**
     * Adds the ids a batch created, in the batch's transaction. A plain insert (no {@code on conflict}): the ids are
     * new, a batch is written once, and a batch that fails takes its rows with it.
     */
    public void insertCreated(TenantId tenant, UUID id, String recordType, List<UUID> ids) {
        if (ids.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        insert into import_created (tenant_id, import_id, record_type, record_id)
                        select :tenant, :id, :type, r from unnest(cast(:ids as uuid[])) r
                        """)
                .param("tenant", tenant.value())
                .param("id", id)
                .param("type", recordType)
                .param("ids", ids.toArray(UUID[]::new))
                .update();
    }

    /** The ids of a type the import created, {@code limit} of them after {@code after} (null: from the first). */
    public List<UUID> created(UUID id, String recordType, UUID after, int limit) {
        return jdbc.sql("""
                        select record_id from import_created
                        where import_id = :id and record_type = :type and (cast(:after as uuid) is null
                            or record_id > cast(:after as uuid))
                        order by record_id limit :limit
                        """)
                .param("id", id)
                .param("type", recordType)
                .param("after", after)
                .param("limit", limit)
                .query(UUID.class)
                .list();
    }

    public void saveMapping(
            TenantId tenant, UUID id, String name, ImportObject object, Map<String, String> columns, UUID by) {
        jdbc.sql("""
                        insert into import_mappings (tenant_id, id, name, object, columns, created_by)
                        values (:tenant, :id, :name, :object, cast(:columns as jsonb), :by)
                        on conflict (tenant_id, object, name) do update set columns = excluded.columns
                        """)
                .param("tenant", tenant.value())
                .param("id", id)
                .param("name", name)
                .param("object", object.value())
                .param("columns", json.writeValueAsString(columns))
                .param("by", by)
                .update();
    }

    /** Deletes the Client's saved mapping; false when there is none with that id. */
    public boolean deleteMapping(UUID id) {
        return jdbc.sql("delete from import_mappings where id = :id")
                        .param("id", id)
                        .update()
                > 0;
    }

    public List<SavedMapping> mappings(ImportObject object) {
        return jdbc.sql("select id, name, object, columns::text from import_mappings where object = :object"
                        + " order by name")
                .param("object", object.value())
                .query((rs, n) -> new SavedMapping(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        ImportObject.of(rs.getString(3)).orElseThrow(),
                        json.readValue(rs.getString(4), new TypeReference<Map<String, String>>() {})))
                .list();
    }

    /** Imports finished before the cutoff (for retention), with their rejected rows and created ids. */
    public long countFinishedBefore(Instant cutoff) {
        return jdbc.sql("select count(*) from imports where finished_at < :cutoff")
                .param("cutoff", Timestamp.from(cutoff))
                .query(Long.class)
                .single();
    }

    public long deleteFinishedBefore(Instant cutoff) {
        return jdbc.sql("delete from imports where finished_at < :cutoff")
                .param("cutoff", Timestamp.from(cutoff))
                .update();
    }

    private Import importOf(ResultSet rs, int row) throws SQLException {
        long total = rs.getLong("total");
        Long knownTotal = rs.wasNull() ? null : total;
        return new Import(
                rs.getObject("id", UUID.class),
                ImportObject.of(rs.getString("object")).orElseThrow(),
                rs.getString("file_name"),
                rs.getString("status"),
                rs.getString("on_duplicate"),
                rs.getString("default_region"),
                rs.getString("consent_basis"),
                knownTotal,
                rs.getLong("processed"),
                rs.getLong("created"),
                rs.getLong("updated"),
                rs.getLong("skipped"),
                rs.getLong("failed"),
                rs.getLong("suppressed"),
                rs.getLong("companies_created"),
                rs.getBoolean("cancel_requested"),
                rs.getString("error_message"),
                rs.getObject("created_by", UUID.class),
                instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("started_at")),
                instant(rs.getTimestamp("finished_at")));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
