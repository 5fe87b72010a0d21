package io.team365.leads;

import io.team365.core.paging.Filters;
import java.util.List;

/**
 * Which leads to list: {@code q} matches names, email addresses and the company name; {@code filters} are the
 * filter builder's conditions (see {@link LeadManagement#filterFields()}); {@code sort} is a field name with a
 * leading {@code -} for descending; {@code cursor} continues a previous page.
 */
public record LeadQuery(
        String q, List<Filters.Condition> filters, boolean deleted, String sort, String cursor, int limit) {

    public LeadQuery {
        filters = filters == null ? List.of() : List.copyOf(filters);
    }

    public static LeadQuery firstPage() {
        return new LeadQuery(null, List.of(), false, null, null, 50);
    }
}
