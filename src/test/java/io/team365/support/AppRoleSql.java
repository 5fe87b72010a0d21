package io.team365.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * SQL run directly as the application's database role, the way an attacker holding its connection would try: for the
 * isolation tests, which check row-level security below the application (IntegrationTest#appRoleConnection).
 */
public final class AppRoleSql {

    private AppRoleSql() {}

    /** Sets a session setting the policies read ({@code app.tenant_id}, {@code app.user_id}). */
    public static void set(Connection db, String setting, Object value) throws SQLException {
        try (PreparedStatement set = db.prepareStatement("select set_config(?, ?, false)")) {
            set.setString(1, setting);
            set.setString(2, String.valueOf(value));
            set.execute();
        }
    }

    /** The single number a query with one parameter answers. */
    public static long count(Connection db, String sql, Object parameter) throws SQLException {
        try (PreparedStatement query = db.prepareStatement(sql)) {
            query.setObject(1, parameter);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** How many rows a statement with one parameter changed. */
    public static int update(Connection db, String sql, Object parameter) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            statement.setObject(1, parameter);
            return statement.executeUpdate();
        }
    }
}
