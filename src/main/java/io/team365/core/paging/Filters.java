package io.team365.core.paging;

import io.team365.core.InvalidInput;
import io.team365.core.Validation;
import io.team365.core.paging.FilterField.Kind;
import io.team365.core.paging.FilterField.Operator;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The filter builder's conditions, and their translation into SQL against a list's {@link FilterField}s. Conditions
 * come from {@code filter[field]=value} (the field's first operator) or {@code filter[field][op]=value}; every value
 * is bound as a parameter, never spliced into SQL, and a bad field, operator or value is refused naming it.
 */
public final class Filters {

    /** One condition of the builder, e.g. {@code (lastName, starts, "Mc")}. */
    public record Condition(String field, String operator, String value) {

        /** How the condition is written in a URL or API call. */
        public String parameter() {
            return "filter[" + field + "][" + operator + "]";
        }
    }

    private static final int MAX_CONDITIONS = 20;
    private static final int MAX_VALUE = 200;

    private final Map<String, FilterField> fields = new LinkedHashMap<>();

    public Filters(List<FilterField> fields) {
        fields.forEach(field -> this.fields.put(field.name(), field));
    }

    public List<FilterField> fields() {
        return List.copyOf(fields.values());
    }

    /**
     * The conditions written as request parameters ({@code filter[...]}); parameters this list handles itself
     * (named in {@code handledElsewhere}, e.g. {@code filter[deleted]}) are skipped.
     */
    public static List<Condition> fromParameters(Map<String, String[]> parameters, List<String> handledElsewhere) {
        List<Condition> conditions = new ArrayList<>();
        parameters.forEach((name, values) -> {
            if (!name.startsWith("filter[") || handledElsewhere.contains(name)) {
                return;
            }
            String inner = name.substring("filter[".length());
            int close = inner.indexOf(']');
            if (close < 1) {
                throw InvalidInput.of(name, "filter.syntax");
            }
            String field = inner.substring(0, close);
            String rest = inner.substring(close + 1);
            String operator = rest.isEmpty() ? "" : rest.replaceAll("^\\[|]$", "");
            for (String value : values) {
                conditions.add(new Condition(field, operator, value));
            }
        });
        return conditions;
    }

    /**
     * The SQL condition ({@code true} for none) for {@code conditions}, binding values into {@code params} as
     * {@code f0, f1, …}. {@code me} is the signed-in user, for {@code filter[ownerId]=me}.
     */
    public String toSql(List<Condition> conditions, Map<String, Object> params, UUID me) {
        if (conditions.size() > MAX_CONDITIONS) {
            throw InvalidInput.of("filter", "filter.too-many", MAX_CONDITIONS);
        }
        Validation check = Validation.start();
        List<String> sql = new ArrayList<>();
        for (int i = 0; i < conditions.size(); i++) {
            Condition condition = conditions.get(i);
            String parameter = "filter[" + condition.field() + "]";
            FilterField field = fields.get(condition.field());
            if (field == null) {
                check.reject(parameter, "filter.unknown-field");
                continue;
            }
            Operator operator =
                    condition.operator() == null || condition.operator().isEmpty()
                            ? field.operators().getFirst()
                            : Operator.parse(condition.operator())
                                    .filter(field.operators()::contains)
                                    .orElse(null);
            if (operator == null) {
                check.reject(parameter, "filter.unknown-operator");
                continue;
            }
            String key = "f" + i;
            if (operator.needsValue()) {
                Object value = value(field, condition.value(), me);
                if (value == null) {
                    check.reject(parameter, "filter.bad-value");
                    continue;
                }
                params.put(key, value);
            }
            sql.add(condition(field, operator, ":" + key));
        }
        check.throwIfInvalid();
        return sql.isEmpty() ? "true" : String.join(" and ", sql);
    }

    private static String condition(FilterField field, Operator operator, String value) {
        String column = field.sql();
        boolean text = field.kind() == Kind.TEXT;
        return switch (operator) {
            case EQ -> text ? "lower(" + column + ") = lower(" + value + ")" : column + " = " + value;
            case NE ->
                text
                        ? "lower(" + column + ") is distinct from lower(" + value + ")"
                        : column + " is distinct from " + value;
            case CONTAINS -> column + " ilike '%' || " + escaped(value) + " || '%' escape '\\'";
            case STARTS ->
                field.prefixKey() == null
                        ? column + " ilike " + escaped(value) + " || '%' escape '\\'"
                        // a range on the key an index serves, then the exact check on what the range found
                        : "(" + field.prefixKey() + " >= lower(" + value + ") collate \"C\" and " + field.prefixKey()
                                + " < (lower(" + value + ") || chr(1114111)) collate \"C\" and " + column
                                + " ilike " + escaped(value) + " || '%' escape '\\')";
            case GT -> column + " > " + value;
            case GTE -> column + " >= " + value;
            case LT -> column + " < " + value;
            case LTE -> column + " <= " + value;
            case HAS ->
                field.kind() == Kind.TAGS
                        ? column + " @> array[cast(" + value + " as text)]"
                        : "jsonb_exists(coalesce(" + column + ", '[]'::jsonb), " + value + ")";
            case NOT_HAS ->
                field.kind() == Kind.TAGS
                        ? "not (" + column + " @> array[cast(" + value + " as text)])"
                        : "not jsonb_exists(coalesce(" + column + ", '[]'::jsonb), " + value + ")";
            case EMPTY -> emptiness(field, true);
            case NOT_EMPTY -> emptiness(field, false);
        };
    }

    private static String escaped(String value) {
        return "replace(replace(replace(" + value + ", '\\', '\\\\'), '%', '\\%'), '_', '\\_')";
    }

    private static String emptiness(FilterField field, boolean empty) {
        String column = field.sql();
        String isEmpty = switch (field.kind()) {
            case TEXT -> "coalesce(" + column + ", '') = ''";
            case TAGS -> "cardinality(" + column + ") = 0";
            case CHOICES -> "coalesce(jsonb_array_length(" + column + "), 0) = 0";
            default -> column + " is null";
        };
        return empty ? "(" + isEmpty + ")" : "not (" + isEmpty + ")";
    }

    /** The value parsed for the field's kind, or null when it is not one. */
    private static Object value(FilterField field, String raw, UUID me) {
        if (raw == null || raw.length() > MAX_VALUE || raw.indexOf('\0') >= 0) {
            return null;
        }
        String value = raw.strip();
        try {
            return switch (field.kind()) {
                case TEXT -> value.isEmpty() ? null : value;
                case NUMBER -> new BigDecimal(value);
                case DATE -> java.sql.Date.valueOf(LocalDate.parse(value));
                case TIMESTAMP ->
                    value.length() == 10
                            ? Timestamp.from(LocalDate.parse(value)
                                    .atStartOfDay(java.time.ZoneOffset.UTC)
                                    .toInstant())
                            : Timestamp.from(Instant.parse(value));
                case BOOLEAN ->
                    switch (value.toLowerCase(Locale.ROOT)) {
                        case "true" -> Boolean.TRUE;
                        case "false" -> Boolean.FALSE;
                        default -> null;
                    };
                case ID -> "me".equals(value) ? me : UUID.fromString(value);
                case CHOICE, CHOICES -> field.options().contains(value) ? value : null;
                case TAGS -> value.isEmpty() || value.length() > 50 ? null : value.toLowerCase(Locale.ROOT);
            };
        } catch (RuntimeException unparsable) {
            return null;
        }
    }
}
