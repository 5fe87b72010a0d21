package io.team365.activities.api;

import io.team365.activities.Activity;
import io.team365.activities.ActivityLink;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An activity as the API shows it (API.md "CRM records"); a note's {@code body} is sanitised HTML. */
record ActivityJson(
        String id,
        String type,
        String subject,
        String body,
        String bodyText,
        String dueAt,
        String endAt,
        boolean done,
        String doneAt,
        String doneBy,
        String ownerId,
        List<ActivityLink> links,
        int version,
        String createdAt,
        String createdBy,
        String updatedAt,
        String updatedBy,
        String deletedAt) {

    static ActivityJson of(Activity a) {
        return new ActivityJson(
                a.id().toString(),
                a.type(),
                a.subject(),
                a.body(),
                a.bodyText(),
                text(a.dueAt()),
                text(a.endAt()),
                a.done(),
                text(a.doneAt()),
                text(a.doneBy()),
                text(a.ownerId()),
                a.links(),
                a.version(),
                text(a.createdAt()),
                text(a.createdBy()),
                text(a.updatedAt()),
                text(a.updatedBy()),
                text(a.deletedAt()));
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static String text(UUID id) {
        return id == null ? null : id.toString();
    }
}
