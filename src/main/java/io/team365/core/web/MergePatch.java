package io.team365.core.web;

import io.team365.core.InvalidInput;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Reads a JSON merge patch (RFC 7396) field by field: a field set changes, null clears it, absent leaves the current
 * value. Every record API reads its patches through this, so bad input is named the same way everywhere: the field
 * as the API names it (nested ones as {@code address.city}), {@code validation.type-text} for text,
 * {@code validation.type} for other values, {@code <type>.unknown-field} for names the record does not have.
 */
public final class MergePatch {

    private final JsonNode patch;
    private final ObjectMapper json;
    private final String type;
    private final String prefix;

    private MergePatch(JsonNode patch, ObjectMapper json, String type, String prefix) {
        this.patch = patch;
        this.json = json;
        this.type = type;
        this.prefix = prefix;
    }

    /**
     * The patch of a record of {@code type} (the message bundle's prefix, e.g. {@code contact}), refused unless it is
     * an object of the given fields only.
     */
    public static MergePatch of(JsonNode patch, Set<String> fields, String type, ObjectMapper json) {
        if (patch == null || !patch.isObject()) {
            throw InvalidInput.of("body", type + ".patch-object");
        }
        MergePatch read = new MergePatch(patch, json, type, "");
        read.refuseUnknown(fields);
        return read;
    }

    public boolean has(String field) {
        return patch.has(field);
    }

    /** The raw value of a field the caller reads its own way; null when absent. */
    public JsonNode node(String field) {
        return patch.get(field);
    }

    /** The field's name in problem details: nested fields carry their parent, as {@code address.city}. */
    public String name(String field) {
        return prefix + field;
    }

    public String text(String field, String current) {
        if (!patch.has(field)) {
            return current;
        }
        JsonNode node = patch.get(field);
        if (node.isNull()) {
            return null;
        }
        if (!node.isString()) {
            throw InvalidInput.of(name(field), "validation.type-text");
        }
        return node.asString();
    }

    /** Any value Jackson reads (ids, lists, records); one that does not read is named by its field. */
    public <T> T value(String field, T current, TypeReference<T> valueType) {
        return read(field, current, valueType, false);
    }

    /** As {@link #value}, but a bad value inside a list or object is named by its place, as {@code links[0].id}. */
    public <T> T valueNamingPath(String field, T current, TypeReference<T> valueType) {
        return read(field, current, valueType, true);
    }

    /** Only a JSON {@code true} or {@code false}: Jackson would take {@code "yes"} or {@code 1} too. */
    public Boolean bool(String field, Boolean current) {
        if (!patch.has(field)) {
            return current;
        }
        JsonNode node = patch.get(field);
        if (node.isNull()) {
            return null;
        }
        if (!node.isBoolean()) {
            throw InvalidInput.of(name(field), "validation.type");
        }
        return node.asBoolean();
    }

    /** A free-form object merged key by key (custom fields): keys set change, keys set to null go, others stay. */
    public Map<String, Object> merged(String field, Map<String, Object> current) {
        if (!patch.has(field)) {
            return current;
        }
        JsonNode node = patch.get(field);
        if (node.isNull()) {
            return Map.of();
        }
        if (!node.isObject()) {
            throw InvalidInput.of(name(field), "validation.type");
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

    /**
     * A nested object of known fields (an address, an amount): absent keeps {@code current}, null gives
     * {@code cleared}, otherwise {@code read} builds the value from the nested patch, whose fields are named
     * {@code field.part}.
     */
    public <T> T object(String field, T current, T cleared, Set<String> fields, Function<MergePatch, T> read) {
        if (!patch.has(field)) {
            return current;
        }
        JsonNode node = patch.get(field);
        if (node.isNull()) {
            return cleared;
        }
        if (!node.isObject()) {
            throw InvalidInput.of(name(field), "validation.type");
        }
        MergePatch nested = new MergePatch(node, json, type, name(field) + ".");
        nested.refuseUnknown(fields);
        return read.apply(nested);
    }

    private void refuseUnknown(Set<String> fields) {
        for (String name : patch.propertyNames()) {
            if (!fields.contains(name)) {
                throw InvalidInput.of(name(name), type + ".unknown-field");
            }
        }
    }

    private <T> T read(String field, T current, TypeReference<T> valueType, boolean namingPath) {
        if (!patch.has(field)) {
            return current;
        }
        JsonNode node = patch.get(field);
        if (node.isNull()) {
            return null;
        }
        try {
            return json.readValue(json.treeAsTokens(node), valueType);
        } catch (DatabindException e) {
            throw InvalidInput.of(name(field) + (namingPath ? path(e) : ""), "validation.type");
        } catch (RuntimeException e) {
            throw InvalidInput.of(name(field), "validation.type");
        }
    }

    /** Where inside a list or object the bad value is, as {@code [0].id}. */
    private static String path(DatabindException e) {
        StringBuilder path = new StringBuilder();
        e.getPath()
                .forEach(ref -> path.append(
                        ref.getPropertyName() != null ? "." + ref.getPropertyName() : "[" + ref.getIndex() + "]"));
        return path.toString();
    }
}
