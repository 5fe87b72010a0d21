package io.team365.mail.internal.sync;

import io.team365.core.TenantId;
import java.util.List;
import java.util.UUID;

public record MessagesStored(TenantId tenant, UUID accountId, List<UUID> messageIds) {}
