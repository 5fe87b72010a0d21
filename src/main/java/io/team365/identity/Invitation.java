package io.team365.identity;

import java.time.Instant;
import java.util.UUID;

/** An invitation to join a Client, as listed to its admins. */
public record Invitation(
        UUID id, String email, Role role, String invitedBy, Instant createdAt, Instant expiresAt, String status) {}
