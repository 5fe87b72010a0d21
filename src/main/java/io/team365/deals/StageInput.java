package io.team365.deals;

import java.util.UUID;

/** A stage as a pipeline write gives it: with the {@code id} of an existing stage to keep it, without for a new one. */
public record StageInput(UUID id, String name, Integer probability, String kind) {}
