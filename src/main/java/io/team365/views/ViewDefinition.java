package io.team365.views;

import io.team365.core.paging.Filters;
import java.util.List;

/** What a view keeps, as a person or API client gives it; null lists mean none. */
public record ViewDefinition(
        String name, Boolean shared, List<String> columns, List<Filters.Condition> filters, String q, String sort) {

    public ViewDefinition {
        columns = columns == null ? List.of() : columns;
        filters = filters == null ? List.of() : filters;
    }
}
