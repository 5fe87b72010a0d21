package io.team365.deals;

import io.team365.core.InvalidInput;
import io.team365.core.TenantId;
import io.team365.core.Validation;
import io.team365.core.database.BulkRows;
import io.team365.core.database.RecordRows;
import io.team365.core.database.Unnest;
import io.team365.customfields.CustomFieldManagement;
import io.team365.deals.internal.DealValidation;
import io.team365.deals.internal.PipelineStore;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;

/**
 * Deals written in bulk by an import: a whole batch per statement, no change event per deal (the import records
 * one summary). Checks are those of a deal created by a person; the company and contacts are ids the import found
 * in bulk, so they are not looked up again one by one.
 */
@Service
public class DealImports {

    /** A checked deal to insert and the status its stage gives it. */
    public record Draft(UUID id, DealFields fields, StageKind status) {}

    /** A checker's answer: the deal's fields tidied and its status. */
    public record Checked(DealFields fields, StageKind status) {}

    /** Checks one deal in the given pipeline (null: none of that name), or throws {@link InvalidInput}. */
    public interface Checker {
        Checked check(DealFields fields, Pipeline pipeline);
    }

    private static final String[] COLUMNS = {
        "id uuid",
        "name text",
        "pipeline_id uuid",
        "stage_id uuid",
        "amount numeric",
        "currency text",
        "close_date date",
        "company_id uuid",
        "owner_id uuid",
        "tags text[]",
        "custom_fields jsonb",
        "status text",
        "lost_reason text",
        "won_reason text"
    };

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final PipelineStore pipelines;
    private final CustomFieldManagement customFields;

    DealImports(JdbcClient jdbc, ObjectMapper json, PipelineStore pipelines, CustomFieldManagement customFields) {
        this.jdbc = jdbc;
        this.json = json;
        this.pipelines = pipelines;
        this.customFields = customFields;
    }

    /** The Client's pipelines, the default one made if there is none; the first is the default. */
    @Transactional
    public List<Pipeline> pipelines(TenantId tenant) {
        pipelines.ensureDefault(tenant);
        return pipelines.all();
    }

    /** A check for many deals owned by {@code owner}. */
    @Transactional(readOnly = true)
    public Checker checker(UUID owner) {
        UnaryOperator<Map<String, Object>> custom = customFields.checker("deal");
        return (fields, pipeline) -> {
            Validation check = Validation.start();
            // company and contacts were found by the import in bulk: checked without a lookup per deal
            DealFields bare = new DealFields(
                    fields.name(),
                    fields.pipelineId(),
                    fields.stageId(),
                    fields.value(),
                    fields.closeDate(),
                    null,
                    List.of(),
                    fields.ownerId(),
                    fields.tags(),
                    fields.customFields(),
                    fields.lostReason(),
                    fields.wonReason());
            DealFields standard = DealValidation.check(bare, pipeline, DealFields.empty(), Set.of(owner), null, check);
            check.throwIfInvalid();
            StageKind status =
                    pipeline.stage(standard.stageId()).map(Stage::kind).orElse(StageKind.OPEN);
            DealFields checked = new DealFields(
                    standard.name(),
                    standard.pipelineId(),
                    standard.stageId(),
                    standard.value(),
                    standard.closeDate(),
                    fields.companyId(),
                    fields.contactIds(),
                    standard.ownerId(),
                    standard.tags(),
                    custom.apply(fields.customFields()),
                    standard.lostReason(),
                    standard.wonReason());
            return new Checked(checked, status);
        };
    }

    /** Inserts the deals and their contacts, one statement each. */
    @Transactional
    public void insert(TenantId tenant, List<Draft> drafts, UUID by) {
        if (drafts.isEmpty()) {
            return;
        }
        Unnest rows = Unnest.of("u", COLUMNS);
        Unnest links = Unnest.of("l", "deal_id uuid", "contact_id uuid", "position int");
        for (Draft draft : drafts) {
            DealFields f = draft.fields();
            rows.add(
                    draft.id(),
                    f.name(),
                    f.pipelineId(),
                    f.stageId(),
                    f.value() == null ? null : f.value().amount(),
                    f.value() == null ? null : f.value().currency(),
                    f.closeDate(),
                    f.companyId(),
                    f.ownerId(),
                    RecordRows.textArray(f.tags()),
                    json.writeValueAsString(f.customFields()),
                    draft.status().value(),
                    f.lostReason(),
                    f.wonReason());
            for (int i = 0; i < f.contactIds().size(); i++) {
                links.add(draft.id(), f.contactIds().get(i), i);
            }
        }
        jdbc.sql("insert into deals (tenant_id, id, name, pipeline_id, stage_id, amount, currency, close_date,"
                        + " company_id, owner_id, tags, custom_fields, status, lost_reason, won_reason, closed_at,"
                        + " created_by, updated_by) select :tenant, " + rows.values()
                        + ", case when u.status = 'open' then null else now() end, :by, :by from " + rows.from())
                .params(rows.params())
                .param("tenant", tenant.value())
                .param("by", by)
                .update();
        if (!links.isEmpty()) {
            jdbc.sql("insert into deal_contacts (tenant_id, deal_id, contact_id, position) select :tenant, "
                            + links.values() + " from " + links.from() + " on conflict do nothing")
                    .params(links.params())
                    .param("tenant", tenant.value())
                    .update();
        }
    }

    /** Moves to the trash those of the deals that nobody changed after {@code unchangedSince}; returns how many. */
    @Transactional
    public int trashUnchanged(Collection<UUID> ids, Instant unchangedSince, UUID by) {
        return new BulkRows(jdbc, "deals").trashUnchanged(ids, unchangedSince, by);
    }
}
