package io.team365.deals.internal;

import io.team365.core.RecordLinks;
import io.team365.core.Tags;
import io.team365.core.Validation;
import io.team365.deals.DealFields;
import io.team365.deals.Pipeline;
import io.team365.deals.Stage;
import io.team365.deals.StageKind;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Checks and tidies a deal's standard fields, naming every field that is wrong. Linked records must exist and be
 * visible to the caller; those already stored on the deal are not checked again (a linked company may have gone to
 * the trash since, which must not block other edits).
 */
public final class DealValidation {

    public static final int MAX_CONTACTS = 50;
    public static final int MAX_REASON = 500;

    private DealValidation() {}

    /**
     * The fields cleaned up, with the pipeline and stage resolved ({@code pipeline} is the deal's pipeline, null if
     * the one named does not exist), or the problems recorded in {@code check}.
     */
    public static DealFields check(
            DealFields fields,
            Pipeline pipeline,
            DealFields stored,
            Set<UUID> members,
            RecordLinks records,
            Validation check) {
        String name = check.text("name", fields.name(), 200);
        UUID pipelineId = null;
        UUID stageId = null;
        StageKind kind = StageKind.OPEN;
        if (pipeline == null) {
            check.reject("pipelineId", "deal.unknown-pipeline");
        } else {
            pipelineId = pipeline.id();
            Stage stage = fields.stageId() == null
                    ? pipeline.firstOpenStage()
                    : pipeline.stage(fields.stageId()).orElse(null);
            if (stage == null) {
                check.reject("stageId", "deal.stage-not-in-pipeline");
            } else {
                stageId = stage.id();
                kind = stage.kind();
            }
        }
        UUID company = fields.companyId();
        if (company != null
                && !company.equals(stored.companyId())
                && records.find("company", company).isEmpty()) {
            check.reject("companyId", "deal.unknown-company");
        }
        List<UUID> contacts = contacts(fields.contactIds(), stored.contactIds(), records, check);
        if (fields.ownerId() != null && !members.contains(fields.ownerId())) {
            check.reject("ownerId", "deal.unknown-owner");
        }
        String lost = reason(check, "lostReason", fields.lostReason());
        String won = reason(check, "wonReason", fields.wonReason());
        if (kind == StageKind.LOST && lost == null) {
            check.reject("lostReason", "deal.lost-reason-required");
        }
        return new DealFields(
                name,
                pipelineId,
                stageId,
                fields.value(),
                fields.closeDate(),
                company,
                contacts,
                fields.ownerId(),
                Tags.checked(check, fields.tags()),
                fields.customFields(),
                lost,
                won);
    }

    private static List<UUID> contacts(List<UUID> ids, List<UUID> stored, RecordLinks records, Validation check) {
        if (ids.size() > MAX_CONTACTS) {
            check.reject("contactIds", "deal.too-many", MAX_CONTACTS);
            return List.of();
        }
        Set<UUID> cleaned = new LinkedHashSet<>();
        for (int i = 0; i < ids.size(); i++) {
            UUID id = ids.get(i);
            if (!stored.contains(id) && records.find("contact", id).isEmpty()) {
                check.reject("contactIds[" + i + "]", "deal.unknown-contact");
                continue;
            }
            cleaned.add(id);
        }
        return List.copyOf(cleaned);
    }

    private static String reason(Validation check, String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        if (text.length() > MAX_REASON) {
            check.reject(field, "validation.too-long", MAX_REASON);
        }
        return text;
    }
}
