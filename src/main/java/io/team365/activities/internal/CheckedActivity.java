package io.team365.activities.internal;

import io.team365.activities.ActivityLink;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An activity's fields after validation: tidy, the body sanitised, ready to store. */
public record CheckedActivity(
        String type,
        String subject,
        String body,
        String bodyText,
        Instant dueAt,
        Instant endAt,
        UUID ownerId,
        List<ActivityLink> links) {}
