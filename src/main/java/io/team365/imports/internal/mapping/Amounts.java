package io.team365.imports.internal.mapping;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * Amounts of money as people and spreadsheets write them: {@code 1,234.50}, {@code 1.234,50}, {@code € 1 234},
 * {@code 1'234.50}, {@code USD 99}, {@code (12.00)} for a negative amount.
 */
final class Amounts {

    private Amounts() {}

    /**
     * The amount, or empty. With both separators the last one is the decimal mark; with only one, used once and
     * followed by exactly three digits ({@code 1,234}, {@code 1.234}), it is a thousands separator.
     */
    static Optional<BigDecimal> parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        String s = raw.strip();
        boolean negative = false;
        if (s.startsWith("(") && s.endsWith(")")) {
            negative = true;
            s = s.substring(1, s.length() - 1);
        }
        StringBuilder kept = new StringBuilder(s.length());
        int letters = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c >= '0' && c <= '9') || c == '.' || c == ',') {
                kept.append(c);
            } else if (c == '-' || c == '\u2212') {
                if (kept.length() > 0) {
                    return Optional.empty();
                }
                negative = !negative;
            } else if (Character.isLetter(c)) {
                letters++; // a currency code such as EUR; more than that is not an amount
            } else if (!(Character.isWhitespace(c)
                    || Character.isSpaceChar(c)
                    || c == '\''
                    || c == '+'
                    || Character.getType(c) == Character.CURRENCY_SYMBOL)) {
                return Optional.empty();
            }
        }
        if (letters > 3 || kept.isEmpty()) {
            return Optional.empty();
        }
        String n = kept.toString();
        int lastDot = n.lastIndexOf('.');
        int lastComma = n.lastIndexOf(',');
        String normal;
        if (lastDot >= 0 && lastComma >= 0) {
            char decimal = lastDot > lastComma ? '.' : ',';
            char grouping = decimal == '.' ? ',' : '.';
            String whole = n.substring(0, Math.max(lastDot, lastComma)).replace(String.valueOf(grouping), "");
            String fraction = n.substring(Math.max(lastDot, lastComma) + 1);
            if (whole.indexOf(decimal) >= 0) {
                return Optional.empty();
            }
            normal = whole + "." + fraction;
        } else if (lastDot >= 0 || lastComma >= 0) {
            char sep = lastDot >= 0 ? '.' : ',';
            int first = n.indexOf(sep);
            int last = Math.max(lastDot, lastComma);
            boolean thousands = first != last || (n.length() - last - 1 == 3 && last > 0 && !n.startsWith("0"));
            normal = thousands ? n.replace(String.valueOf(sep), "") : n.replace(sep, '.');
        } else {
            normal = n;
        }
        if (normal.startsWith(".")) {
            normal = "0" + normal;
        }
        try {
            BigDecimal amount = new BigDecimal(normal);
            return Optional.of(negative ? amount.negate() : amount);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
