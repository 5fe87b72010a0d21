package io.team365.privacy.web;

/** What the add form (or an edit form, by key) of Settings → Consent purposes holds when it comes back with errors. */
public record PurposeForm(String key, String label, String description, boolean marketing) {}
