package io.team365.deals;

import java.util.UUID;

/**
 * Which deals to list: {@code q} matches the name; the filters narrow by pipeline, stage, status (open, won, lost),
 * owner, company, contact and tag; {@code sort} is one of name, value, closeDate, createdAt, updatedAt, with a
 * leading {@code -} for descending; {@code cursor} continues a previous page.
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
        boolean deleted,
        String sort,
        String cursor,
        int limit) {

    public static DealQuery firstPage() {
        return new DealQuery(null, null, null, null, null, null, null, null, false, null, null, 50);
    }

    public DealQuery withCursor(String next) {
        return new DealQuery(
                q, pipelineId, stageId, status, ownerId, companyId, contactId, tag, deleted, sort, next, limit);
    }
}
