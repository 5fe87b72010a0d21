package io.team365.operators;

import java.time.Instant;
import java.util.UUID;

/** A Client's permission for Team365 operators to look at one scope of its data until {@code expiresAt}. */
public record OperatorGrant(
        UUID id,
        String scope,
        String reason,
        UUID grantedBy,
        Instant grantedAt,
        Instant expiresAt,
        Instant revokedAt,
        UUID revokedBy) {

    /** What an operator may be let into: the Client's settings, or reading its records. */
    public static final java.util.List<String> SCOPES = java.util.List.of("settings", "records:read");

    public boolean liveAt(Instant now) {
        return revokedAt == null && !grantedAt.isAfter(now) && expiresAt.isAfter(now);
    }

    /** {@code live}, {@code expired} or {@code revoked}, as the Client's settings page shows it. */
    public String stateAt(Instant now) {
        return revokedAt != null ? "revoked" : liveAt(now) ? "live" : "expired";
    }
}
