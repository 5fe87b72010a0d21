package io.team365.notifications;

import io.team365.core.TenantId;
import java.util.UUID;

/** Queues email for delivery. */
public interface Outbox {

    /**
     * Writes the email to the outbox of the tenant bound to the current transaction; it is sent only if that
     * transaction commits, and at most once per row however often the sender restarts.
     */
    UUID enqueue(TenantId tenant, OutboundEmail email);
}
