package io.team365.deals.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.team365.core.web.ETags;
import io.team365.core.web.ListPage;
import io.team365.deals.Deal;
import io.team365.deals.DealFields;
import io.team365.deals.DealManagement;
import io.team365.deals.DealPage;
import io.team365.deals.DealQuery;
import io.team365.identity.Actors;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

@RestController
@Tag(name = "Deals")
class DealApiController {

    private final DealManagement deals;
    private final ObjectMapper json;

    DealApiController(DealManagement deals, ObjectMapper json) {
        this.deals = deals;
        this.json = json;
    }

    @GetMapping("/api/v1/deals")
    @Operation(
            summary = "List deals: cursor pagination, q (name), filter[pipelineId], filter[stageId],"
                    + " filter[status]=open|won|lost, filter[ownerId], filter[companyId], filter[contactId],"
                    + " filter[tag], filter[deleted]=true for the trash,"
                    + " sort=name|value|closeDate|createdAt|updatedAt (prefix - for descending)")
    ListPage<DealJson> list(
            @RequestParam(defaultValue = "50") int limit,
            @RequestParam(required = false) String cursor,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String sort,
            @RequestParam(name = "filter[pipelineId]", required = false) UUID pipelineId,
            @RequestParam(name = "filter[stageId]", required = false) UUID stageId,
            @RequestParam(name = "filter[status]", required = false) String status,
            @RequestParam(name = "filter[ownerId]", required = false) UUID ownerId,
            @RequestParam(name = "filter[companyId]", required = false) UUID companyId,
            @RequestParam(name = "filter[contactId]", required = false) UUID contactId,
            @RequestParam(name = "filter[tag]", required = false) String tag,
            @RequestParam(name = "filter[deleted]", required = false) Boolean deleted) {
        DealPage page = deals.list(new DealQuery(
                q,
                pipelineId,
                stageId,
                status,
                ownerId,
                companyId,
                contactId,
                tag,
                Boolean.TRUE.equals(deleted),
                sort,
                cursor,
                limit));
        return new ListPage<>(page.deals().stream().map(DealJson::of).toList(), page.nextCursor());
    }

    @PostMapping("/api/v1/deals")
    @Operation(
            summary = "Create a deal; without pipelineId it goes to the default pipeline, without stageId to the"
                    + " pipeline's first open stage; a lost stage needs a lostReason")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content = @Content(schema = @Schema(implementation = DealInput.class)))
    @ApiResponse(responseCode = "201", description = "Created")
    ResponseEntity<DealJson> create(@RequestBody JsonNode input, HttpServletRequest request) {
        Deal created = deals.create(DealPatch.apply(input, DealFields.empty(), json), Actors.of(request));
        return ResponseEntity.created(URI.create("/api/v1/deals/" + created.id()))
                .eTag(ETags.of(created.version()))
                .body(DealJson.of(created));
    }

    @GetMapping("/api/v1/deals/{id}")
    @Operation(summary = "One deal (also from the trash); the read is recorded in the audit trail")
    ResponseEntity<DealJson> get(@PathVariable UUID id, HttpServletRequest request) {
        Deal deal = deals.view(id, Actors.of(request));
        return ResponseEntity.ok().eTag(ETags.of(deal.version())).body(DealJson.of(deal));
    }

    @PatchMapping(
            path = "/api/v1/deals/{id}",
            consumes = {"application/merge-patch+json", "application/json"})
    @Operation(summary = "Change a deal (JSON merge patch), including its stage; If-Match with a stale ETag gives 412")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content = @Content(schema = @Schema(implementation = DealInput.class)))
    @ApiResponse(responseCode = "412", description = "The deal changed since the ETag was read")
    ResponseEntity<DealJson> update(
            @PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @RequestBody JsonNode patch,
            HttpServletRequest request) {
        Deal updated = deals.update(
                id,
                ETags.expectedVersion(ifMatch),
                current -> DealPatch.apply(patch, current, json),
                Actors.of(request));
        return ResponseEntity.ok().eTag(ETags.of(updated.version())).body(DealJson.of(updated));
    }

    @DeleteMapping("/api/v1/deals/{id}")
    @Operation(summary = "Move a deal to the trash (restorable for 30 days)")
    @ApiResponse(responseCode = "204", description = "In the trash")
    ResponseEntity<Void> delete(@PathVariable UUID id, HttpServletRequest request) {
        deals.trash(id, Actors.of(request));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/v1/deals/{id}/restore")
    @Operation(summary = "Bring a deal back from the trash")
    ResponseEntity<DealJson> restore(@PathVariable UUID id, HttpServletRequest request) {
        Deal restored = deals.restore(id, Actors.of(request));
        return ResponseEntity.ok().eTag(ETags.of(restored.version())).body(DealJson.of(restored));
    }
}
