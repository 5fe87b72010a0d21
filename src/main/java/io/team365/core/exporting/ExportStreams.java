package io.team365.core.exporting;

import java.sql.ResultSet;
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
 * there are. Each row goes to the consumer as one reused {@link ExportRow} over the result set.
 */
public final class ExportStreams {

    static final int FETCH_SIZE = 2000;

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
            ExportRow row = column -> read(rs, position[column]);
            while (rs.next()) {
                rows.accept(row);
            }
            return null;
        });
    }

    private static String read(ResultSet rs, int column) {
        try {
            return rs.getString(column + 1);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read export column " + column, e);
        }
    }
}
