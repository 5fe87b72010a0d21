package io.team365.leads.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.team365.core.BulkAction;
import io.team365.core.paging.Filters;
import io.team365.core.web.ETags;
import io.team365.core.web.ListPage;
import io.team365.identity.Actors;
import io.team365.leads.Conversion;
import io.team365.leads.ConvertRequest;
import io.team365.leads.Lead;
import io.team365.leads.LeadBulkActions;
import io.team365.leads.LeadFields;
import io.team365.leads.LeadManagement;
import io.team365.leads.LeadPage;
import io.team365.leads.LeadQuery;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
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
@Tag(name = "Leads")
class LeadApiController {

    private final LeadManagement leads;
    private final LeadBulkActions bulk;
    private final ObjectMapper json;

    LeadApiController(LeadManagement leads, LeadBulkActions bulk, ObjectMapper json) {
        this.leads = leads;
        this.bulk = bulk;
        this.json = json;
    }

    @GetMapping("/api/v1/leads")
    @Operation(
            summary = "List leads: cursor pagination; q (name, email or company name); filter[deleted]=true for the"
                    + " trash; filters filter[<field>]=value or filter[<field>][<op>]=value on firstName, lastName,"
                    + " email, companyName, status (new, contacted, qualified, unqualified, converted), source,"
                    + " ownerId (or me), tag, createdAt, updatedAt and customFields.<key>; ops eq, ne, contains,"
                    + " starts, gt, gte, lt, lte, has, nothas, empty, notempty;"
                    + " sort=updatedAt|createdAt|lastName|companyName|customFields.<key> (prefix - for descending)")
    ListPage<LeadJson> list(
            @RequestParam(defaultValue = "50") int limit,
            @RequestParam(required = false) String cursor,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String sort,
            @RequestParam(name = "filter[deleted]", required = false) Boolean deleted,
            HttpServletRequest request) {
        LeadPage page = leads.list(new LeadQuery(
                q,
                Filters.fromParameters(request.getParameterMap(), List.of("filter[deleted]")),
                Boolean.TRUE.equals(deleted),
                sort,
                cursor,
                limit));
        return new ListPage<>(page.leads().stream().map(LeadJson::of).toList(), page.nextCursor());
    }

    @PostMapping("/api/v1/leads")
    @Operation(
            summary = "Create a lead; status is new, contacted, qualified or unqualified (with unqualifiedReason),"
                    + " new when left out")
    @ApiResponse(responseCode = "201", description = "Created")
    ResponseEntity<LeadJson> create(@RequestBody LeadFields input, HttpServletRequest request) {
        Lead created = leads.create(input, Actors.of(request));
        return ResponseEntity.created(URI.create("/api/v1/leads/" + created.id()))
                .eTag(etag(created))
                .body(LeadJson.of(created));
    }

    @GetMapping("/api/v1/leads/{id}")
    @Operation(summary = "One lead (also from the trash, and converted ones); the read is recorded in the audit trail")
    ResponseEntity<LeadJson> get(@PathVariable UUID id, HttpServletRequest request) {
        Lead lead = leads.view(id, Actors.of(request));
        return ResponseEntity.ok().eTag(etag(lead)).body(LeadJson.of(lead));
    }

    @PatchMapping(
            path = "/api/v1/leads/{id}",
            consumes = {"application/merge-patch+json", "application/json"})
    @Operation(
            summary = "Change a lead (JSON merge patch); If-Match with a stale ETag gives 412; a converted lead"
                    + " cannot change (409)")
    @ApiResponse(responseCode = "409", description = "The lead is converted and read-only")
    @ApiResponse(responseCode = "412", description = "The lead changed since the ETag was read")
    ResponseEntity<LeadJson> update(
            @PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @RequestBody JsonNode patch,
            HttpServletRequest request) {
        Lead updated = leads.update(
                id,
                ETags.expectedVersion(ifMatch),
                current -> LeadPatch.apply(patch, current, json),
                Actors.of(request));
        return ResponseEntity.ok().eTag(etag(updated)).body(LeadJson.of(updated));
    }

    @PostMapping("/api/v1/leads/{id}/convert")
    @Operation(
            summary = "Convert a lead into a contact, and optionally a company ({\"company\": {\"create\": true,"
                    + " \"name\": …}} named after the lead's company by default, or {\"company\": {\"id\": …}} to"
                    + " link an existing one) and a deal ({\"deal\": {\"name\", \"value\": {\"amount\","
                    + " \"currency\"}, \"pipelineId\", \"stageId\", \"closeDate\"}}, with the contact and company linked)."
                    + " All or nothing; the lead stays, read-only, pointing at what it became. Twice gives 409.")
    @ApiResponse(responseCode = "409", description = "The lead is already converted")
    ConvertedJson convert(
            @PathVariable UUID id, @RequestBody(required = false) ConvertRequest convert, HttpServletRequest request) {
        Conversion made = leads.convert(id, convert, Actors.of(request));
        return ConvertedJson.of(made);
    }

    @PostMapping("/api/v1/leads/bulk")
    @Operation(
            summary = "Apply one action to up to 200 leads: {\"ids\": [...], \"action\": \"assign-owner\"|"
                    + "\"add-tag\"|\"remove-tag\"|\"delete\", \"ownerId\", \"tag\"}; each lead changes on its own,"
                    + " and those that cannot change (gone, not visible, converted) are listed as skipped")
    BulkAction.Result bulk(@RequestBody BulkAction action, HttpServletRequest request) {
        return bulk.apply(action, Actors.of(request));
    }

    @DeleteMapping("/api/v1/leads/{id}")
    @Operation(summary = "Move a lead to the trash (restorable for 30 days)")
    @ApiResponse(responseCode = "204", description = "In the trash")
    ResponseEntity<Void> delete(@PathVariable UUID id, HttpServletRequest request) {
        leads.trash(id, Actors.of(request));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/v1/leads/{id}/restore")
    @Operation(summary = "Bring a lead back from the trash")
    ResponseEntity<LeadJson> restore(@PathVariable UUID id, HttpServletRequest request) {
        Lead restored = leads.restore(id, Actors.of(request));
        return ResponseEntity.ok().eTag(etag(restored)).body(LeadJson.of(restored));
    }

    /** What a conversion made, as ids (null for the parts not asked for). */
    record ConvertedJson(String contactId, String companyId, String dealId) {
        static ConvertedJson of(Conversion c) {
            return new ConvertedJson(
                    c.contactId().toString(),
                    c.companyId() == null ? null : c.companyId().toString(),
                    c.dealId() == null ? null : c.dealId().toString());
        }
    }

    private static String etag(Lead lead) {
        return ETags.of(lead.version());
    }
}
