package io.team365.mail.internal.account;

import io.team365.core.TenantId;
import java.util.UUID;

/** An account is due for a sync now (connected, settings changed, "Sync now"): wakes the sync worker. */
public record SyncRequested(TenantId tenant, UUID accountId) {}
