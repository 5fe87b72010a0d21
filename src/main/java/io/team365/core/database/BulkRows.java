package io.team365.core.database;

import io.team365.core.TenantId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The set-based writes an import makes to a record table (contacts, leads, companies, deals), each one statement for
 * a whole batch: insert rows, overwrite rows by id (version up by one), and move to the trash the rows nobody changed
 * since a time (an import's undo). The record modules own their tables and columns; this is only the SQL shape they
 * share. Run inside the caller's transaction.
 */
public final class BulkRows {

    private final JdbcClient jdbc;
    private final String table;
    private final String[] columns;

    /** {@code columns} as for {@link Unnest}: {@code "name type"}, the first being {@code "id uuid"}. */
    public BulkRows(JdbcClient jdbc, String table, String... columns) {
        this.jdbc = jdbc;
        this.table = table;
        this.columns = columns.clone();
    }

    /** An empty batch of rows of these columns, read in SQL as {@code u}. */
    public Unnest rows() {
        return Unnest.of("u", columns);
    }

    /** Inserts the rows for the tenant, created and last changed by {@code by}. */
    public void insert(TenantId tenant, Unnest rows, UUID by) {
        String names = Arrays.stream(columns).map(BulkRows::name).collect(Collectors.joining(", "));
        jdbc.sql("insert into " + table + " (tenant_id, " + names + ", created_by, updated_by) select :tenant, "
                        + rows.values() + ", :by, :by from " + rows.from())
                .params(rows.params())
                .param("tenant", tenant.value())
                .param("by", by)
                .update();
    }

    /**
     * Writes every column but the id over the rows with the same ids (aliased {@code c}) that also meet {@code
     * condition} (SQL over {@code c}, or {@code "true"}); returns how many.
     */
    public int update(Unnest rows, UUID by, String condition) {
        String set = Arrays.stream(columns)
                .map(BulkRows::name)
                .filter(name -> !name.equals("id"))
                .map(name -> name + " = " + rows.value(name) + ", ")
                .collect(Collectors.joining());
        return jdbc.sql("update " + table + " c set " + set
                        + "updated_by = :by, updated_at = now(), version = c.version + 1 from " + rows.from()
                        + " where c.id = u.id and (" + condition + ")")
                .params(rows.params())
                .param("by", by)
                .update();
    }

    /** Moves to the trash those of the rows that nobody changed after {@code unchangedSince}; returns how many. */
    public int trashUnchanged(Collection<UUID> ids, Instant unchangedSince, UUID by) {
        if (ids.isEmpty()) {
            return 0;
        }
        return jdbc.sql("update " + table + """
                         set deleted_at = now(), updated_at = now(), updated_by = :by, version = version + 1
                        where id = any(:ids) and deleted_at is null and updated_at <= :since
                        """)
                .param("ids", ids.toArray(UUID[]::new))
                .param("since", Timestamp.from(unchangedSince))
                .param("by", by)
                .update();
    }

    private static String name(String column) {
        return column.strip().split("\\s+", 2)[0];
    }
}
