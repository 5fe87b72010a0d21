package io.team365.deals;

import java.util.UUID;

/** One step of a pipeline; {@code probability} is the chance (0 to 100) that a deal here is won. */
public record Stage(UUID id, String name, int probability, StageKind kind) {}
