package io.team365.identity;

import io.team365.core.TenantId;
import java.util.UUID;

/**
 * Published, inside the Client's transaction, just before a person's membership is deleted because they close their
 * account. Modules whose records name an owner clear it there: the records stay with the Client.
 */
public record MemberLeaving(TenantId tenant, UUID userId) {}
