package io.team365.companies;

import java.util.UUID;

/**
 * Which companies to list: {@code q} matches the name and the domain; the filters narrow by tag, owner, domain,
 * industry and size; {@code sort} is one of updatedAt, createdAt, name, domain, each with a leading {@code -} for
 * descending; {@code cursor} continues a previous page.
 */
public record CompanyQuery(
        String q,
        String tag,
        UUID ownerId,
        String domain,
        String industry,
        String size,
        boolean deleted,
        String sort,
        String cursor,
        int limit) {

    public static CompanyQuery firstPage() {
        return new CompanyQuery(null, null, null, null, null, null, false, null, null, 50);
    }
}
