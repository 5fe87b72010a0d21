package io.team365.audit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.core.env.Environment;

/**
 * The embedded PostgreSQL's superuser, for tests that play someone with full database access tampering with the
 * audit trail: {@code session_replication_role = replica} skips the append-only triggers for this session only.
 */
final class Superuser implements AutoCloseable {

    private final Connection connection;

    private Superuser(Connection connection) {
        this.connection = connection;
    }

    static Superuser connect(Environment environment, boolean bypassTriggers) throws SQLException {
        Connection connection =
                DriverManager.getConnection(environment.getProperty("spring.flyway.url"), "postgres", "");
        if (bypassTriggers) {
            try (var statement = connection.createStatement()) {
                statement.execute("set session_replication_role = replica");
            }
        }
        return new Superuser(connection);
    }

    int update(String sql, Object... params) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            return statement.executeUpdate();
        }
    }

    List<String> column(String sql, Object... params) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            List<String> values = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
            return values;
        }
    }

    long count(String sql, Object... params) throws SQLException {
        return Long.parseLong(column(sql, params).getFirst());
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
