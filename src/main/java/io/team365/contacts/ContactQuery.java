package io.team365.contacts;

import io.team365.core.paging.Filters;
import java.util.List;
import java.util.UUID;

/**
 * Which contacts to list: {@code q} matches names and email addresses; {@code filters} are the filter builder's
 * conditions (see {@link ContactManagement#filterFields()}); {@code sort} is a field name with a leading {@code -}
 * for descending; {@code cursor} continues a previous page.
 */
public record ContactQuery(
        String q, List<Filters.Condition> filters, boolean deleted, String sort, String cursor, int limit) {

    public ContactQuery {
        filters = filters == null ? List.of() : List.copyOf(filters);
    }

    public static ContactQuery firstPage() {
        return new ContactQuery(null, List.of(), false, null, null, 50);
    }

    /** The contacts of a company, by last name. */
    public static ContactQuery atCompany(UUID companyId, int limit) {
        return new ContactQuery(
                null,
                List.of(new Filters.Condition("companyId", "eq", companyId.toString())),
                false,
                "lastName",
                null,
                limit);
    }
}
