package io.team365.core.paging;

import io.team365.core.InvalidInput;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * The orders a list can be in, each a column with the keyset condition that makes cursor pagination exact at any
 * depth: rows strictly after the last row's (sort value, id). Every column must be non-null in SQL (wrap nullable
 * ones in {@code coalesce}), and {@link Column#valueOf} must give the value the SQL expression compares.
 *
 * @param <T> the record listed
 */
public final class KeysetSort<T> {

    /** How a cursor's value is cast back to SQL; TEXT_LOWER compares lower-cased text on both sides. */
    public enum Type {
        TIMESTAMP,
        DATE,
        NUMBER,
        TEXT,
        TEXT_LOWER,
        /** A stored {@code lower(...)} key column with the "C" collation: compared byte by byte, index-friendly. */
        KEY
    }

    public record Column<T>(String apiName, String sql, Type type, Function<T, Object> valueOf) {}

    private final Map<String, Column<T>> columns = new LinkedHashMap<>();
    private final Order<T> defaultOrder;

    @SafeVarargs
    public KeysetSort(Column<T> defaultColumn, boolean defaultDescending, Column<T>... others) {
        columns.put(defaultColumn.apiName(), defaultColumn);
        for (Column<T> column : others) {
            columns.put(column.apiName(), column);
        }
        this.defaultOrder = new Order<>(defaultColumn, defaultDescending);
    }

    private KeysetSort(Map<String, Column<T>> columns, Order<T> defaultOrder) {
        this.columns.putAll(columns);
        this.defaultOrder = defaultOrder;
    }

    /** These orders and {@code extra} ones (custom fields, known only at request time). */
    public KeysetSort<T> with(List<Column<T>> extra) {
        KeysetSort<T> all = new KeysetSort<>(columns, defaultOrder);
        extra.forEach(column -> all.columns.put(column.apiName(), column));
        return all;
    }

    /** The API names accepted by {@code sort}, for messages and documentation. */
    public List<String> names() {
        return List.copyOf(columns.keySet());
    }

    /** {@code name} or {@code -name}; blank gives the default order; anything else is refused on {@code sort}. */
    public Order<T> parse(String value) {
        if (value == null || value.isBlank()) {
            return defaultOrder;
        }
        String trimmed = value.strip();
        boolean descending = trimmed.startsWith("-");
        Column<T> column = columns.get(descending ? trimmed.substring(1) : trimmed);
        if (column == null) {
            throw InvalidInput.of("sort", "list.sort", String.join(", ", columns.keySet()));
        }
        return new Order<>(column, descending);
    }

    public record Order<T>(Column<T> column, boolean descending) {

        /** The order as the API names it, e.g. {@code -updatedAt}; cursors carry it. */
        public String key() {
            return (descending ? "-" : "") + column.apiName();
        }

        public String orderBy() {
            String direction = descending ? "desc" : "asc";
            return column.sql() + " " + direction + ", id " + direction;
        }

        /**
         * The keyset condition for the rows after {@code cursor}, binding {@code cursorValue} and {@code cursorId}
         * into {@code params}. A cursor made for another order, or whose value does not parse, is refused.
         */
        public String after(String cursor, Map<String, Object> params) {
            Cursors.Position position = Cursors.decode(cursor, key());
            params.put("cursorValue", parsed(position.value()));
            params.put("cursorId", position.id());
            String op = descending ? "<" : ">";
            return "(" + column.sql() + ", id) " + op + " (" + bound() + ", :cursorId)";
        }

        /** The cursor that continues after {@code last}. */
        public String cursorAfter(T last, UUID id) {
            Object value = column.valueOf().apply(last);
            return Cursors.encode(key(), value == null ? "" : value.toString(), id);
        }

        private String bound() {
            return switch (column.type()) {
                case TIMESTAMP -> "cast(:cursorValue as timestamptz)";
                case DATE -> "cast(:cursorValue as date)";
                case NUMBER -> "cast(:cursorValue as numeric)";
                case TEXT -> "cast(:cursorValue as text)";
                case TEXT_LOWER -> "lower(cast(:cursorValue as text))";
                case KEY -> "lower(cast(:cursorValue as text)) collate \"C\"";
            };
        }

        private Object parsed(String value) {
            try {
                return switch (column.type()) {
                    case TIMESTAMP -> java.sql.Timestamp.from(Instant.parse(value));
                    case DATE -> java.sql.Date.valueOf(LocalDate.parse(value));
                    case NUMBER -> new BigDecimal(value);
                    case TEXT, TEXT_LOWER, KEY -> value;
                };
            } catch (DateTimeParseException | NumberFormatException e) {
                throw Cursors.invalid();
            }
        }
    }

    /**
     * One page out of {@code rows} fetched with {@code limit + 1}: the extra row only says there is more.
     */
    public static <T> Page<T> page(List<T> rows, int limit, Order<T> order, Function<T, UUID> id) {
        boolean more = rows.size() > limit;
        List<T> shown = more ? rows.subList(0, limit) : rows;
        return new Page<>(
                List.copyOf(shown), more ? order.cursorAfter(shown.getLast(), id.apply(shown.getLast())) : null);
    }

    /** Refuses a page size outside 1 to 200, the API's bounds. */
    public static int checkedLimit(int limit) {
        if (limit < 1 || limit > 200) {
            throw InvalidInput.of("limit", "list.limit");
        }
        return limit;
    }
}
