package io.team365.imports.internal.batch;

import io.team365.imports.internal.mapping.TargetFields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One record of the file with its values by target field: the non-blank values of the columns mapped to each field,
 * in column order. {@code problem} is the reader's when the record could not be read as a whole.
 */
public record MappedRow(long number, List<String> raw, Map<String, List<String>> values, String problem) {

    /** Maps a record's values through {@code mapping} (column index → target field). */
    public static MappedRow of(long number, List<String> raw, String problem, Map<Integer, String> mapping) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        mapping.forEach((column, field) -> {
            if (column < raw.size()) {
                String value = raw.get(column);
                if (value != null && !value.isBlank()) {
                    values.computeIfAbsent(field, f -> new ArrayList<>()).add(value.strip());
                }
            }
        });
        return new MappedRow(number, raw, values, problem);
    }

    /** The field's first value, or null. */
    public String one(String field) {
        List<String> all = values.get(field);
        return all == null ? null : all.getFirst();
    }

    public List<String> all(String field) {
        return values.getOrDefault(field, List.of());
    }

    public boolean has(String field) {
        return values.containsKey(field);
    }

    /** The fields that have a value. */
    public Set<String> fields() {
        return values.keySet();
    }

    /** Custom field key → value. */
    public Map<String, Object> custom() {
        Map<String, Object> custom = new LinkedHashMap<>();
        values.forEach((field, list) -> {
            if (field.startsWith(TargetFields.CUSTOM_PREFIX)) {
                custom.put(field.substring(TargetFields.CUSTOM_PREFIX.length()), list.getFirst());
            }
        });
        return custom;
    }
}
