package io.team365.core.database;

import java.util.List;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Refuses to run when the application's database role could escape row-level security: a superuser, a
 * {@code BYPASSRLS} role, or the owner of any table ignores or can disable the policies.
 */
@Component
class DatabaseRoleGuard {

    private final JdbcClient jdbc;

    DatabaseRoleGuard(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener(ApplicationStartedEvent.class)
    void checkApplicationRole() {
        var role = jdbc.sql("select rolname, rolsuper, rolbypassrls from pg_roles where rolname = current_user")
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getBoolean(2), rs.getBoolean(3)})
                .single();
        if ((boolean) role[1] || (boolean) role[2]) {
            throw new IllegalStateException("The application connects as " + role[0]
                    + ", which is a superuser or has BYPASSRLS; give it a role of its own (see README)");
        }
        List<String> owned = jdbc.sql("select tablename from pg_tables where tableowner = current_user")
                .query(String.class)
                .list();
        if (!owned.isEmpty()) {
            throw new IllegalStateException("The application role " + role[0] + " owns tables " + owned
                    + "; migrations must run as the owner role");
        }
    }
}
