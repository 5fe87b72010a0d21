package io.team365.imports.internal.mapping;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Dates as exports write them: ISO {@code 2025-03-31} (a time after it is ignored), {@code 2025/03/31},
 * {@code 31.03.2025}, and {@code 31/03/2025} or {@code 03/31/2025} (or with dashes). For these, a day over 12 tells the order; when
 * both parts could be the month, day first is assumed unless the caller says the file is month first (a US export).
 */
final class Dates {

    private Dates() {}

    static Optional<LocalDate> parse(String raw) {
        return parse(raw, false);
    }

    static Optional<LocalDate> parse(String raw, boolean monthFirst) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        String s = raw.strip();
        int cut = s.length();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == 'T' || c == ' ') {
                cut = i;
                break;
            }
        }
        s = s.substring(0, cut);
        char sep = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '-' || c == '/' || c == '.') {
                sep = c;
                break;
            }
            if (c < '0' || c > '9') {
                return Optional.empty();
            }
        }
        if (sep == 0) {
            return Optional.empty();
        }
        String[] parts = s.split(sep == '.' ? "\\." : String.valueOf(sep), -1);
        if (parts.length != 3) {
            return Optional.empty();
        }
        int[] n = new int[3];
        for (int i = 0; i < 3; i++) {
            if (parts[i].isEmpty() || parts[i].length() > 4 || !parts[i].chars().allMatch(Character::isDigit)) {
                return Optional.empty();
            }
            n[i] = Integer.parseInt(parts[i]);
        }
        try {
            if (parts[0].length() == 4) {
                return Optional.of(LocalDate.of(n[0], n[1], n[2]));
            }
            if (parts[2].length() != 4) {
                return Optional.empty();
            }
            if (sep == '.') {
                return Optional.of(LocalDate.of(n[2], n[1], n[0]));
            }
            boolean monthFirstHere = n[1] > 12 || (n[0] <= 12 && monthFirst);
            return Optional.of(monthFirstHere ? LocalDate.of(n[2], n[0], n[1]) : LocalDate.of(n[2], n[1], n[0]));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
