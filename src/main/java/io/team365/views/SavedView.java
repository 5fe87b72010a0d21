package io.team365.views;

import io.team365.core.paging.Filters;
import java.util.List;
import java.util.UUID;

/** A list view someone saved: {@code object} is the record type listed (contact, company, lead, deal, activity). */
public record SavedView(
        UUID id,
        String object,
        String name,
        UUID ownerId,
        boolean shared,
        List<String> columns,
        List<Filters.Condition> filters,
        String q,
        String sort) {}
