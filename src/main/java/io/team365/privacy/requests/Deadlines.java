package io.team365.privacy.requests;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The deadline rules: a request is due one calendar month after it was received (in UTC), and may be extended, once
 * or several times, to at most two calendar months beyond that original due date.
 */
final class Deadlines {

    static final int MONTHS_TO_ANSWER = 1;
    static final int MAX_EXTENSION_MONTHS = 2;

    private Deadlines() {}

    static Instant dueAfter(Instant receivedAt) {
        return receivedAt.atZone(ZoneOffset.UTC).plusMonths(MONTHS_TO_ANSWER).toInstant();
    }

    /** The latest a request may be extended to. */
    static Instant latestExtension(Instant originalDueAt) {
        return originalDueAt
                .atZone(ZoneOffset.UTC)
                .plusMonths(MAX_EXTENSION_MONTHS)
                .toInstant();
    }

    /**
     * The new due date asked for: an ISO instant ({@code 2027-02-01T12:00:00Z}) or a day ({@code 2027-02-01}, meaning
     * the end of that day in UTC, but never beyond {@code cap}, so the cap's own day can be named). Empty when it is
     * neither.
     */
    static Optional<Instant> parseUntil(String until, Instant cap) {
        if (until == null || until.isBlank() || until.length() > 40) {
            return Optional.empty();
        }
        String value = until.strip();
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                Instant endOfDay =
                        day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusSeconds(1);
                boolean capsDay = cap != null && day.equals(LocalDate.ofInstant(cap, ZoneOffset.UTC));
                return Optional.of(capsDay && endOfDay.isAfter(cap) ? cap : endOfDay);
            }
            return Optional.of(Instant.parse(value));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
