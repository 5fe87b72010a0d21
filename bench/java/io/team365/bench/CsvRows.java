package io.team365.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/** Rows streamed into {@code COPY <table> (<columns>) FROM STDIN (FORMAT csv)}; an unquoted empty field is null. */
final class CsvRows implements AutoCloseable {

    private final PGCopyOutputStream copy;
    private final BufferedWriter out;
    private boolean first = true;
    private long rows;

    CsvRows(Connection connection, String table, String columns) throws SQLException {
        this.copy = new PGCopyOutputStream(
                connection.unwrap(PGConnection.class),
                "copy " + table + " (" + columns + ") from stdin (format csv)",
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

    @Override
    public void close() throws IOException {
        out.flush();
        out.close();
    }
}
