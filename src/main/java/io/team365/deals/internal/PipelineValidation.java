package io.team365.deals.internal;

import io.team365.core.Validation;
import io.team365.deals.Pipeline;
import io.team365.deals.PipelineFields;
import io.team365.deals.Stage;
import io.team365.deals.StageInput;
import io.team365.deals.StageKind;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Checks a pipeline's name and stages, naming every field that is wrong. */
public final class PipelineValidation {

    public static final int MAX_STAGES = 30;

    private PipelineValidation() {}

    /** The stages, trimmed, in order; {@code current} is the stored pipeline (null when creating). */
    public static List<Stage> check(PipelineFields fields, Pipeline current, Validation check) {
        check.text("name", fields.name(), 100);
        List<StageInput> inputs = fields.stages();
        if (inputs == null || inputs.isEmpty()) {
            check.reject("stages", "pipeline.stage-kinds");
            return List.of();
        }
        if (inputs.size() > MAX_STAGES) {
            check.reject("stages", "pipeline.too-many-stages", MAX_STAGES);
            return List.of();
        }
        List<Stage> stages = new ArrayList<>();
        Set<StageKind> kinds = EnumSet.noneOf(StageKind.class);
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < inputs.size(); i++) {
            StageInput input = inputs.get(i);
            String at = "stages[" + i + "]";
            if (input == null) {
                check.reject(at, "validation.required");
                continue;
            }
            if (input.id() != null
                    && (current == null || current.stage(input.id()).isEmpty() || !seen.add(input.id()))) {
                check.reject(at + ".id", "pipeline.unknown-stage");
            }
            String name = check.text(at + ".name", input.name(), 100);
            StageKind kind =
                    input.kind() == null ? null : StageKind.parse(input.kind()).orElse(null);
            if (kind == null) {
                check.reject(at + ".kind", "pipeline.kind");
                continue;
            }
            kinds.add(kind);
            int probability = input.probability() == null ? (kind == StageKind.WON ? 100 : 0) : input.probability();
            if (probability < 0 || probability > 100) {
                check.reject(at + ".probability", "pipeline.probability");
            }
            stages.add(new Stage(input.id(), name, probability, kind));
        }
        if (!kinds.containsAll(EnumSet.allOf(StageKind.class))) {
            check.reject("stages", "pipeline.stage-kinds");
        }
        return stages;
    }
}
