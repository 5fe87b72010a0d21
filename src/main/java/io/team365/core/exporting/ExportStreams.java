package io.team365.core.exporting;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.postgresql.copy.CopyOut;
import org.postgresql.core.BaseConnection;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.support.SQLStateSQLExceptionTranslator;

/**
 * Streams rows for an export with {@code COPY (select …) TO STDOUT (format binary)} on the caller's transaction's
 * connection (bound to the Client, so row-level security applies to the query as to any select). The database
 * sends rows as fast as it makes them while the writer works on the previous ones, instead of pausing for every
 * batch a cursor fetches; memory stays flat (one row's bytes at a time). Every column is selected as {@code text},
 * so each cell is the UTF-8 the database holds or prints; {@link ExportRow#bytes} hands it over without decoding.
 *
 * <p>COPY takes no bound parameters: the selection's values are written into the statement as typed literals
 * ({@link SqlLiterals}), which needs {@code standard_conforming_strings} on (PostgreSQL's default; checked).
 */
public final class ExportStreams {

    private ExportStreams() {}

    /**
     * Runs {@code select <columns> from <from>} (must run inside a transaction, read-only is best). A module whose
     * list conditions name its table's columns unqualified filters in a derived table and joins outside it, e.g.
     * {@code (select * from contacts where ...) t left join companies co on ...}, its columns naming {@code t.}.
     * {@code params} are the named parameters ({@code :name}) of {@code from}.
     */
    public static void stream(
            DataSource dataSource,
            List<ExportColumn> columns,
            String from,
            Map<String, Object> params,
            Consumer<ExportRow> rows) {
        // the same expression asked for twice (a CSV and a JSON form of one column) is read once
        List<String> distinct =
                columns.stream().map(ExportColumn::sql).distinct().toList();
        int[] position =
                columns.stream().mapToInt(c -> distinct.indexOf(c.sql())).toArray();
        String select = "select "
                + distinct.stream().map(sql -> "(" + sql + ")::text").collect(Collectors.joining(", "))
                + " from " + from;
        String sql = "copy (" + SqlLiterals.inline(select, params) + ") to stdout (format binary)";
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            BaseConnection postgres = connection.unwrap(BaseConnection.class);
            if (!postgres.getStandardConformingStrings()) {
                throw new IllegalStateException("Exports need standard_conforming_strings on");
            }
            CopyOut copy = postgres.getCopyAPI().copyOut(sql);
            try {
                BinaryCopyRows row = new BinaryCopyRows(copy, distinct.size(), position);
                while (row.next()) {
                    rows.accept(row);
                }
            } catch (RuntimeException stopped) {
                // the writer stopped early (cancelled, failed): read the rest and drop it, so the connection is at
                // the end of the statement when the transaction rolls back. A cancel request would race with the
                // end of the COPY and could cancel the rollback instead, hiding why the writer stopped.
                discardRest(copy, stopped);
                throw stopped;
            }
        } catch (SQLException e) {
            // the statement without its literals: the values of a search or filter stay out of logs
            DataAccessException translated = new SQLStateSQLExceptionTranslator().translate("export", select, e);
            throw translated != null ? translated : new UncategorizedSQLException("export", select, e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    private static void discardRest(CopyOut copy, RuntimeException reason) {
        try {
            while (copy.isActive() && copy.readFromCopy() != null) {
                // dropped
            }
        } catch (SQLException e) {
            reason.addSuppressed(e);
        }
    }
}
