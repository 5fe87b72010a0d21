package io.team365.core.exporting;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Streams rows for an export with a server-side cursor: the caller's transaction keeps the connection out of
 * autocommit, so the driver fetches {@link #FETCH_SIZE} rows at a time and memory stays flat however many rows
 * there are (a few MB a batch). Each row goes to the consumer as one reused {@link ExportRow} over the result set;
 * {@link ExportRow#bytes} of a text column is the driver's own UTF-8 buffer, so a file writer copies bytes without
 * making a String of each cell.
 */
public final class ExportStreams {

    static final int FETCH_SIZE = 5000;

    private ExportStreams() {}

    /**
     * Runs {@code select <columns> from <from>} (must run inside a transaction, read-only is best). A module whose
     * list conditions name its table's columns unqualified filters in a derived table and joins outside it, e.g.
     * {@code (select * from contacts where ...) t left join companies co on ...}, its columns naming {@code t.}.
     */
    public static void stream(
            DataSource dataSource,
            List<ExportColumn> columns,
            String from,
            Map<String, Object> params,
            Consumer<ExportRow> rows) {
        NamedParameterJdbcTemplate jdbc = new NamedParameterJdbcTemplate(dataSource);
        jdbc.getJdbcTemplate().setFetchSize(FETCH_SIZE);
        // the same expression asked for twice (a CSV and a JSON form of one column) is read once
        List<String> distinct =
                columns.stream().map(ExportColumn::sql).distinct().toList();
        int[] position =
                columns.stream().mapToInt(c -> distinct.indexOf(c.sql())).toArray();
        String sql = "select " + String.join(", ", distinct) + " from " + from;
        jdbc.query(sql, new MapSqlParameterSource(params), (ResultSet rs) -> {
            ExportRow row = new CursorRow(rs, position);
            while (rs.next()) {
                rows.accept(row);
            }
            return null;
        });
    }

    /** The result set's current row; text columns are read as the bytes the driver received. */
    private static final class CursorRow implements ExportRow {

        private final ResultSet rs;
        private final int[] position;
        private final boolean[] text;

        CursorRow(ResultSet rs, int[] position) throws SQLException {
            this.rs = rs;
            this.position = position;
            ResultSetMetaData meta = rs.getMetaData();
            this.text = new boolean[meta.getColumnCount()];
            for (int i = 0; i < text.length; i++) {
                // the driver hands text over as UTF-8 whether it came as text or binary; other types (none of the
                // record modules select one today) are converted through their String
                String type = meta.getColumnTypeName(i + 1);
                text[i] = "text".equals(type) || "varchar".equals(type);
            }
        }

        @Override
        public String value(int column) {
            try {
                return rs.getString(position[column] + 1);
            } catch (SQLException e) {
                throw new IllegalStateException("Could not read export column " + column, e);
            }
        }

        @Override
        public byte[] bytes(int column) {
            int at = position[column];
            if (!text[at]) {
                return ExportRow.super.bytes(column);
            }
            try {
                return rs.getBytes(at + 1);
            } catch (SQLException e) {
                throw new IllegalStateException("Could not read export column " + column, e);
            }
        }
    }
}
