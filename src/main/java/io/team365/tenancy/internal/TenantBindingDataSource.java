package io.team365.tenancy.internal;

import io.team365.tenancy.TenantContext;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Sets {@code app.tenant_id} and {@code app.user_id} on every connection as it is taken from the pool, from
 * {@link TenantContext}, and clears both when it goes back, so a pooled connection never carries one tenant's
 * context into another's work.
 */
class TenantBindingDataSource extends DelegatingDataSource {

    private static final String BIND =
            "select set_config('app.tenant_id', ?, false), set_config('app.user_id', ?, false)";

    TenantBindingDataSource(DataSource target) {
        super(target);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return bound(super.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return bound(super.getConnection(username, password));
    }

    private Connection bound(Connection connection) throws SQLException {
        try {
            bind(
                    connection,
                    TenantContext.tenant().map(Object::toString).orElse(""),
                    TenantContext.user().map(Object::toString).orElse(""));
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return (Connection) Proxy.newProxyInstance(
                Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    if (method.getName().equals("close") && !connection.isClosed()) {
                        clearQuietly(connection);
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static void bind(Connection connection, String tenant, String user) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        try (PreparedStatement statement = connection.prepareStatement(BIND)) {
            statement.setString(1, tenant);
            statement.setString(2, user);
            statement.execute();
        }
        if (!autoCommit) {
            // the setting must survive a rollback of whatever transaction the caller starts next
            connection.commit();
        }
    }

    private static void clearQuietly(Connection connection) {
        try {
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
            bind(connection, "", "");
        } catch (SQLException ignored) {
            // a broken connection is evicted by the pool; nothing is left bound on it
        }
    }
}
