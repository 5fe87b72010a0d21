package io.team365.activities;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A task, call, meeting or note. {@code body} of a note is sanitised HTML, safe to render as it is; of the other
 * types it is plain text. {@code bodyText} is the plain text of either. {@code ownerId} is the assignee.
 */
public record Activity(
        UUID id,
        String type,
        String subject,
        String body,
        String bodyText,
        Instant dueAt,
        Instant endAt,
        boolean done,
        Instant doneAt,
        UUID doneBy,
        UUID ownerId,
        List<ActivityLink> links,
        Instant createdAt,
        UUID createdBy,
        Instant updatedAt,
        UUID updatedBy,
        int version,
        Instant deletedAt) {

    public static final String TASK = "task";
    public static final String CALL = "call";
    public static final String MEETING = "meeting";
    public static final String NOTE = "note";
    public static final List<String> TYPES = List.of(TASK, CALL, MEETING, NOTE);

    public Activity {
        links = links == null ? List.of() : List.copyOf(links);
    }

    public boolean isNote() {
        return NOTE.equals(type);
    }

    /** The first characters of the body's text, for lists and timelines. */
    public String snippet(int max) {
        if (bodyText == null || bodyText.isBlank()) {
            return "";
        }
        String text = bodyText.strip().replaceAll("\\s+", " ");
        return text.length() <= max ? text : text.substring(0, max - 1).stripTrailing() + "…";
    }

    public Activity withLinks(List<ActivityLink> newLinks) {
        return new Activity(
                id, type, subject, body, bodyText, dueAt, endAt, done, doneAt, doneBy, ownerId, newLinks, createdAt,
                createdBy, updatedAt, updatedBy, version, deletedAt);
    }
}
