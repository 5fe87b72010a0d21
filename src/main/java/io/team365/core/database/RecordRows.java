package io.team365.core.database;

import io.team365.core.RecordTable;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The statements every record table (a {@link RecordTable}: {@code id}, {@code version}, {@code updated_at},
 * {@code updated_by}, {@code deleted_at}) shares, so the optimistic-locking and trash rules are written once. Each
 * repository keeps its own columns; this adds the bookkeeping columns and conditions around them.
 */
public final class RecordRows {

    private final JdbcClient jdbc;
    private final String table;

    public RecordRows(JdbcClient jdbc, RecordTable table) {
        this.jdbc = jdbc;
        this.table = table.table();
    }

    /**
     * {@code update <table> set <assignments>, updated_at, updated_by, version + 1} where the row is out of the trash
     * and still at {@code expectedVersion}; false if someone was faster (or it is gone). The assignments may use the
     * parameters {@code :by} and {@code :id} besides their own.
     */
    public boolean update(String assignments, Map<String, ?> params, UUID id, int expectedVersion, UUID by) {
        return jdbc.sql("update " + table + " set " + assignments.strip()
                                + ", updated_at = now(), updated_by = :by, version = version + 1"
                                + " where id = :id and version = :version and deleted_at is null")
                        .params(params)
                        .param("id", id)
                        .param("version", expectedVersion)
                        .param("by", by)
                        .update()
                == 1;
    }

    /** Into the trash; false if the row is not there or already in the trash. */
    public boolean moveToTrash(UUID id, UUID by) {
        return jdbc.sql("update " + table + " set deleted_at = now(), updated_at = now(), updated_by = :by,"
                                + " version = version + 1 where id = :id and deleted_at is null")
                        .param("id", id)
                        .param("by", by)
                        .update()
                == 1;
    }

    /** Out of the trash; false if the row is not in the trash. */
    public boolean restore(UUID id, UUID by) {
        return jdbc.sql("update " + table + " set deleted_at = null, updated_at = now(), updated_by = :by,"
                                + " version = version + 1 where id = :id and deleted_at is not null")
                        .param("id", id)
                        .param("by", by)
                        .update()
                == 1;
    }

    /** A PostgreSQL {@code text[]} literal, for {@code cast(:tags as text[])}: each value quoted and escaped. */
    public static String textArray(List<String> values) {
        return "{"
                + String.join(
                        ",",
                        values.stream()
                                .map(value -> "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
                                .toList())
                + "}";
    }

    public static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
