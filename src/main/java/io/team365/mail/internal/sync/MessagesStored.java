package io.team365.mail.internal.sync;

import io.team365.core.TenantId;
import java.util.List;
import java.util.UUID;

/** Messages were stored for an account (by the sync, or by the client's send path); published in that transaction. */
public record MessagesStored(TenantId tenant, UUID accountId, List<UUID> messageIds) {}
