package io.team365.tenancy;

import io.team365.core.TenantId;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Work for one Client in a transaction of its own, the tenant bound before the transaction takes its connection.
 * For jobs and event listeners, which start with no tenant: binding it inside an already open transaction would
 * be too late for row-level security.
 */
@Component
public class TenantTransactions {

    private final TransactionTemplate transaction;

    TenantTransactions(PlatformTransactionManager transactions) {
        this.transaction = new TransactionTemplate(transactions);
    }

    public void run(TenantId tenant, UUID user, Runnable work) {
        TenantContext.runAs(tenant, user, () -> transaction.executeWithoutResult(status -> work.run()));
    }

    public <T> T call(TenantId tenant, UUID user, Supplier<T> work) {
        return TenantContext.callAs(tenant, user, () -> transaction.execute(status -> work.get()));
    }
}
