package io.team365.identity;

import java.time.Instant;
import java.util.UUID;

/** A personal access token as listed: never the secret itself. */
public record ApiToken(UUID id, String name, Instant createdAt, Instant lastUsedAt, Instant revokedAt) {}
