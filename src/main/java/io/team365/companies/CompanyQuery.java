package io.team365.companies;

import io.team365.core.paging.Filters;
import java.util.List;
import java.util.UUID;

/**
 * Which companies to list: {@code q} matches the name and the domain; the filters narrow by tag, owner, domain,
 * industry and size, and {@code filters} are the filter builder's conditions; {@code sort} is one of updatedAt, createdAt, name, domain, each with a leading {@code -} for
 * descending; {@code cursor} continues a previous page.
 */
public record CompanyQuery(
        String q,
        String tag,
        UUID ownerId,
        String domain,
        String industry,
        String size,
        List<Filters.Condition> filters,
        boolean deleted,
        String sort,
        String cursor,
        int limit) {

    public static CompanyQuery firstPage() {
        return new CompanyQuery(null, null, null, null, null, null, List.of(), false, null, null, 50);
    }

    public CompanyQuery {
        filters = filters == null ? List.of() : List.copyOf(filters);
    }

    /** A page of the filter builder's list: search, conditions, order and cursor. */
    public static CompanyQuery of(String q, List<Filters.Condition> filters, String sort, String cursor, int limit) {
        return new CompanyQuery(q, null, null, null, null, null, filters, false, sort, cursor, limit);
    }
}
