package io.team365.customfields.web;

/** What the add-a-field form holds, to show it again after a mistake. Options are one per line. */
public record CustomFieldForm(String object, String key, String label, String type, String options, boolean required) {}
