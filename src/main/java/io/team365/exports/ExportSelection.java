package io.team365.exports;

import io.team365.core.paging.Filters;
import java.util.List;

/** Which records of the list to export: the search and the filter builder's conditions, as the list takes them. */
public record ExportSelection(String q, List<Filters.Condition> conditions) {

    public ExportSelection {
        q = q == null || q.isBlank() ? null : q.strip();
        conditions = conditions == null ? List.of() : List.copyOf(conditions);
    }

    public static ExportSelection everything() {
        return new ExportSelection(null, List.of());
    }
}
