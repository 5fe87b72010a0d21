package io.team365.activities.api;

import io.team365.activities.ActivityFields;
import io.team365.activities.ActivityLink;
import io.team365.core.web.MergePatch;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** JSON merge patch (RFC 7396) on an activity's fields: a member sets a field, null clears it, absent leaves it. */
final class ActivityPatch {

    private static final Set<String> FIELDS =
            Set.of("type", "subject", "body", "dueAt", "endAt", "done", "ownerId", "links");

    private ActivityPatch() {}

    static ActivityFields apply(JsonNode body, ActivityFields current, ObjectMapper json) {
        MergePatch patch = MergePatch.of(body, FIELDS, "activity", json);
        Boolean done = patch.bool("done", current.done());
        return new ActivityFields(
                patch.text("type", current.type()),
                patch.text("subject", current.subject()),
                patch.text("body", current.body()),
                time(patch, "dueAt", current.dueAt()),
                time(patch, "endAt", current.endAt()),
                done == null ? Boolean.FALSE : done,
                patch.valueNamingPath("ownerId", current.ownerId(), new TypeReference<UUID>() {}),
                patch.valueNamingPath("links", current.links(), new TypeReference<List<ActivityLink>>() {}));
    }

    private static Instant time(MergePatch patch, String field, Instant current) {
        String text = patch.text(field, current == null ? null : current.toString());
        return ActivityInput.instant(field, text);
    }
}
