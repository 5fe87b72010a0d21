package io.team365.core;

/** One field's value before and after, as text a person can read (null when empty). */
public record FieldChange(String field, String from, String to) {}
