package io.team365.core.paging;

import java.util.List;

/**
 * A field a list can be filtered on: its API name, the SQL expression it reads, and its kind, which decides the
 * operators it accepts and how a value is parsed. Custom fields are filter fields named {@code customFields.<key>}.
 *
 * @param options for {@link Kind#CHOICE} and {@link Kind#CHOICES}: the accepted values
 * @param prefixKey for text: a stored {@code lower(...)} column with the "C" collation that "starts with" searches as
 *     an index range (row-level security keeps PostgreSQL from using an index for LIKE); null when there is none
 */
public record FilterField(String name, String sql, Kind kind, List<String> options, String prefixKey) {

    public enum Kind {
        /** Free text: compared case-insensitively. */
        TEXT,
        NUMBER,
        DATE,
        TIMESTAMP,
        BOOLEAN,
        /** A record or user id; the value {@code me} is the signed-in user. */
        ID,
        /** One value out of {@code options}. */
        CHOICE,
        /** A {@code text[]} column of tags. */
        TAGS,
        /** A JSON array of strings out of {@code options} (a multi-select custom field). */
        CHOICES
    }

    public FilterField {
        options = options == null ? List.of() : List.copyOf(options);
    }

    public FilterField(String name, String sql, Kind kind, List<String> options) {
        this(name, sql, kind, options, null);
    }

    /** Free text with a prefix key column (see {@code prefixKey}). */
    public static FilterField text(String name, String sql, String prefixKey) {
        return new FilterField(name, sql, Kind.TEXT, List.of(), prefixKey);
    }

    public static FilterField of(String name, String sql, Kind kind) {
        return new FilterField(name, sql, kind, List.of());
    }

    public static FilterField choice(String name, String sql, List<String> options) {
        return new FilterField(name, sql, Kind.CHOICE, options);
    }

    /** The operators this field accepts, the first being the one {@code filter[name]=value} means. */
    public List<Operator> operators() {
        return switch (kind) {
            case TEXT ->
                List.of(
                        Operator.EQ,
                        Operator.NE,
                        Operator.CONTAINS,
                        Operator.STARTS,
                        Operator.EMPTY,
                        Operator.NOT_EMPTY);
            case NUMBER, DATE, TIMESTAMP ->
                List.of(
                        Operator.EQ,
                        Operator.NE,
                        Operator.GT,
                        Operator.GTE,
                        Operator.LT,
                        Operator.LTE,
                        Operator.EMPTY,
                        Operator.NOT_EMPTY);
            case BOOLEAN -> List.of(Operator.EQ);
            case ID, CHOICE -> List.of(Operator.EQ, Operator.NE, Operator.EMPTY, Operator.NOT_EMPTY);
            case TAGS, CHOICES -> List.of(Operator.HAS, Operator.NOT_HAS, Operator.EMPTY, Operator.NOT_EMPTY);
        };
    }

    public enum Operator {
        EQ("eq"),
        NE("ne"),
        CONTAINS("contains"),
        STARTS("starts"),
        GT("gt"),
        GTE("gte"),
        LT("lt"),
        LTE("lte"),
        HAS("has"),
        NOT_HAS("nothas"),
        EMPTY("empty"),
        NOT_EMPTY("notempty");

        public final String apiName;

        Operator(String apiName) {
            this.apiName = apiName;
        }

        public boolean needsValue() {
            return this != EMPTY && this != NOT_EMPTY;
        }

        public static java.util.Optional<Operator> parse(String name) {
            return java.util.Arrays.stream(values())
                    .filter(op -> op.apiName.equals(name))
                    .findFirst();
        }
    }
}
