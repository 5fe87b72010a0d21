package io.team365.deals.internal;

import io.team365.core.FieldChange;
import io.team365.core.FieldHistory;
import io.team365.core.RecordLinks;
import io.team365.core.RecordRef;
import io.team365.deals.DealFields;
import io.team365.deals.Pipeline;
import io.team365.deals.Stage;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * The field history of a deal change, as people read it: stages and pipelines by name, linked records by title.
 * Split in two: where the deal stands (pipeline, stage, reasons) and everything else.
 */
@Component
public class DealHistory {

    private final PipelineStore pipelines;
    private final RecordLinks records;

    DealHistory(PipelineStore pipelines, RecordLinks records) {
        this.pipelines = pipelines;
        this.records = records;
    }

    public List<FieldChange> standing(DealFields before, DealFields after) {
        List<FieldChange> changes = new ArrayList<>();
        if (!Objects.equals(before.pipelineId(), after.pipelineId())) {
            changes.add(
                    new FieldChange("pipeline", pipelineName(before.pipelineId()), pipelineName(after.pipelineId())));
        }
        if (!Objects.equals(before.stageId(), after.stageId())) {
            changes.add(new FieldChange(
                    "stage",
                    stageName(before.pipelineId(), before.stageId()),
                    stageName(after.pipelineId(), after.stageId())));
        }
        changes.addAll(FieldHistory.between(before, after)
                .compare("lostReason", DealFields::lostReason)
                .compare("wonReason", DealFields::wonReason)
                .changes());
        return changes;
    }

    public List<FieldChange> details(DealFields before, DealFields after) {
        List<FieldChange> changes = new ArrayList<>(FieldHistory.between(before, after)
                .compare("name", DealFields::name)
                .compare(
                        "value",
                        f -> f.value() == null
                                ? null
                                : f.value().amountText() + " " + f.value().currency())
                .compare("closeDate", DealFields::closeDate)
                .changes());
        if (!Objects.equals(before.companyId(), after.companyId())) {
            changes.add(new FieldChange(
                    "companyId", title("company", before.companyId()), title("company", after.companyId())));
        }
        if (!before.contactIds().equals(after.contactIds())) {
            changes.add(new FieldChange(
                    "contactIds", titles("contact", before.contactIds()), titles("contact", after.contactIds())));
        }
        changes.addAll(FieldHistory.between(before, after)
                .compare("ownerId", DealFields::ownerId)
                .compare("tags", DealFields::tags)
                .changes());
        return changes;
    }

    private String pipelineName(UUID id) {
        return id == null ? null : pipelines.find(id).map(Pipeline::name).orElse(null);
    }

    private String stageName(UUID pipeline, UUID stage) {
        if (pipeline == null || stage == null) {
            return null;
        }
        return pipelines
                .find(pipeline)
                .flatMap(p -> p.stage(stage))
                .map(Stage::name)
                .orElse(null);
    }

    private String title(String type, UUID id) {
        return id == null ? null : records.find(type, id).map(RecordRef::title).orElse(id.toString());
    }

    private String titles(String type, List<UUID> ids) {
        Function<UUID, String> name = id -> title(type, id);
        String joined = String.join(", ", ids.stream().map(name).toList());
        return joined.isEmpty() ? null : joined;
    }
}
