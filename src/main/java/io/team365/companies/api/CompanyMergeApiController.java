package io.team365.companies.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.team365.companies.Company;
import io.team365.companies.CompanyMerge;
import io.team365.core.MergeRequest;
import io.team365.core.web.ETags;
import io.team365.identity.Actors;
import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Merging duplicate companies into one (docs/duplicates.md, ADR 0017). */
@RestController
@Tag(name = "Companys")
class CompanyMergeApiController {

    private final CompanyMerge merge;

    CompanyMergeApiController(CompanyMerge merge) {
        this.merge = merge;
    }

    @PostMapping("/api/v1/companies/{id}/merge")
    @Operation(
            summary = "Merge up to 4 companies into this one: {\"mergeIds\": [...], \"versions\": {\"<id>\":"
                    + " <version>, ...every company, this one included}, \"fields\": {\"name\": \"<id of the company"
                    + " whose value to keep>\", ...}} (fields: name, domain, industry, size, address, phone, website,"
                    + " ownerId, customFields.<key>; default this company's value, else the first non-empty). Tags are"
                    + " unioned. People, deals, activities, attachments and the timeline move here; the merged"
                    + " companies are deleted and their old ids redirect here in the app")
    @ApiResponse(responseCode = "200", description = "The merged company")
    @ApiResponse(responseCode = "412", description = "A company changed since its version was read")
    ResponseEntity<CompanyJson> merge(
            @PathVariable UUID id, @RequestBody MergeRequest body, HttpServletRequest request) {
        Company merged = merge.merge(id, body, Actors.of(request));
        return ResponseEntity.ok().eTag(ETags.of(merged.version())).body(CompanyJson.of(merged));
    }
}
