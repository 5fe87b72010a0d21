package io.team365.deals.api;

import io.team365.deals.Deal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A deal as the API shows it (API.md "/deals"); money as {@code {"amount": "1250.00", "currency": "EUR"}}. */
record DealJson(
        String id,
        String name,
        String pipelineId,
        String stageId,
        MoneyJson value,
        String closeDate,
        String companyId,
        List<String> contactIds,
        String ownerId,
        List<String> tags,
        Map<String, Object> customFields,
        String status,
        String closedAt,
        String lostReason,
        String wonReason,
        int version,
        String createdAt,
        String updatedAt,
        String deletedAt) {

    record MoneyJson(String amount, String currency) {}

    static DealJson of(Deal d) {
        return new DealJson(
                d.id().toString(),
                d.name(),
                d.pipelineId().toString(),
                d.stageId().toString(),
                d.value() == null
                        ? null
                        : new MoneyJson(d.value().amountText(), d.value().currency()),
                d.closeDate() == null ? null : d.closeDate().toString(),
                text(d.companyId()),
                d.contactIds().stream().map(UUID::toString).toList(),
                text(d.ownerId()),
                d.tags(),
                d.customFields(),
                d.status().value(),
                d.closedAt() == null ? null : d.closedAt().toString(),
                d.lostReason(),
                d.wonReason(),
                d.version(),
                d.createdAt().toString(),
                d.updatedAt().toString(),
                d.deletedAt() == null ? null : d.deletedAt().toString());
    }

    private static String text(UUID id) {
        return id == null ? null : id.toString();
    }
}
