package io.team365.deals.api;

import io.team365.core.InvalidInput;
import io.team365.core.Money;
import io.team365.core.web.MergePatch;
import io.team365.deals.DealFields;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
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

    private static final Set<String> MONEY = Set.of("amount", "currency");

    private DealPatch() {}

    static DealFields apply(JsonNode body, DealFields current, ObjectMapper json) {
        MergePatch patch = MergePatch.of(body, FIELDS, "deal", json);
        return new DealFields(
                patch.text("name", current.name()),
                patch.value("pipelineId", current.pipelineId(), new TypeReference<UUID>() {}),
                patch.value("stageId", current.stageId(), new TypeReference<UUID>() {}),
                patch.object("value", current.value(), null, MONEY, DealPatch::money),
                date(patch, current.closeDate()),
                patch.value("companyId", current.companyId(), new TypeReference<UUID>() {}),
                patch.value("contactIds", current.contactIds(), new TypeReference<List<UUID>>() {}),
                patch.value("ownerId", current.ownerId(), new TypeReference<UUID>() {}),
                patch.value("tags", current.tags(), new TypeReference<List<String>>() {}),
                patch.merged("customFields", current.customFields()),
                patch.text("lostReason", current.lostReason()),
                patch.text("wonReason", current.wonReason()));
    }

    /** A value is replaced whole, not merged: an amount without its currency means the default currency. */
    private static Money money(MergePatch value) {
        JsonNode amount = value.node("amount");
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
        JsonNode currency = value.node("currency");
        if (currency != null && !currency.isNull() && !currency.isString()) {
            throw InvalidInput.of("value.currency", "money.currency");
        }
        return Money.of(amountText, currency == null || currency.isNull() ? null : currency.asString(), "value");
    }

    private static LocalDate date(MergePatch patch, LocalDate current) {
        if (!patch.has("closeDate")) {
            return current;
        }
        JsonNode node = patch.node("closeDate");
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
}
