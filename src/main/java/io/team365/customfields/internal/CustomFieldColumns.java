package io.team365.customfields.internal;

import io.team365.core.paging.FilterField;
import io.team365.core.paging.FilterField.Kind;
import io.team365.core.paging.KeysetSort;
import io.team365.core.paging.KeysetSort.Type;
import io.team365.customfields.CustomField;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Custom fields as SQL expressions over a record table's {@code custom_fields} JSON, for filters and sorting.
 * Keys are checked to {@code [a-z][a-z0-9_]*} when defined, so they are safe inside a quoted literal. Stored values
 * are canonical (numbers as decimal strings, dates ISO), so the casts below cannot fail.
 */
public final class CustomFieldColumns {

    /** Sorts put records without a value first (ascending) or last (descending), the same way in SQL and Java. */
    private static final BigDecimal NO_NUMBER = new BigDecimal("-1e30");

    private static final String NO_DATE = "0001-01-01";

    private CustomFieldColumns() {}

    public static FilterField filterField(CustomField field, String alias) {
        String json = column(alias) + "->'" + field.key() + "'";
        String text = column(alias) + "->>'" + field.key() + "'";
        String name = "customFields." + field.key();
        return switch (field.type()) {
            case TEXT, URL, EMAIL, PHONE -> FilterField.of(name, text, Kind.TEXT);
            case NUMBER -> FilterField.of(name, "cast(" + text + " as numeric)", Kind.NUMBER);
            case MONEY -> FilterField.of(name, "cast(" + json + "->>'amount' as numeric)", Kind.NUMBER);
            case DATE -> FilterField.of(name, "cast(" + text + " as date)", Kind.DATE);
            case BOOL -> FilterField.of(name, "cast(" + text + " as boolean)", Kind.BOOLEAN);
            case SELECT -> new FilterField(name, text, Kind.CHOICE, field.options());
            case MULTISELECT -> new FilterField(name, json, Kind.CHOICES, field.options());
        };
    }

    public static <T> Optional<KeysetSort.Column<T>> sortColumn(
            CustomField field, String alias, Function<T, Map<String, Object>> customFieldsOf) {
        String text = column(alias) + "->>'" + field.key() + "'";
        String name = "customFields." + field.key();
        Function<T, Object> raw = record -> customFieldsOf.apply(record).get(field.key());
        return Optional.ofNullable(
                switch (field.type()) {
                    case TEXT, URL, EMAIL, PHONE, SELECT ->
                        new KeysetSort.Column<T>(
                                name,
                                "lower(coalesce(" + text + ", ''))",
                                Type.TEXT_LOWER,
                                record -> raw.apply(record) == null
                                        ? ""
                                        : raw.apply(record).toString().toLowerCase(Locale.ROOT));
                    case NUMBER ->
                        new KeysetSort.Column<T>(
                                name,
                                "coalesce(cast(" + text + " as numeric), " + NO_NUMBER.toPlainString() + ")",
                                Type.NUMBER,
                                record -> raw.apply(record) == null
                                        ? NO_NUMBER.toPlainString()
                                        : raw.apply(record).toString());
                    case MONEY ->
                        new KeysetSort.Column<T>(
                                name,
                                "coalesce(cast(" + column(alias) + "->'" + field.key() + "'->>'amount' as numeric), "
                                        + NO_NUMBER.toPlainString() + ")",
                                Type.NUMBER,
                                record -> raw.apply(record) instanceof Map<?, ?> money
                                        ? String.valueOf(money.get("amount"))
                                        : NO_NUMBER.toPlainString());
                    case DATE ->
                        new KeysetSort.Column<T>(
                                name,
                                "coalesce(cast(" + text + " as date), date '" + NO_DATE + "')",
                                Type.DATE,
                                record -> raw.apply(record) == null
                                        ? NO_DATE
                                        : raw.apply(record).toString());
                    case BOOL, MULTISELECT -> null;
                });
    }

    private static String column(String alias) {
        return alias == null || alias.isEmpty() ? "custom_fields" : alias + ".custom_fields";
    }
}
