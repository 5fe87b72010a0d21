package io.team365.duplicates.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.team365.duplicates.DuplicateGroup;
import io.team365.duplicates.DuplicateReview;
import io.team365.identity.Actors;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Likely duplicate contacts and companies, and "not duplicates" dismissals (docs/duplicates.md). */
@RestController
@Tag(name = "Duplicates")
class DuplicateApiController {

    private final DuplicateReview review;

    DuplicateApiController(DuplicateReview review) {
        this.review = review;
    }

    /** API.md's list envelope; the groups are the first {@code limit}, not a page, so there is never a next one. */
    record Groups(List<DuplicateGroup> data, String nextCursor) {}

    record Dismissal(List<UUID> ids) {}

    @GetMapping({"/api/v1/contacts/duplicates", "/api/v1/companies/duplicates"})
    @Operation(
            summary = "Likely duplicates the caller may see: groups of 2-5 records with the reasons (email, phone,"
                    + " domain: the same key; name: alike names, at the same company for contacts); the first"
                    + " `limit` groups (at most 200), exact keys first. Dismissed pairs are left out")
    Groups list(@RequestParam(defaultValue = "50") int limit, HttpServletRequest request) {
        return new Groups(review.groups(typeOf(request), limit), null);
    }

    @PostMapping({"/api/v1/contacts/duplicates/dismissals", "/api/v1/companies/duplicates/dismissals"})
    @Operation(summary = "Mark 2-5 records as not duplicates: {\"ids\": [...]}; their pairs are not proposed again")
    @ApiResponse(responseCode = "204", description = "Dismissed")
    ResponseEntity<Void> dismiss(@RequestBody Dismissal body, HttpServletRequest request) {
        review.dismiss(typeOf(request), body.ids(), Actors.of(request));
        return ResponseEntity.noContent().build();
    }

    private static String typeOf(HttpServletRequest request) {
        return request.getRequestURI().startsWith("/api/v1/contacts/") ? "contact" : "company";
    }
}
