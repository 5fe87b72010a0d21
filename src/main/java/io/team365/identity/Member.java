package io.team365.identity;

import java.time.Instant;
import java.util.UUID;

/** A person in a Client, with their role there. */
public record Member(UUID userId, String email, String name, Role role, Instant joinedAt) {}
