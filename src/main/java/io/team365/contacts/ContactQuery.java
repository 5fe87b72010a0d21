package io.team365.contacts;

import java.util.UUID;

/**
 * Which contacts to list: {@code q} matches names and email addresses; {@code sort} is one of updatedAt, createdAt,
 * lastName, each with a leading {@code -} for descending; {@code cursor} continues a previous page.
 */
public record ContactQuery(String q, String tag, UUID ownerId, boolean deleted, String sort, String cursor, int limit) {

    public static ContactQuery firstPage() {
        return new ContactQuery(null, null, null, false, null, null, 50);
    }
}
