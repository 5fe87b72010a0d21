package io.team365.exports.internal;

import io.team365.core.TenantId;
import io.team365.core.paging.Filters;
import io.team365.exports.Export;
import io.team365.exports.ExportFormat;
import io.team365.exports.ExportObject;
import io.team365.exports.ExportSelection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/** Reads and writes {@code exports}; row-level security keeps every statement inside the bound Client. */
@Repository
public class ExportRecords {

    private static final String COLUMNS = "id, created_by, object, format, filter, status, total, processed,"
            + " file_size, error, created_at, finished_at";

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    ExportRecords(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public void insert(TenantId tenant, Export export) {
        jdbc.sql("""
                        insert into exports (tenant_id, id, created_by, object, format, filter, status, total,
                            created_at)
                        values (:tenant, :id, :by, :object, :format, cast(:filter as jsonb), :status, :total, :at)
                        """)
                .param("tenant", tenant.value())
                .param("id", export.id())
                .param("by", export.createdBy())
                .param("object", export.object().value())
                .param("format", export.format().value())
                .param("filter", json.writeValueAsString(filterJson(export.selection())))
                .param("status", export.status().value())
                .param("total", export.total())
                .param("at", Timestamp.from(export.createdAt()))
                .update();
    }

    public Optional<Export> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from exports where id = :id")
                .param("id", id)
                .query(this::export)
                .optional();
    }

    /** The person's exports, newest first. */
    public List<Export> of(UUID user, int limit) {
        return jdbc.sql("select " + COLUMNS + " from exports where created_by = :user order by created_at desc, id"
                        + " limit :limit")
                .param("user", user)
                .param("limit", limit)
                .query(this::export)
                .list();
    }

    /** Marks a queued export running; false when it is no longer queued (cancelled meanwhile). */
    boolean start(UUID id, Instant at) {
        return jdbc.sql("update exports set status = 'running', started_at = :at, progress_at = :at where id = :id"
                                + " and status = 'queued'")
                        .param("id", id)
                        .param("at", Timestamp.from(at))
                        .update()
                == 1;
    }

    /** Records progress; false when the export was cancelled (or removed) meanwhile, so the job stops. */
    boolean progress(UUID id, long processed) {
        return jdbc.sql("update exports set processed = :processed, progress_at = now() where id = :id"
                                + " and status = 'running'")
                        .param("id", id)
                        .param("processed", processed)
                        .update()
                == 1;
    }

    boolean finish(UUID id, long processed, long size, Instant at) {
        return jdbc.sql("""
                        update exports set status = 'done', processed = :processed, total = :processed,
                            file_size = :size, finished_at = :at
                        where id = :id and status = 'running'
                        """)
                        .param("id", id)
                        .param("processed", processed)
                        .param("size", size)
                        .param("at", Timestamp.from(at))
                        .update()
                == 1;
    }

    void fail(UUID id, String error, Instant at) {
        jdbc.sql("update exports set status = 'failed', error = :error, finished_at = :at"
                        + " where id = :id and status in ('queued', 'running')")
                .param("id", id)
                .param("error", error)
                .param("at", Timestamp.from(at))
                .update();
    }

    /** Cancels a queued or running export; false when it had already finished. */
    public boolean cancel(UUID id, Instant at) {
        return jdbc.sql("update exports set status = 'cancelled', finished_at = :at"
                                + " where id = :id and status in ('queued', 'running')")
                        .param("id", id)
                        .param("at", Timestamp.from(at))
                        .update()
                == 1;
    }

    /** Deletes the exports created before the cutoff (of the given objects; all when null) and returns their ids. */
    List<UUID> deleteCreatedBefore(Instant cutoff, List<String> objects) {
        return jdbc.sql("delete from exports where created_at < :cutoff"
                        + (objects == null ? "" : " and object in (:objects)") + " returning id")
                .param("cutoff", Timestamp.from(cutoff))
                .params(objects == null ? Map.of() : Map.of("objects", objects))
                .query(UUID.class)
                .list();
    }

    long countCreatedBefore(Instant cutoff) {
        return jdbc.sql("select count(*) from exports where created_at < :cutoff")
                .param("cutoff", Timestamp.from(cutoff))
                .query(Long.class)
                .single();
    }

    /** The ids of every export the bound Client still has, to find files nothing refers to. */
    List<UUID> ids() {
        return jdbc.sql("select id from exports").query(UUID.class).list();
    }

    private static Map<String, Object> filterJson(ExportSelection selection) {
        Map<String, Object> filter = new LinkedHashMap<>();
        filter.put("q", selection.q());
        filter.put(
                "conditions",
                selection.conditions().stream()
                        .map(c -> {
                            Map<String, Object> condition = new LinkedHashMap<>();
                            condition.put("field", c.field());
                            condition.put("operator", c.operator());
                            condition.put("value", c.value());
                            return condition;
                        })
                        .toList());
        return filter;
    }

    private ExportSelection selection(String text) {
        Map<String, Object> filter = json.readValue(text, new TypeReference<Map<String, Object>>() {});
        List<Filters.Condition> conditions = new ArrayList<>();
        if (filter.get("conditions") instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> c) {
                    conditions.add(new Filters.Condition(
                            (String) c.get("field"), (String) c.get("operator"), (String) c.get("value")));
                }
            }
        }
        return new ExportSelection((String) filter.get("q"), conditions);
    }

    private Export export(ResultSet rs, int row) throws SQLException {
        Timestamp finished = rs.getTimestamp("finished_at");
        Long size = rs.getObject("file_size", Long.class);
        return new Export(
                rs.getObject("id", UUID.class),
                rs.getObject("created_by", UUID.class),
                ExportObject.parse(rs.getString("object")).orElseThrow(),
                ExportFormat.parse(rs.getString("format")).orElseThrow(),
                selection(rs.getString("filter")),
                Export.Status.parse(rs.getString("status")),
                rs.getLong("total"),
                rs.getLong("processed"),
                size,
                rs.getString("error"),
                rs.getTimestamp("created_at").toInstant(),
                finished == null ? null : finished.toInstant());
    }
}
