package io.team365.activities.api;

import io.team365.activities.ActivityFields;
import io.team365.activities.ActivityLink;
import io.team365.core.InvalidInput;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** JSON merge patch (RFC 7396) on an activity's fields: a member sets a field, null clears it, absent leaves it. */
final class ActivityPatch {

    private static final Set<String> FIELDS =
            Set.of("type", "subject", "body", "dueAt", "endAt", "done", "ownerId", "links");

    private ActivityPatch() {}

    static ActivityFields apply(JsonNode patch, ActivityFields current, ObjectMapper json) {
        if (patch == null || !patch.isObject()) {
            throw InvalidInput.of("body", "activity.patch-object");
        }
        for (String name : patch.propertyNames()) {
            if (!FIELDS.contains(name)) {
                throw InvalidInput.of(name, "activity.unknown-field");
            }
        }
        Boolean done = value(patch, "done", current.done(), new TypeReference<Boolean>() {}, json);
        return new ActivityFields(
                text(patch, "type", current.type()),
                text(patch, "subject", current.subject()),
                text(patch, "body", current.body()),
                time(patch, "dueAt", current.dueAt()),
                time(patch, "endAt", current.endAt()),
                done == null ? Boolean.FALSE : done,
                value(patch, "ownerId", current.ownerId(), new TypeReference<UUID>() {}, json),
                value(patch, "links", current.links(), new TypeReference<List<ActivityLink>>() {}, json));
    }

    private static Instant time(JsonNode patch, String field, Instant current) {
        String text = text(patch, field, current == null ? null : current.toString());
        return ActivityInput.instant(field, text);
    }

    private static String text(JsonNode patch, String field, String current) {
        if (!patch.has(field)) {
            return current;
        }
        JsonNode node = patch.get(field);
        if (node.isNull()) {
            return null;
        }
        if (!node.isString()) {
            throw InvalidInput.of(field, "validation.type-text");
        }
        return node.asString();
    }

    private static <T> T value(JsonNode patch, String field, T current, TypeReference<T> type, ObjectMapper json) {
        if (!patch.has(field)) {
            return current;
        }
        JsonNode node = patch.get(field);
        if (node.isNull()) {
            return null;
        }
        if (node.isBoolean() != (type.getType() == Boolean.class)) {
            throw InvalidInput.of(field, "validation.type");
        }
        try {
            return json.readValue(json.treeAsTokens(node), type);
        } catch (DatabindException e) {
            throw InvalidInput.of(field + path(e), "validation.type");
        } catch (RuntimeException e) {
            throw InvalidInput.of(field, "validation.type");
        }
    }

    /** Where inside a list the bad value is, as {@code [0].id}. */
    private static String path(DatabindException e) {
        StringBuilder path = new StringBuilder();
        e.getPath()
                .forEach(ref -> path.append(
                        ref.getPropertyName() != null ? "." + ref.getPropertyName() : "[" + ref.getIndex() + "]"));
        return path.toString();
    }
}
