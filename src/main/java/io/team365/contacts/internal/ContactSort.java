package io.team365.contacts.internal;

import io.team365.core.InvalidInput;

/** The orders a contact list can be in, each with the keyset columns that make cursor pagination exact. */
enum ContactSort {
    UPDATED_AT("updatedAt", "updated_at"),
    CREATED_AT("createdAt", "created_at"),
    LAST_NAME("lastName", "lower(coalesce(last_name, ''))");

    final String apiName;
    final String column;

    ContactSort(String apiName, String column) {
        this.apiName = apiName;
        this.column = column;
    }

    record Parsed(ContactSort sort, boolean descending) {
        /** The order as the API names it, e.g. {@code -updatedAt}; cursors carry it. */
        String key() {
            return (descending ? "-" : "") + sort.apiName;
        }

        String orderBy() {
            String direction = descending ? "desc" : "asc";
            return sort.column + " " + direction + ", id " + direction;
        }

        /** The keyset condition: rows strictly after the cursor's (value, id) in this order. */
        String after() {
            String op = descending ? "<" : ">";
            // the cursor holds the raw name: PostgreSQL lowers both sides, so they are lowered the same way
            String value = sort == LAST_NAME ? "lower(:cursorValue)" : "cast(:cursorValue as timestamptz)";
            return "(" + sort.column + ", id) " + op + " (" + value + ", :cursorId)";
        }
    }

    static Parsed parse(String value) {
        if (value == null || value.isBlank()) {
            return new Parsed(UPDATED_AT, true);
        }
        boolean descending = value.startsWith("-");
        String name = descending ? value.substring(1) : value;
        for (ContactSort sort : values()) {
            if (sort.apiName.equals(name)) {
                return new Parsed(sort, descending);
            }
        }
        throw InvalidInput.of("sort", "contact.sort");
    }
}
