package io.team365.companies.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.team365.companies.Company;
import io.team365.companies.CompanyBulkActions;
import io.team365.companies.CompanyFields;
import io.team365.companies.CompanyManagement;
import io.team365.companies.CompanyPage;
import io.team365.companies.CompanyQuery;
import io.team365.core.BulkAction;
import io.team365.core.paging.Filters;
import io.team365.core.web.ETags;
import io.team365.core.web.ListPage;
import io.team365.identity.Actors;
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
@Tag(name = "Companies")
class CompanyApiController {

    private final CompanyManagement companies;
    private final CompanyBulkActions bulk;
    private final ObjectMapper json;

    CompanyApiController(CompanyManagement companies, CompanyBulkActions bulk, ObjectMapper json) {
        this.bulk = bulk;
        this.companies = companies;
        this.json = json;
    }

    @GetMapping("/api/v1/companies")
    @Operation(
            summary = "List companies: cursor pagination, q (name or domain), filter[tag], filter[ownerId],"
                    + " filter[domain], filter[industry], filter[size], filter[deleted]=true for the trash,"
                    + " sort=updatedAt|createdAt|name|domain (prefix - for descending)")
    ListPage<CompanyJson> list(
            @RequestParam(defaultValue = "50") int limit,
            @RequestParam(required = false) String cursor,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String sort,
            @RequestParam(name = "filter[tag]", required = false) String tag,
            @RequestParam(name = "filter[ownerId]", required = false) UUID ownerId,
            @Parameter(description = "a domain or web address; compared in its normalised form")
                    @RequestParam(name = "filter[domain]", required = false)
                    String domain,
            @RequestParam(name = "filter[industry]", required = false) String industry,
            @Parameter(description = "1-10, 11-50, 51-200, 201-500, 501-1000, 1001-5000 or 5001+")
                    @RequestParam(name = "filter[size]", required = false)
                    String size,
            @RequestParam(name = "filter[deleted]", required = false) Boolean deleted,
            HttpServletRequest request) {
        // the named filters keep their own checks (a domain compared normalised); any other filter[...] goes to the
        // filter builder: filter[<field>][<op>]=value over name, city, country, phone, website, createdAt,
        // updatedAt and customFields.<key>
        List<Filters.Condition> conditions = Filters.fromParameters(
                request.getParameterMap(),
                List.of(
                        "filter[tag]",
                        "filter[ownerId]",
                        "filter[domain]",
                        "filter[industry]",
                        "filter[size]",
                        "filter[deleted]"));
        CompanyPage page = companies.list(new CompanyQuery(
                q,
                tag,
                ownerId,
                domain,
                industry,
                size,
                conditions,
                Boolean.TRUE.equals(deleted),
                sort,
                cursor,
                limit));
        return new ListPage<>(page.companies().stream().map(CompanyJson::of).toList(), page.nextCursor());
    }

    @PostMapping("/api/v1/companies/bulk")
    @Operation(
            summary = "Apply one action to up to 200 companies: {\"ids\": [...], \"action\": \"assign-owner\"|"
                    + "\"add-tag\"|\"remove-tag\"|\"delete\", \"ownerId\", \"tag\"}; each company changes on its"
                    + " own, and those that cannot change are listed as skipped")
    BulkAction.Result bulk(@RequestBody BulkAction action, HttpServletRequest request) {
        return bulk.apply(action, Actors.of(request));
    }

    @PostMapping("/api/v1/companies")
    @Operation(summary = "Create a company; the domain is stored normalised (https://www.Acme.com/about → acme.com)")
    @ApiResponse(responseCode = "201", description = "Created")
    ResponseEntity<CompanyJson> create(@RequestBody CompanyFields input, HttpServletRequest request) {
        Company created = companies.create(input, Actors.of(request));
        return ResponseEntity.created(URI.create("/api/v1/companies/" + created.id()))
                .eTag(etag(created))
                .body(CompanyJson.of(created));
    }

    @GetMapping("/api/v1/companies/{id}")
    @Operation(summary = "One company (also from the trash); the read is recorded in the audit trail")
    ResponseEntity<CompanyJson> get(@PathVariable UUID id, HttpServletRequest request) {
        Company company = companies.view(id, Actors.of(request));
        return ResponseEntity.ok().eTag(etag(company)).body(CompanyJson.of(company));
    }

    @PatchMapping(
            path = "/api/v1/companies/{id}",
            consumes = {"application/merge-patch+json", "application/json"})
    @Operation(
            summary = "Change a company (JSON merge patch; address and customFields merge key by key);"
                    + " If-Match with a stale ETag gives 412")
    @ApiResponse(responseCode = "412", description = "The company changed since the ETag was read")
    ResponseEntity<CompanyJson> update(
            @PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @RequestBody JsonNode patch,
            HttpServletRequest request) {
        Company updated = companies.update(
                id,
                ETags.expectedVersion(ifMatch),
                current -> CompanyPatch.apply(patch, current, json),
                Actors.of(request));
        return ResponseEntity.ok().eTag(etag(updated)).body(CompanyJson.of(updated));
    }

    @DeleteMapping("/api/v1/companies/{id}")
    @Operation(summary = "Move a company to the trash (restorable for 30 days)")
    @ApiResponse(responseCode = "204", description = "In the trash")
    ResponseEntity<Void> delete(@PathVariable UUID id, HttpServletRequest request) {
        companies.trash(id, Actors.of(request));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/v1/companies/{id}/restore")
    @Operation(summary = "Bring a company back from the trash")
    ResponseEntity<CompanyJson> restore(@PathVariable UUID id, HttpServletRequest request) {
        Company restored = companies.restore(id, Actors.of(request));
        return ResponseEntity.ok().eTag(etag(restored)).body(CompanyJson.of(restored));
    }

    private static String etag(Company company) {
        return ETags.of(company.version());
    }
}
