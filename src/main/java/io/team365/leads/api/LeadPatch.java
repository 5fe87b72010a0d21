package io.team365.leads.api;

import io.team365.contacts.Contact;
import io.team365.core.InvalidInput;
import io.team365.leads.LeadFields;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** JSON merge patch (RFC 7396) on a lead's fields: a member sets a field, null clears it, absent leaves it. */
final class LeadPatch {

    private static final Set<String> FIELDS = Set.of(
            "firstName",
            "lastName",
            "emails",
            "phones",
            "jobTitle",
            "companyName",
            "ownerId",
            "tags",
            "source",
            "status",
            "unqualifiedReason",
            "customFields");

    private LeadPatch() {}

    static LeadFields apply(JsonNode patch, LeadFields current, ObjectMapper json) {
        if (patch == null || !patch.isObject()) {
            throw InvalidInput.of("body", "lead.patch-object");
        }
        for (String name : patch.propertyNames()) {
            if (!FIELDS.contains(name)) {
                throw InvalidInput.of(name, "lead.unknown-field");
            }
        }
        return new LeadFields(
                text(patch, "firstName", current.firstName()),
                text(patch, "lastName", current.lastName()),
                value(patch, "emails", current.emails(), new TypeReference<List<Contact.Email>>() {}, json),
                value(patch, "phones", current.phones(), new TypeReference<List<Contact.Phone>>() {}, json),
                text(patch, "jobTitle", current.jobTitle()),
                text(patch, "companyName", current.companyName()),
                value(patch, "ownerId", current.ownerId(), new TypeReference<UUID>() {}, json),
                value(patch, "tags", current.tags(), new TypeReference<List<String>>() {}, json),
                text(patch, "source", current.source()),
                text(patch, "status", current.status()),
                text(patch, "unqualifiedReason", current.unqualifiedReason()),
                customFields(patch, current.customFields(), json));
    }

    /** RFC 7396 merges nested objects: keys set change, keys set to null go, keys left out stay. */
    private static Map<String, Object> customFields(JsonNode patch, Map<String, Object> current, ObjectMapper json) {
        if (!patch.has("customFields")) {
            return current;
        }
        JsonNode node = patch.get("customFields");
        if (node.isNull()) {
            return Map.of();
        }
        if (!node.isObject()) {
            throw InvalidInput.of("customFields", "validation.type");
        }
        Map<String, Object> merged = new java.util.LinkedHashMap<>(current);
        for (String key : node.propertyNames()) {
            JsonNode value = node.get(key);
            if (value.isNull()) {
                merged.remove(key);
            } else {
                merged.put(key, json.treeToValue(value, Object.class));
            }
        }
        return merged;
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
        try {
            return json.readValue(json.treeAsTokens(node), type);
        } catch (RuntimeException e) {
            throw InvalidInput.of(field, "validation.type");
        }
    }
}
