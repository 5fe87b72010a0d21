package io.team365.identity.internal.mfa;

import io.team365.audit.AuditTrail;
import io.team365.core.InvalidInput;
import io.team365.core.TenantId;
import io.team365.identity.SignedInUser;
import io.team365.tenancy.TenantTransactions;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * A Client's rule that its members use two-factor authentication. Read on every signed-in request (to send members
 * without a second factor to enrolment), so kept in memory a few seconds per Client.
 */
@Service
public class ClientMfaPolicy {

    private static final Duration CACHE = Duration.ofSeconds(10);

    private record Cached(boolean required, long loadedAt) {}

    private final JdbcClient jdbc;
    private final TenantTransactions transactions;
    private final SecondFactors secondFactors;
    private final AuditTrail audit;
    private final Map<TenantId, Cached> cache = new ConcurrentHashMap<>();

    ClientMfaPolicy(JdbcClient jdbc, TenantTransactions transactions, SecondFactors secondFactors, AuditTrail audit) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.secondFactors = secondFactors;
        this.audit = audit;
    }

    public boolean required(TenantId tenant) {
        Cached cached = cache.get(tenant);
        if (cached != null && System.nanoTime() - cached.loadedAt() < CACHE.toNanos()) {
            return cached.required();
        }
        boolean required = transactions.call(
                tenant,
                null,
                () -> jdbc.sql(
                                "select coalesce((select required from client_mfa_policy where tenant_id = :tenant), false)")
                        .param("tenant", tenant.value())
                        .query(Boolean.class)
                        .single());
        cache.put(tenant, new Cached(required, System.nanoTime()));
        return required;
    }

    /**
     * Turns the rule on or off (admins; the path rule checks the role). An admin must have a second factor (app or passkey) before
     * requiring one of everybody, or the change would lock them out of the page that undoes it.
     */
    public void set(SignedInUser admin, Boolean required, AuditTrail.Actor actor) {
        if (required == null) {
            throw InvalidInput.of("mfaRequired", "mfa.client.invalid");
        }
        if (required && !secondFactors.any(admin)) {
            throw InvalidInput.of("mfaRequired", "mfa.client.enrol-first");
        }
        transactions.run(admin.tenant(), admin.userId(), () -> {
            jdbc.sql("""
                            insert into client_mfa_policy (tenant_id, required, changed_at) values (:tenant, :required, now())
                            on conflict (tenant_id) do update set required = excluded.required, changed_at = now()
                            """)
                    .param("tenant", admin.tenant().value())
                    .param("required", required)
                    .update();
            audit.record(
                    admin.tenant(),
                    actor,
                    "client.mfa.required",
                    "client",
                    admin.tenant().toString(),
                    Map.of("required", required));
        });
        cache.remove(admin.tenant());
    }
}
