package io.team365.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * Rows streamed with {@code COPY … FROM STDIN (FORMAT csv)} (an unquoted empty field is null), then moved into the
 * table. PostgreSQL refuses COPY FROM into a table whose row-level security applies to the role ("COPY FROM not
 * supported with row-level security"), and the tenant tables force it even on their owner. So the rows are copied
 * into a temporary table of the same shape, which has no policies, and moved with one {@code INSERT … SELECT}, which
 * the tenant policy checks row by row: nothing bypasses the isolation, and a wrong tenant id would be refused.
 */
final class CsvRows implements AutoCloseable {

    private final Connection connection;
    private final String table;
    private final String columns;
    private final String staging;
    private final PGCopyOutputStream copy;
    private final BufferedWriter out;
    private final long start = System.nanoTime();
    private boolean first = true;
    private long rows;
    private double copySeconds;
    private double insertSeconds;

    CsvRows(Connection connection, String table, String columns) throws SQLException {
        this.connection = connection;
        this.table = table;
        this.columns = columns;
        this.staging = "bench_staging_" + table;
        try (Statement s = connection.createStatement()) {
            s.execute("drop table if exists " + staging);
            s.execute("create temporary table " + staging + " (like " + table + " including defaults)");
        }
        this.copy = new PGCopyOutputStream(
                connection.unwrap(PGConnection.class),
                "copy " + staging + " (" + columns + ") from stdin (format csv)",
                1 << 16);
        this.out = new BufferedWriter(new OutputStreamWriter(copy, StandardCharsets.UTF_8), 1 << 20);
    }

    CsvRows add(Object value) throws IOException {
        if (!first) {
            out.write(',');
        }
        first = false;
        if (value == null) {
            return this;
        }
        String text = value.toString();
        if (text.isEmpty() || text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0) {
            out.write('"');
            out.write(text.replace("\"", "\"\""));
            out.write('"');
        } else {
            out.write(text);
        }
        return this;
    }

    void end() throws IOException {
        out.write('\n');
        first = true;
        rows++;
    }

    long rows() {
        return rows;
    }

    /** Seconds spent generating and copying into the staging table. */
    double copySeconds() {
        return copySeconds;
    }

    /** Seconds the {@code INSERT … SELECT} into the table took (policy checks, constraints, indexes). */
    double insertSeconds() {
        return insertSeconds;
    }

    @Override
    public void close() throws IOException, SQLException {
        out.flush();
        out.close();
        long copied = System.nanoTime();
        copySeconds = (copied - start) / 1e9;
        try (Statement s = connection.createStatement()) {
            s.execute("insert into " + table + " (" + columns + ") select " + columns + " from " + staging);
            s.execute("drop table " + staging);
        }
        insertSeconds = (System.nanoTime() - copied) / 1e9;
    }
}
