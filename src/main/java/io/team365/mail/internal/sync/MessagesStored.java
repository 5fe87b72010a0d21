package io.team365.mail.internal.sync;

import io.team365.core.TenantId;
import java.util.List;
import java.util.UUID;

/** New messages were stored for an account (published in the transaction that stored them). */
public record MessagesStored(TenantId tenant, UUID accountId, List<UUID> messageIds) {}
