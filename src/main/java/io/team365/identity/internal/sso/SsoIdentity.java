package io.team365.identity.internal.sso;

import java.time.Instant;
import java.util.UUID;

/** A person's identity at a provider, and what the provider last told us about them. */
public record SsoIdentity(
        UUID id,
        UUID userId,
        String registrationId,
        String issuer,
        String subject,
        String email,
        boolean emailVerified,
        String name,
        String pictureUrl,
        Instant linkedAt,
        Instant lastUsedAt) {}
