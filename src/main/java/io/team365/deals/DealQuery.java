package io.team365.deals;

import io.team365.core.paging.Filters;
import java.util.List;
import java.util.UUID;

/**
 * Which deals to list: {@code q} matches the name; the filters narrow by pipeline, stage, status (open, won, lost),
 * owner, company, contact and tag, and {@code filters} are the filter builder's conditions (custom fields included);
 * {@code sort} is one of name, value, closeDate, createdAt, updatedAt or a custom field, with a leading {@code -} for
 * descending; {@code cursor} continues a previous page.
 */
public record DealQuery(
        String q,
        UUID pipelineId,
        UUID stageId,
        String status,
        UUID ownerId,
        UUID companyId,
        UUID contactId,
        String tag,
        List<Filters.Condition> filters,
        boolean deleted,
        String sort,
        String cursor,
        int limit) {

    public DealQuery {
        filters = filters == null ? List.of() : List.copyOf(filters);
    }

    public static DealQuery firstPage() {
        return new DealQuery(null, null, null, null, null, null, null, null, List.of(), false, null, null, 50);
    }

    /** A page of the filter builder's list: search, conditions, order and cursor. */
    public static DealQuery of(String q, List<Filters.Condition> filters, String sort, String cursor, int limit) {
        return new DealQuery(q, null, null, null, null, null, null, null, filters, false, sort, cursor, limit);
    }

    public DealQuery withCursor(String next) {
        return new DealQuery(
                q,
                pipelineId,
                stageId,
                status,
                ownerId,
                companyId,
                contactId,
                tag,
                filters,
                deleted,
                sort,
                next,
                limit);
    }
}
