package io.team365.activities;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The fields of an activity a person may set; what create takes and what a change produces. {@code body} is what
 * the person wrote (HTML for notes), sanitised on the way in; {@code done} null means "leave as it is" (open when
 * created).
 */
public record ActivityFields(
        String type,
        String subject,
        String body,
        Instant dueAt,
        Instant endAt,
        Boolean done,
        UUID ownerId,
        List<ActivityLink> links) {

    /** Null lists mean empty; null elements are dropped. */
    public ActivityFields {
        links = links == null
                ? List.of()
                : links.stream().filter(Objects::nonNull).toList();
    }

    public static ActivityFields empty() {
        return new ActivityFields(null, null, null, null, null, null, null, null);
    }

    public static ActivityFields of(Activity activity) {
        return new ActivityFields(
                activity.type(),
                activity.subject(),
                activity.body(),
                activity.dueAt(),
                activity.endAt(),
                activity.done(),
                activity.ownerId(),
                activity.links());
    }

    public ActivityFields withOwner(UUID owner) {
        return new ActivityFields(type, subject, body, dueAt, endAt, done, owner, links);
    }
}
