package io.team365.privacy;

/** Something a Client asks consent for, e.g. {@code newsletter}. */
public record ConsentPurpose(String key, String label, String description) {}
