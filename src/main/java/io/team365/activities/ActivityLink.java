package io.team365.activities;

import java.util.UUID;

/** A record an activity is about: {@code type} is contact, company, lead or deal. */
public record ActivityLink(String type, UUID id) {

    public static final java.util.List<String> TYPES = java.util.List.of("contact", "company", "lead", "deal");
}
