package io.team365.deals;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** An ordered list of stages deals move through. {@code version} increases with every change. */
public record Pipeline(UUID id, String name, List<Stage> stages, int version, Instant createdAt, Instant updatedAt) {

    public Pipeline {
        stages = List.copyOf(stages);
    }

    public Optional<Stage> stage(UUID stageId) {
        return stages.stream().filter(s -> s.id().equals(stageId)).findFirst();
    }

    /** Where new deals start: the first open stage (a valid pipeline always has one). */
    public Stage firstOpenStage() {
        return stages.stream()
                .filter(s -> s.kind() == StageKind.OPEN)
                .findFirst()
                .orElse(stages.getFirst());
    }

    /** The stage's place in the pipeline, 0-based, or -1. */
    public int indexOf(UUID stageId) {
        for (int i = 0; i < stages.size(); i++) {
            if (stages.get(i).id().equals(stageId)) {
                return i;
            }
        }
        return -1;
    }
}
