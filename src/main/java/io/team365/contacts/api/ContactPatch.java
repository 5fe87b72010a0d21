package io.team365.contacts.api;

import io.team365.contacts.Contact;
import io.team365.contacts.ContactFields;
import io.team365.contacts.SocialLink;
import io.team365.core.InvalidInput;
import io.team365.core.PostalAddress;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** JSON merge patch (RFC 7396) on a contact's fields: a member sets a field, null clears it, absent leaves it. */
final class ContactPatch {

    private static final Set<String> FIELDS = Set.of(
            "firstName",
            "lastName",
            "emails",
            "phones",
            "jobTitle",
            "companyId",
            "ownerId",
            "tags",
            "source",
            "customFields",
            "address",
            "socialLinks");

    private ContactPatch() {}

    static ContactFields apply(JsonNode patch, ContactFields current, ObjectMapper json) {
        if (patch == null || !patch.isObject()) {
            throw InvalidInput.of("body", "contact.patch-object");
        }
        for (String name : patch.propertyNames()) {
            if (!FIELDS.contains(name)) {
                throw InvalidInput.of(name, "contact.unknown-field");
            }
        }
        return new ContactFields(
                text(patch, "firstName", current.firstName()),
                text(patch, "lastName", current.lastName()),
                value(patch, "emails", current.emails(), new TypeReference<List<Contact.Email>>() {}, json),
                value(patch, "phones", current.phones(), new TypeReference<List<Contact.Phone>>() {}, json),
                text(patch, "jobTitle", current.jobTitle()),
                value(patch, "companyId", current.companyId(), new TypeReference<UUID>() {}, json),
                value(patch, "ownerId", current.ownerId(), new TypeReference<UUID>() {}, json),
                value(patch, "tags", current.tags(), new TypeReference<List<String>>() {}, json),
                text(patch, "source", current.source()),
                customFields(patch, current.customFields(), json),
                address(patch, current.address(), json),
                value(patch, "socialLinks", current.socialLinks(), new TypeReference<List<SocialLink>>() {}, json));
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

    /** The address merges like any nested object: parts set change, parts set to null go, null clears it all. */
    private static PostalAddress address(JsonNode patch, PostalAddress current, ObjectMapper json) {
        if (!patch.has("address")) {
            return current;
        }
        JsonNode node = patch.get("address");
        if (node.isNull()) {
            return PostalAddress.empty();
        }
        if (!node.isObject()) {
            throw InvalidInput.of("address", "validation.type");
        }
        java.util.Set<String> parts = java.util.Set.of("street", "city", "region", "postalCode", "country");
        for (String name : node.propertyNames()) {
            if (!parts.contains(name)) {
                throw InvalidInput.of("address." + name, "contact.unknown-field");
            }
        }
        return new PostalAddress(
                text(node, "street", current.street()),
                text(node, "city", current.city()),
                text(node, "region", current.region()),
                text(node, "postalCode", current.postalCode()),
                text(node, "country", current.country()));
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
