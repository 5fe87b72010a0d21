package io.team365.tenancy;

import io.team365.core.TenantId;
import java.time.Instant;

/** A customer organisation: one tenant, owner of its Client Data. */
public record Client(TenantId id, String name, Instant createdAt) {}
