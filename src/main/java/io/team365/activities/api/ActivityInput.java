package io.team365.activities.api;

import io.team365.activities.ActivityFields;
import io.team365.activities.ActivityLink;
import io.team365.core.InvalidInput;
import io.team365.core.Validation;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

/**
 * A new activity as the API takes it. Times arrive as text so a malformed one is reported on its own field
 * ({@code dueAt}, {@code endAt}) together with every other problem.
 */
record ActivityInput(
        String type,
        String subject,
        String body,
        String dueAt,
        String endAt,
        Boolean done,
        UUID ownerId,
        List<ActivityLink> links) {

    ActivityFields fields() {
        Validation check = Validation.start();
        Instant due = instant(check, "dueAt", dueAt);
        Instant end = instant(check, "endAt", endAt);
        check.throwIfInvalid();
        return new ActivityFields(type, subject, body, due, end, done, ownerId, links);
    }

    /** An ISO-8601 instant, {@code 2026-11-29T10:15:30Z} or with an offset. */
    static Instant instant(Validation check, String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.strip()).toInstant();
        } catch (DateTimeParseException e) {
            check.reject(field, "activity.time-format");
            return null;
        }
    }

    static Instant instant(String field, String value) {
        Validation check = Validation.start();
        Instant parsed = instant(check, field, value);
        if (check.hasErrors()) {
            throw InvalidInput.of(field, "activity.time-format");
        }
        return parsed;
    }
}
