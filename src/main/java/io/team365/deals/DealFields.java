package io.team365.deals;

import io.team365.core.Money;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The fields of a deal a person may set. A null {@code pipelineId} means the default pipeline, a null
 * {@code stageId} its first open stage.
 */
public record DealFields(
        String name,
        UUID pipelineId,
        UUID stageId,
        Money value,
        LocalDate closeDate,
        UUID companyId,
        List<UUID> contactIds,
        UUID ownerId,
        List<String> tags,
        Map<String, Object> customFields,
        String lostReason,
        String wonReason) {

    /** Null lists mean empty, null elements are dropped; a custom field set to null is removed (merge patch). */
    public DealFields {
        contactIds = contactIds == null
                ? List.of()
                : Collections.unmodifiableList(new ArrayList<>(
                        contactIds.stream().filter(Objects::nonNull).toList()));
        tags = tags == null ? List.of() : tags.stream().filter(Objects::nonNull).toList();
        Map<String, Object> present = new LinkedHashMap<>();
        if (customFields != null) {
            customFields.forEach((key, v) -> {
                if (key != null && v != null) {
                    present.put(key, v);
                }
            });
        }
        customFields = Collections.unmodifiableMap(present);
    }

    public static DealFields empty() {
        return new DealFields(null, null, null, null, null, null, null, null, null, null, null, null);
    }

    public static DealFields of(Deal deal) {
        return new DealFields(
                deal.name(),
                deal.pipelineId(),
                deal.stageId(),
                deal.value(),
                deal.closeDate(),
                deal.companyId(),
                deal.contactIds(),
                deal.ownerId(),
                deal.tags(),
                deal.customFields(),
                deal.lostReason(),
                deal.wonReason());
    }

    public DealFields withStage(UUID pipeline, UUID stage) {
        return new DealFields(
                name,
                pipeline,
                stage,
                value,
                closeDate,
                companyId,
                contactIds,
                ownerId,
                tags,
                customFields,
                lostReason,
                wonReason);
    }

    public DealFields withOwner(UUID owner) {
        return new DealFields(
                name,
                pipelineId,
                stageId,
                value,
                closeDate,
                companyId,
                contactIds,
                owner,
                tags,
                customFields,
                lostReason,
                wonReason);
    }

    public DealFields withReasons(String lost, String won) {
        return new DealFields(
                name,
                pipelineId,
                stageId,
                value,
                closeDate,
                companyId,
                contactIds,
                ownerId,
                tags,
                customFields,
                lost,
                won);
    }

    public DealFields withCustomFields(Map<String, Object> custom) {
        return new DealFields(
                name,
                pipelineId,
                stageId,
                value,
                closeDate,
                companyId,
                contactIds,
                ownerId,
                tags,
                custom,
                lostReason,
                wonReason);
    }
}
