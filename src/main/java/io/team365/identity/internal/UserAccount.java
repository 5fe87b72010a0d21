package io.team365.identity.internal;

import java.time.Instant;
import java.util.UUID;

/** A person's account as stored; global across Clients. */
record UserAccount(
        UUID id,
        String email,
        String name,
        String passwordHash,
        Instant emailVerifiedAt,
        Instant passwordChangedAt,
        String locale,
        String timeZone) {

    boolean emailVerified() {
        return emailVerifiedAt != null;
    }
}
