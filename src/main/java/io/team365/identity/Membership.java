package io.team365.identity;

import io.team365.core.TenantId;

/** One of the Clients a person belongs to, for switching between them. */
public record Membership(TenantId tenant, String clientName, Role role) {}
