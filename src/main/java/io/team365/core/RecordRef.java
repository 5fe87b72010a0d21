package io.team365.core;

import java.util.UUID;

/** A record as other modules show a link to it: its type, id, a title, and the page that shows it. */
public record RecordRef(String type, UUID id, String title, String path) {}
