package io.team365.tenancy;

import io.team365.core.TenantId;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;

/**
 * Which Client, and which user, the current request or job works for. Every database connection taken on this
 * thread gets {@code app.tenant_id} and {@code app.user_id} from here, and row-level security filters on them;
 * the context is never inherited by other threads, so jobs bind it explicitly with {@link #callAs}.
 */
public final class TenantContext {

    private static final ThreadLocal<Binding> CURRENT = new ThreadLocal<>();

    private TenantContext() {}

    /** A tenant, a user, or both; either may be null. */
    public record Binding(TenantId tenant, UUID user) {}

    public static Optional<TenantId> tenant() {
        Binding binding = CURRENT.get();
        return Optional.ofNullable(binding == null ? null : binding.tenant());
    }

    public static TenantId requireTenant() {
        return tenant().orElseThrow(() -> new IllegalStateException("no tenant bound to this thread"));
    }

    public static Optional<UUID> user() {
        Binding binding = CURRENT.get();
        return Optional.ofNullable(binding == null ? null : binding.user());
    }

    public static void bind(TenantId tenant, UUID user) {
        CURRENT.set(new Binding(tenant, user));
    }

    public static void clear() {
        CURRENT.remove();
    }

    /** Runs work bound to a tenant and user, restoring whatever was bound before. */
    public static <T> T callAs(TenantId tenant, UUID user, Callable<T> work) {
        Binding previous = CURRENT.get();
        CURRENT.set(new Binding(tenant, user));
        try {
            return work.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }

    public static void runAs(TenantId tenant, UUID user, Runnable work) {
        callAs(tenant, user, () -> {
            work.run();
            return null;
        });
    }
}
