package io.team365.deals;

import java.util.List;

/** What creating or changing a pipeline sets: its name and its stages in order (the whole list, replaced). */
public record PipelineFields(String name, List<StageInput> stages) {

    public PipelineFields {
        stages = stages == null ? null : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(stages));
    }
}
