package io.team365.deals.api;

import java.util.List;
import java.util.Map;

/** The body of a deal create or patch, for the OpenAPI document (the server reads it as a merge patch). */
record DealInput(
        String name,
        String pipelineId,
        String stageId,
        DealJson.MoneyJson value,
        String closeDate,
        String companyId,
        List<String> contactIds,
        String ownerId,
        List<String> tags,
        Map<String, Object> customFields,
        String lostReason,
        String wonReason) {}
