package io.team365.mail.internal.account;

import io.team365.core.TenantId;
import java.util.UUID;

/** An account should be synced now (its next_sync_at was just set): the sync worker wakes up for it. */
public record SyncRequested(TenantId tenant, UUID accountId) {}
