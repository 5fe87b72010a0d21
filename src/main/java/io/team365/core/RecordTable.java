package io.team365.core;

/**
 * Declares, as a bean, that a module keeps a record type in a table with the standard record columns ({@code id},
 * {@code deleted_at}, {@code custom_fields}). Shared jobs use it: the trash purge deletes rows 30 days in the trash
 * and announces {@link RecordsPurged}; deleting a custom field removes its values from the table.
 */
public record RecordTable(String recordType, String table) {

    public RecordTable {
        if (!table.matches("[a-z_]+") || !recordType.matches("[a-z_]+")) {
            throw new IllegalArgumentException("table and record type are SQL identifiers: " + table);
        }
    }
}
