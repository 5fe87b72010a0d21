package io.team365.deals.api;

import io.team365.core.InvalidInput;
import io.team365.core.Money;
import io.team365.deals.DealFields;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * JSON merge patch (RFC 7396) on a deal's fields: a member sets a field, null clears it, absent leaves it. A create
 * is the same patch applied to an empty deal, so both name bad input the same way.
 */
final class DealPatch {

    private static final Set<String> FIELDS = Set.of(
            "name",
            "pipelineId",
            "stageId",
            "value",
            "closeDate",
            "companyId",
            "contactIds",
            "ownerId",
            "tags",
            "customFields",
            "lostReason",
            "wonReason");

    private DealPatch() {}

    static DealFields apply(JsonNode patch, DealFields current, ObjectMapper json) {
        if (patch == null || !patch.isObject()) {
            throw InvalidInput.of("body", "deal.patch-object");
        }
        for (String name : patch.propertyNames()) {
            if (!FIELDS.contains(name)) {
                throw InvalidInput.of(name, "deal.unknown-field");
            }
        }
        return new DealFields(
                text(patch, "name", current.name()),
                value(patch, "pipelineId", current.pipelineId(), new TypeReference<UUID>() {}, json),
                value(patch, "stageId", current.stageId(), new TypeReference<UUID>() {}, json),
                money(patch, current.value()),
                date(patch, current.closeDate()),
                value(patch, "companyId", current.companyId(), new TypeReference<UUID>() {}, json),
                value(patch, "contactIds", current.contactIds(), new TypeReference<List<UUID>>() {}, json),
                value(patch, "ownerId", current.ownerId(), new TypeReference<UUID>() {}, json),
                value(patch, "tags", current.tags(), new TypeReference<List<String>>() {}, json),
                customFields(patch, current.customFields(), json),
                text(patch, "lostReason", current.lostReason()),
                text(patch, "wonReason", current.wonReason()));
    }

    private static Money money(JsonNode patch, Money current) {
        if (!patch.has("value")) {
            return current;
        }
        JsonNode node = patch.get("value");
        if (node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw InvalidInput.of("value", "validation.type");
        }
        for (String name : node.propertyNames()) {
            if (!name.equals("amount") && !name.equals("currency")) {
                throw InvalidInput.of("value." + name, "deal.unknown-field");
            }
        }
        JsonNode amount = node.get("amount");
        String amountText;
        if (amount == null || amount.isNull()) {
            amountText = null;
        } else if (amount.isString()) {
            amountText = amount.asString();
        } else if (amount.isNumber()) {
            amountText = amount.decimalValue().toPlainString();
        } else {
            throw InvalidInput.of("value.amount", "money.amount");
        }
        JsonNode currency = node.get("currency");
        if (currency != null && !currency.isNull() && !currency.isString()) {
            throw InvalidInput.of("value.currency", "money.currency");
        }
        return Money.of(amountText, currency == null || currency.isNull() ? null : currency.asString(), "value");
    }

    private static LocalDate date(JsonNode patch, LocalDate current) {
        if (!patch.has("closeDate")) {
            return current;
        }
        JsonNode node = patch.get("closeDate");
        if (node.isNull()) {
            return null;
        }
        try {
            if (!node.isString()) {
                throw InvalidInput.of("closeDate", "deal.date");
            }
            return LocalDate.parse(node.asString());
        } catch (DateTimeParseException e) {
            throw InvalidInput.of("closeDate", "deal.date");
        }
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
