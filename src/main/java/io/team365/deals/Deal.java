package io.team365.deals;

import io.team365.core.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An opportunity: what it is worth, when it should close, who it is with, and where it stands. {@code status}
 * follows the kind of its stage; {@code closedAt} is when it last reached a won or lost stage.
 */
public record Deal(
        UUID id,
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
        StageKind status,
        Instant closedAt,
        String lostReason,
        String wonReason,
        Instant createdAt,
        UUID createdBy,
        Instant updatedAt,
        UUID updatedBy,
        int version,
        Instant deletedAt) {

    public Deal {
        contactIds = List.copyOf(contactIds);
        tags = List.copyOf(tags);
    }
}
