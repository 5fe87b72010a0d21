package io.team365.core.exporting;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * Writes a statement's named parameters ({@code :name}, as Spring's named parameter templates take them) into its
 * text as typed SQL literals. Only for {@code COPY (select …) TO STDOUT}, which PostgreSQL cannot bind parameters
 * to. Each value becomes {@code cast('<text>' as <type>)} with the type the JDBC driver would have bound it as, so
 * the statement means the same as with bound parameters; text is quoted the standard way (quotes doubled, which is
 * the whole escaping when {@code standard_conforming_strings} is on, as PostgreSQL has it by default and the caller
 * checks). A value of any other type is refused rather than guessed.
 */
final class SqlLiterals {

    private SqlLiterals() {}

    static String inline(String sql, Map<String, ?> params) {
        StringBuilder out = new StringBuilder(sql.length() + 64);
        int length = sql.length();
        int i = 0;
        while (i < length) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"') {
                boolean escapes = c == '\''
                        && i > 0
                        && (sql.charAt(i - 1) == 'E' || sql.charAt(i - 1) == 'e')
                        && (i == 1 || !Character.isJavaIdentifierPart(sql.charAt(i - 2)));
                int end = closing(sql, i, c, escapes);
                out.append(sql, i, end);
                i = end;
            } else if (c == '-' && i + 1 < length && sql.charAt(i + 1) == '-') {
                int end = sql.indexOf('\n', i);
                end = end < 0 ? length : end;
                out.append(sql, i, end);
                i = end;
            } else if (c == '/' && i + 1 < length && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                end = end < 0 ? length : end + 2;
                out.append(sql, i, end);
                i = end;
            } else if (c == '$' && dollarTag(sql, i) > 0) {
                int tagEnd = dollarTag(sql, i);
                String tag = sql.substring(i, tagEnd);
                int end = sql.indexOf(tag, tagEnd);
                end = end < 0 ? length : end + tag.length();
                out.append(sql, i, end);
                i = end;
            } else if (c == ':' && i + 1 < length && sql.charAt(i + 1) == ':') {
                out.append("::");
                i += 2;
            } else if (c == ':' && i + 1 < length && Character.isJavaIdentifierStart(sql.charAt(i + 1))) {
                int end = i + 1;
                while (end < length && Character.isJavaIdentifierPart(sql.charAt(end))) {
                    end++;
                }
                String name = sql.substring(i + 1, end);
                if (!params.containsKey(name)) {
                    throw new IllegalArgumentException("No value for the SQL parameter :" + name);
                }
                Object value = params.get(name);
                if (value instanceof Collection<?> values) {
                    // as Spring expands a collection: one literal per element, comma-separated
                    if (values.isEmpty()) {
                        throw new IllegalArgumentException("An empty list for the SQL parameter :" + name);
                    }
                    String separator = "";
                    for (Object element : values) {
                        out.append(separator);
                        literal(out, element);
                        separator = ", ";
                    }
                } else {
                    literal(out, value);
                }
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** One value as a typed literal. */
    static void literal(StringBuilder out, Object value) {
        switch (value) {
            case null -> out.append("null");
            case Boolean b -> out.append(b ? "true" : "false");
            case CharSequence text -> typed(out, text.toString(), "varchar");
            case UUID id -> typed(out, id.toString(), "uuid");
            case Integer n -> typed(out, n.toString(), "int4");
            case Long n -> typed(out, n.toString(), "int8");
            case Short n -> typed(out, n.toString(), "int2");
            case BigDecimal n -> typed(out, n.toString(), "numeric");
            case Date date -> typed(out, date.toLocalDate().toString(), "date");
            case LocalDate date -> typed(out, date.toString(), "date");
            case Timestamp at -> typed(out, at.toInstant().toString(), "timestamptz");
            case Instant at -> typed(out, at.toString(), "timestamptz");
            case OffsetDateTime at -> typed(out, at.toString(), "timestamptz");
            case UUID[] ids -> array(out, ids, "uuid");
            case String[] texts -> array(out, texts, "varchar");
            default ->
                throw new IllegalArgumentException(
                        "Cannot write a " + value.getClass().getName() + " as an SQL literal");
        }
    }

    private static void array(StringBuilder out, Object[] values, String type) {
        if (values.length == 0) {
            out.append("cast('{}' as ").append(type).append("[])");
            return;
        }
        out.append("cast(array[");
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.append(", ");
            }
            literal(out, values[i]);
        }
        out.append("] as ").append(type).append("[])");
    }

    private static void typed(StringBuilder out, String text, String type) {
        out.append("cast(");
        quoted(out, text);
        out.append(" as ").append(type).append(')');
    }

    /** {@code 'text'} with quotes doubled; a NUL, which PostgreSQL text cannot hold, is refused. */
    static void quoted(StringBuilder out, String text) {
        if (text.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("An SQL literal cannot hold a NUL character");
        }
        out.append('\'');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'') {
                out.append('\'');
            }
            out.append(c);
        }
        out.append('\'');
    }

    /**
     * The end of a quoted literal or identifier starting at {@code from} (a doubled quote stays inside; in an
     * {@code E'…'} string a backslash escapes the next character).
     */
    private static int closing(String sql, int from, char quote, boolean backslashEscapes) {
        int i = from + 1;
        while (i < sql.length()) {
            if (backslashEscapes && sql.charAt(i) == '\\') {
                i += 2;
                continue;
            }
            if (sql.charAt(i) == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return sql.length();
    }

    /** The end of a dollar-quote tag ({@code $$} or {@code $tag$}) at {@code from}, or -1 if there is none. */
    private static int dollarTag(String sql, int from) {
        int i = from + 1;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '$') {
                return i + 1;
            }
            if (!(Character.isLetterOrDigit(c) || c == '_') || (i == from + 1 && Character.isDigit(c))) {
                return -1;
            }
            i++;
        }
        return -1;
    }
}
