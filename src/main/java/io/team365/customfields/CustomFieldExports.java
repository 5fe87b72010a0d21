package io.team365.customfields;

import io.team365.core.exporting.ExportColumn;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The Client's custom fields as export columns: one CSV column per defined field, headed by its label, with a
 * readable value (money as "amount currency", multi-select values joined by "; "). JSON keeps the record's
 * {@code customFields} object, which the record module exports itself.
 */
@Component
public class CustomFieldExports {

    private final CustomFieldManagement fields;

    CustomFieldExports(CustomFieldManagement fields) {
        this.fields = fields;
    }

    /** CSV columns over {@code <alias>.custom_fields}; keys are {@code [a-z][a-z0-9_]*}, safe inside a literal. */
    public List<ExportColumn> csvColumns(String object, String alias) {
        String column = alias + ".custom_fields";
        return fields.list(object).stream()
                .map(field -> {
                    String json = column + "->'" + field.key() + "'";
                    String text = column + "->>'" + field.key() + "'";
                    String sql = switch (field.type()) {
                        case MONEY -> "nullif(concat_ws(' ', " + json + "->>'amount', " + json + "->>'currency'), '')";
                        case MULTISELECT ->
                            "(select string_agg(v, '; ') from jsonb_array_elements_text(case jsonb_typeof(" + json
                                    + ") when 'array' then " + json + " else '[]'::jsonb end) v)";
                        default -> text;
                    };
                    return ExportColumn.csv(label(field), sql);
                })
                .toList();
    }

    private static String label(CustomField field) {
        return field.label() == null || field.label().isBlank() ? field.key() : field.label();
    }
}
