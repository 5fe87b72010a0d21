package io.team365.tenancy;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Row-level security lets a row be read without a tenant only by whoever already holds its secret: a token's
 * hash or a sign-in email. These set that key for the current transaction only.
 */
public final class DatabaseLookups {

    private DatabaseLookups() {}

    public static void byTokenHash(JdbcClient jdbc, String hash) {
        setLocal(jdbc, "app.lookup_hash", hash);
    }

    public static void byEmail(JdbcClient jdbc, String email) {
        setLocal(jdbc, "app.lookup_email", email);
    }

    /**
     * Acts for a person identified by a secret they hold (a reset link), for the rest of this transaction: the
     * transaction's connection was taken before anyone knew who they were.
     */
    public static void asUser(JdbcClient jdbc, java.util.UUID userId) {
        setLocal(jdbc, "app.user_id", userId.toString());
    }

    /** Lets the named background worker see its own queue table across tenants, for this transaction. */
    public static void asWorker(JdbcClient jdbc, String worker) {
        setLocal(jdbc, "app.worker", worker);
    }

    private static void setLocal(JdbcClient jdbc, String name, String value) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException(name + " lasts one transaction; call it inside one");
        }
        jdbc.sql("select set_config(:name, :value, true)")
                .param("name", name)
                .param("value", value)
                .query(String.class)
                .single();
    }
}
