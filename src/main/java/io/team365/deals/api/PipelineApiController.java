package io.team365.deals.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.team365.core.InvalidInput;
import io.team365.core.web.ETags;
import io.team365.core.web.ListPage;
import io.team365.deals.Pipeline;
import io.team365.deals.PipelineFields;
import io.team365.deals.PipelineManagement;
import io.team365.deals.StageInput;
import io.team365.identity.Actors;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

@RestController
@Tag(name = "Pipelines")
class PipelineApiController {

    private static final Set<String> FIELDS = Set.of("name", "stages");

    private final PipelineManagement pipelines;
    private final ObjectMapper json;

    PipelineApiController(PipelineManagement pipelines, ObjectMapper json) {
        this.pipelines = pipelines;
        this.json = json;
    }

    @GetMapping("/api/v1/pipelines")
    @Operation(
            summary = "Every pipeline with its stages in order; the first is the default. A Client without one"
                    + " gets the default \"Sales pipeline\" on first use.")
    ListPage<PipelineJson> list() {
        return ListPage.complete(pipelines.list().stream().map(PipelineJson::of).toList());
    }

    @PostMapping("/api/v1/pipelines")
    @Operation(
            summary = "Create a pipeline (owners and admins): at most 30 stages, at least one open, one won and one"
                    + " lost; without stages it gets the default pipeline's")
    @ApiResponse(responseCode = "201", description = "Created")
    ResponseEntity<PipelineJson> create(@RequestBody PipelineInput input, HttpServletRequest request) {
        List<StageInput> stages = input.stages() == null ? PipelineManagement.standardStages() : input.stages();
        Pipeline created = pipelines.create(new PipelineFields(input.name(), stages), Actors.of(request));
        return ResponseEntity.created(URI.create("/api/v1/pipelines/" + created.id()))
                .eTag(ETags.of(created.version()))
                .body(PipelineJson.of(created));
    }

    @GetMapping("/api/v1/pipelines/{id}")
    @Operation(summary = "One pipeline with its stages")
    ResponseEntity<PipelineJson> get(@PathVariable UUID id) {
        Pipeline pipeline = pipelines.get(id);
        return ResponseEntity.ok().eTag(ETags.of(pipeline.version())).body(PipelineJson.of(pipeline));
    }

    @PatchMapping(
            path = "/api/v1/pipelines/{id}",
            consumes = {"application/merge-patch+json", "application/json"})
    @Operation(
            summary = "Rename a pipeline or replace its stages (owners and admins). Stages with an id are kept,"
                    + " those without are new; removing a stage that holds deals gives 409; a stale If-Match gives 412")
    @ApiResponse(responseCode = "409", description = "A removed stage still holds deals")
    ResponseEntity<PipelineJson> update(
            @PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @RequestBody JsonNode patch,
            HttpServletRequest request) {
        Pipeline updated = pipelines.update(
                id, ETags.expectedVersion(ifMatch), current -> apply(patch, current), Actors.of(request));
        return ResponseEntity.ok().eTag(ETags.of(updated.version())).body(PipelineJson.of(updated));
    }

    @DeleteMapping("/api/v1/pipelines/{id}")
    @Operation(
            summary = "Delete a pipeline for good (owners and admins); refused (409) for the last one or one with"
                    + " deals")
    @ApiResponse(responseCode = "204", description = "Deleted")
    ResponseEntity<Void> delete(@PathVariable UUID id, HttpServletRequest request) {
        pipelines.delete(id, Actors.of(request));
        return ResponseEntity.noContent().build();
    }

    private PipelineFields apply(JsonNode patch, PipelineFields current) {
        if (patch == null || !patch.isObject()) {
            throw InvalidInput.of("body", "deal.patch-object");
        }
        for (String name : patch.propertyNames()) {
            if (!FIELDS.contains(name)) {
                throw InvalidInput.of(name, "deal.unknown-field");
            }
        }
        String name = current.name();
        if (patch.has("name")) {
            JsonNode node = patch.get("name");
            if (!node.isNull() && !node.isString()) {
                throw InvalidInput.of("name", "validation.type-text");
            }
            name = node.isNull() ? null : node.asString();
        }
        List<StageInput> stages = current.stages();
        if (patch.has("stages")) {
            try {
                stages = json.readValue(
                        json.treeAsTokens(patch.get("stages")), new TypeReference<List<StageInput>>() {});
            } catch (RuntimeException e) {
                throw InvalidInput.of("stages", "validation.type");
            }
        }
        return new PipelineFields(name, stages);
    }
}
