package io.team365.identity;

import java.util.List;
import java.util.UUID;

/** A group of people in a Client; with the "team" visibility they see each other's records. */
public record Team(UUID id, String name, List<UUID> memberIds) {}
