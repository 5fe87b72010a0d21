package io.team365.identity.internal.passkeys;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * At sign-in nobody is known yet: row-level security shows a passkey row only to its own person or to a
 * transaction that names it (its credential id, or its user handle), as {@code app.lookup_email} does for a password.
 */
final class PasskeyLookup {

    private PasskeyLookup() {}

    static void by(JdbcClient jdbc, String credentialIdOrHandle) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("app.lookup_passkey lasts one transaction; call it inside one");
        }
        jdbc.sql("select set_config('app.lookup_passkey', :value, true)")
                .param("value", credentialIdOrHandle)
                .query(String.class)
                .single();
    }
}
