package io.team365.tenancy.internal;

import io.team365.tenancy.TenantContext;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Sets {@code app.tenant_id} and {@code app.user_id} on every connection as it is taken from the pool, from
 * {@link TenantContext}, and clears both when it goes back, so a pooled connection never carries one tenant's
 * context into another's work. It remembers what each physical connection holds, so work with nothing to bind
 * (session lookups, public pages) on a cleared connection costs no extra round trip.
 */
class TenantBindingDataSource extends DelegatingDataSource {

    private static final String BIND =
            "select set_config('app.tenant_id', ?, false), set_config('app.user_id', ?, false)";
    private static final String NOTHING = "|";

    /** What each physical connection has bound; a connection not seen before may hold anything. */
    private final Map<Object, String> bound = Collections.synchronizedMap(new WeakHashMap<>());

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
        Object physical;
        try {
            String tenant = TenantContext.tenant().map(Object::toString).orElse("");
            String user = TenantContext.user().map(Object::toString).orElse("");
            physical = connection.isWrapperFor(PGConnection.class) ? connection.unwrap(PGConnection.class) : connection;
            bindIfNeeded(connection, physical, tenant, user);
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
        return (Connection) Proxy.newProxyInstance(
                Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    if (method.getName().equals("close") && !connection.isClosed()) {
                        clearQuietly(connection, physical);
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private void bindIfNeeded(Connection connection, Object physical, String tenant, String user) throws SQLException {
        String wanted = tenant + NOTHING + user;
        if (wanted.equals(bound.get(physical))) {
            return;
        }
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
        bound.put(physical, wanted);
    }

    private void clearQuietly(Connection connection, Object physical) {
        try {
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
            bindIfNeeded(connection, physical, "", "");
        } catch (SQLException ignored) {
            bound.remove(physical); // a broken connection is evicted by the pool; if not, it is rebound next time
        }
    }
}
