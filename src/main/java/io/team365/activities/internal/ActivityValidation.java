package io.team365.activities.internal;

import io.team365.activities.Activity;
import io.team365.activities.ActivityFields;
import io.team365.activities.ActivityLink;
import io.team365.core.Validation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/** Checks and tidies an activity's fields, naming every field that is wrong. */
final class ActivityValidation {

    static final int MAX_SUBJECT = 200;
    static final int MAX_BODY = 100_000;
    static final int MAX_LINKS = 20;
    /** Times PostgreSQL and people can both make sense of. */
    private static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");

    private static final Instant LATEST = Instant.parse("9000-01-01T00:00:00Z");

    private ActivityValidation() {}

    /**
     * The fields cleaned up, or every problem at once. {@code visible} says whether the caller may link a record;
     * links the activity already has ({@code linked}) are kept without asking again, so a record someone else now
     * owns does not block editing the activity.
     */
    static CheckedActivity check(
            ActivityFields fields, Set<UUID> members, Set<ActivityLink> linked, Predicate<ActivityLink> visible) {
        Validation check = Validation.start();
        String type = fields.type() == null ? "" : fields.type().strip().toLowerCase(Locale.ROOT);
        if (type.isEmpty()) {
            check.reject("type", "validation.required");
        } else if (!Activity.TYPES.contains(type)) {
            check.reject("type", "activity.type");
        }
        boolean note = Activity.NOTE.equals(type);
        String body = null;
        String bodyText = null;
        String raw = fields.body() == null ? null : fields.body().replace("\0", "");
        if (raw != null && raw.length() > MAX_BODY) {
            check.reject("body", "validation.too-long", MAX_BODY);
        } else if (raw != null && !raw.isBlank()) {
            body = note ? NoteHtml.sanitise(raw) : raw.strip();
            bodyText = note ? NoteHtml.text(body) : body;
            if (bodyText.isEmpty()) {
                body = null;
                bodyText = null;
            }
        }
        String subject = fields.subject() == null || fields.subject().isBlank()
                ? null
                : fields.subject().strip();
        if (subject == null && note && bodyText != null) {
            subject = subjectFrom(bodyText);
        }
        if (subject == null) {
            check.reject("subject", note ? "activity.subject-or-body" : "validation.required");
        } else {
            subject = check.text("subject", subject, MAX_SUBJECT);
        }
        times(check, type, fields.dueAt(), fields.endAt());
        if (fields.ownerId() == null) {
            check.reject("ownerId", "validation.required");
        } else if (!members.contains(fields.ownerId())) {
            check.reject("ownerId", "activity.unknown-owner");
        }
        List<ActivityLink> links = links(check, fields.links(), linked, visible);
        check.throwIfInvalid();
        return new CheckedActivity(
                type,
                subject,
                body,
                bodyText,
                fields.dueAt(),
                Activity.MEETING.equals(type) ? fields.endAt() : null,
                fields.ownerId(),
                links);
    }

    /** A note's first words (at most eight, under 60 characters), when its writer gave it no subject. */
    static String subjectFrom(String text) {
        String[] words = text.replaceAll("\\p{Cntrl}", " ").strip().split("\\s+");
        StringBuilder subject = new StringBuilder();
        int used = 0;
        while (used < words.length && used < 8 && subject.length() + words[used].length() < 60) {
            subject.append(used == 0 ? "" : " ").append(words[used]);
            used++;
        }
        if (used == 0) {
            return words[0].substring(0, Math.min(words[0].length(), 59)) + "…";
        }
        return used < words.length ? subject + "…" : subject.toString();
    }

    private static void times(Validation check, String type, Instant dueAt, Instant endAt) {
        if (dueAt != null && (dueAt.isBefore(EARLIEST) || !dueAt.isBefore(LATEST))) {
            check.reject("dueAt", "activity.time-range");
        }
        if (endAt == null) {
            return;
        }
        if (!Activity.MEETING.equals(type)) {
            check.reject("endAt", "activity.end-only-meetings");
        } else if (dueAt == null) {
            check.reject("dueAt", "activity.start-for-end");
        } else if (!endAt.isAfter(dueAt) || !endAt.isBefore(LATEST)) {
            check.reject("endAt", "activity.end-after-start");
        }
    }

    private static List<ActivityLink> links(
            Validation check, List<ActivityLink> links, Set<ActivityLink> linked, Predicate<ActivityLink> visible) {
        if (links.isEmpty()) {
            check.reject("links", "activity.links-required");
            return List.of();
        }
        if (links.size() > MAX_LINKS) {
            check.reject("links", "activity.too-many-links", MAX_LINKS);
            return List.of();
        }
        Set<ActivityLink> cleaned = new LinkedHashSet<>();
        for (int i = 0; i < links.size(); i++) {
            ActivityLink link = links.get(i);
            String type = link.type() == null ? "" : link.type().strip().toLowerCase(Locale.ROOT);
            if (!ActivityLink.TYPES.contains(type)) {
                check.reject("links[" + i + "].type", "activity.link-type");
                continue;
            }
            if (link.id() == null) {
                check.reject("links[" + i + "].id", "validation.required");
                continue;
            }
            ActivityLink tidy = new ActivityLink(type, link.id());
            // the same answer for a missing record and one in another Client or out of the caller's sight
            if (!linked.contains(tidy) && !visible.test(tidy)) {
                check.reject("links[" + i + "].id", "activity.unknown-record");
                continue;
            }
            cleaned.add(tidy);
        }
        return new ArrayList<>(cleaned);
    }
}
