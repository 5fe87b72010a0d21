package io.team365.duplicates.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * What the merge screen shows: one column per record, one row per field with one choice per record's value, the
 * lists that are combined, and what moves to the survivor.
 *
 * @param type {@code contact} or {@code company}
 * @param path {@code /contacts} or {@code /companies}
 */
public record MergeScreen(
        String type,
        String path,
        List<Column> columns,
        UUID survivor,
        List<Row> rows,
        List<Combined> combined,
        Map<String, Long> related,
        String error) {

    /** A record: its id, title and the version the screen was made from. */
    public record Column(UUID id, String title, int version) {}

    /**
     * A field: {@code label} a message key, or the Client's own label for a custom field; {@code values} in column
     * order ("" when empty); {@code chosen} the record whose value is checked.
     */
    public record Row(String field, String label, boolean custom, List<String> values, UUID chosen) {

        public boolean isChosen(int column, List<Column> columns) {
            return columns.get(column).id().equals(chosen);
        }
    }

    /** A list every record's values are combined into (emails, phones, tags…), as the survivor will have it. */
    public record Combined(String label, List<String> values) {}

    public MergeScreen withError(String message) {
        return new MergeScreen(type, path, columns, survivor, rows, combined, related, message);
    }

    /** A row whose choice is the survivor's value, else the first non-empty one (what the merge does by default). */
    static <T> Row row(
            String field,
            String label,
            List<T> records,
            UUID survivorId,
            Function<T, UUID> id,
            Function<T, String> value) {
        List<String> values = new ArrayList<>();
        UUID chosen = null;
        UUID survivorValue = null;
        for (T record : records) {
            String shown = value.apply(record);
            values.add(shown == null ? "" : shown);
            if (shown != null && !shown.isBlank()) {
                if (chosen == null) {
                    chosen = id.apply(record);
                }
                if (id.apply(record).equals(survivorId)) {
                    survivorValue = survivorId;
                }
            }
        }
        UUID pick = survivorValue != null ? survivorValue : chosen != null ? chosen : survivorId;
        return new Row(field, label, field.startsWith("customFields."), values, pick);
    }
}
