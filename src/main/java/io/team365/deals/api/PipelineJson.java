package io.team365.deals.api;

import io.team365.deals.Pipeline;
import java.util.List;

/** A pipeline as the API shows it (API.md "/pipelines"). */
record PipelineJson(String id, String name, List<StageJson> stages, int version, String createdAt, String updatedAt) {

    record StageJson(String id, String name, int probability, String kind) {}

    static PipelineJson of(Pipeline p) {
        return new PipelineJson(
                p.id().toString(),
                p.name(),
                p.stages().stream()
                        .map(s -> new StageJson(
                                s.id().toString(),
                                s.name(),
                                s.probability(),
                                s.kind().value()))
                        .toList(),
                p.version(),
                p.createdAt().toString(),
                p.updatedAt().toString());
    }
}
