package io.team365.activities.web;

import io.team365.activities.Activity;
import io.team365.activities.ActivityFields;
import io.team365.activities.ActivityLink;
import io.team365.activities.internal.NoteHtml;
import io.team365.core.InvalidInput;
import io.team365.core.Validation;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The activity form: times as the browser's {@code datetime-local} values in the reader's time zone, the note body
 * as typed text (or HTML), the record it is about for a new activity, and the version an edit was loaded at.
 */
public record ActivityForm(
        String type,
        String subject,
        String body,
        String dueAt,
        String endAt,
        String ownerId,
        String recordType,
        String recordId,
        Integer version) {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    public static ActivityForm empty(String type, String recordType, String recordId, UUID owner) {
        return new ActivityForm(
                type == null || !Activity.TYPES.contains(type) ? Activity.TASK : type,
                "",
                "",
                "",
                "",
                owner == null ? "" : owner.toString(),
                nz(recordType),
                nz(recordId),
                null);
    }

    public static ActivityForm of(Activity activity, ZoneId zone) {
        return new ActivityForm(
                activity.type(),
                activity.subject(),
                activity.isNote() ? NoteHtml.editable(activity.body()) : nz(activity.body()),
                local(activity.dueAt(), zone),
                local(activity.endAt(), zone),
                activity.ownerId() == null ? "" : activity.ownerId().toString(),
                "",
                "",
                activity.version());
    }

    /**
     * A new activity about the form's record. A value the form cannot read (a malformed time) is reported together
     * with whatever {@code validator} (the service's checks) finds in the rest, so every problem shows at once.
     */
    public ActivityFields toNew(ZoneId zone, Consumer<ActivityFields> validator) {
        return applyTo(ActivityFields.empty(), zone, List.of(link()), validator);
    }

    /** The stored fields with this form's values in place of the ones it shows; links stay as they are. */
    public ActivityFields applyTo(ActivityFields current, ZoneId zone, Consumer<ActivityFields> validator) {
        return applyTo(current, zone, current.links(), validator);
    }

    private ActivityFields applyTo(
            ActivityFields current, ZoneId zone, List<ActivityLink> links, Consumer<ActivityFields> validator) {
        Validation check = Validation.start();
        Instant due = instant(check, "dueAt", dueAt, zone);
        Instant end = instant(check, "endAt", endAt, zone);
        UUID owner = uuid(check, "ownerId", ownerId);
        ActivityFields fields = fields(current, links, due, end, owner);
        try {
            check.throwIfInvalid();
        } catch (InvalidInput unreadable) {
            try {
                validator.accept(fields);
            } catch (InvalidInput more) {
                throw InvalidInput.merge(unreadable, more);
            }
            throw unreadable;
        }
        return fields;
    }

    private ActivityFields fields(
            ActivityFields current, List<ActivityLink> links, Instant due, Instant end, UUID owner) {
        String text = Activity.NOTE.equals(type) ? NoteHtml.fromTyped(body) : body;
        return new ActivityFields(
                type,
                subject,
                text,
                due,
                Activity.MEETING.equals(type) ? end : null,
                current.done(),
                owner == null ? current.ownerId() : owner,
                links);
    }

    private ActivityLink link() {
        try {
            return new ActivityLink(recordType, UUID.fromString(nz(recordId)));
        } catch (IllegalArgumentException e) {
            throw InvalidInput.of("links", "activity.links-required");
        }
    }

    private static Instant instant(Validation check, String field, String value, ZoneId zone) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.strip()).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            check.reject(field, "activity.time-local");
            return null;
        }
    }

    private static UUID uuid(Validation check, String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            check.reject(field, "activity.unknown-owner");
            return null;
        }
    }

    static String local(Instant instant, ZoneId zone) {
        return instant == null ? "" : LOCAL.format(instant.atZone(zone).truncatedTo(ChronoUnit.MINUTES));
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }
}
