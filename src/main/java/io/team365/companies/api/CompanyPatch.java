package io.team365.companies.api;

import io.team365.companies.Company;
import io.team365.companies.CompanyFields;
import io.team365.core.InvalidInput;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * JSON merge patch (RFC 7396) on a company's fields: a member sets a field, null clears it, absent leaves it. The
 * nested {@code address} and {@code customFields} objects merge key by key.
 */
final class CompanyPatch {

    private static final Set<String> FIELDS = Set.of(
            "name", "domain", "industry", "size", "address", "phone", "website", "ownerId", "tags", "customFields");

    private static final Set<String> ADDRESS = Set.of("street", "city", "region", "postalCode", "country");

    private CompanyPatch() {}

    static CompanyFields apply(JsonNode patch, CompanyFields current, ObjectMapper json) {
        if (patch == null || !patch.isObject()) {
            throw InvalidInput.of("body", "company.patch-object");
        }
        for (String name : patch.propertyNames()) {
            if (!FIELDS.contains(name)) {
                throw InvalidInput.of(name, "company.unknown-field");
            }
        }
        return new CompanyFields(
                text(patch, "name", current.name(), "name"),
                text(patch, "domain", current.domain(), "domain"),
                text(patch, "industry", current.industry(), "industry"),
                text(patch, "size", current.size(), "size"),
                address(patch, current.address()),
                text(patch, "phone", current.phone(), "phone"),
                text(patch, "website", current.website(), "website"),
                value(patch, "ownerId", current.ownerId(), new TypeReference<UUID>() {}, json),
                value(patch, "tags", current.tags(), new TypeReference<List<String>>() {}, json),
                customFields(patch, current.customFields(), json));
    }

    /** The address merges part by part; null clears it all. */
    private static Company.Address address(JsonNode patch, Company.Address current) {
        if (!patch.has("address")) {
            return current;
        }
        JsonNode node = patch.get("address");
        if (node.isNull()) {
            return Company.Address.empty();
        }
        if (!node.isObject()) {
            throw InvalidInput.of("address", "validation.type");
        }
        for (String name : node.propertyNames()) {
            if (!ADDRESS.contains(name)) {
                throw InvalidInput.of("address." + name, "company.unknown-field");
            }
        }
        return new Company.Address(
                text(node, "street", current.street(), "address.street"),
                text(node, "city", current.city(), "address.city"),
                text(node, "region", current.region(), "address.region"),
                text(node, "postalCode", current.postalCode(), "address.postalCode"),
                text(node, "country", current.country(), "address.country"));
    }

    /** As contacts' custom fields: keys set change, keys set to null go, keys left out stay. */
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
        Map<String, Object> merged = new LinkedHashMap<>(current);
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

    private static String text(JsonNode object, String property, String current, String field) {
        if (!object.has(property)) {
            return current;
        }
        JsonNode node = object.get(property);
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
