package io.team365.identity.internal.passkeys;

import java.time.Instant;
import java.util.UUID;

/** One of a person's passkeys, as the settings page lists it. */
public record Passkey(UUID id, String label, Instant createdAt, Instant lastUsedAt) {}
