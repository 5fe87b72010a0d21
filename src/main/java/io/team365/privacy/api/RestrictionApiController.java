package io.team365.privacy.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.team365.core.NotFound;
import io.team365.core.RecordLinks;
import io.team365.identity.Actors;
import io.team365.identity.SignedInUser;
import io.team365.privacy.SubjectRestrictions;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A contact's or lead's processing restriction (set by a restriction request): whether it holds, and lifting it.
 * Admins only; a record the caller cannot see, or of another type, is not found.
 */
@RestController
@Tag(name = "Privacy")
class RestrictionApiController {

    private final SubjectRestrictions restrictions;
    private final RecordLinks records;

    RestrictionApiController(SubjectRestrictions restrictions, RecordLinks records) {
        this.restrictions = restrictions;
        this.records = records;
    }

    @GetMapping("/api/v1/privacy/restrictions/{recordType}/{recordId}")
    @Operation(summary = "Whether a contact's or lead's processing is restricted")
    Map<String, Object> show(@PathVariable String recordType, @PathVariable UUID recordId) {
        checked(recordType, recordId);
        return Map.of(
                "recordType",
                recordType,
                "recordId",
                recordId,
                "restricted",
                restrictions.isRestricted(recordType, recordId));
    }

    @DeleteMapping("/api/v1/privacy/restrictions/{recordType}/{recordId}")
    @Operation(summary = "Lift a processing restriction: the record can be changed again")
    ResponseEntity<Void> lift(
            @PathVariable String recordType, @PathVariable UUID recordId, HttpServletRequest request) {
        checked(recordType, recordId);
        restrictions.lift(SignedInUser.require().tenant(), recordType, recordId, Actors.of(request));
        return ResponseEntity.noContent().build();
    }

    private void checked(String recordType, UUID recordId) {
        if (!SubjectRestrictions.TYPES.contains(recordType)) {
            throw new NotFound("record");
        }
        records.require(recordType, recordId);
    }
}
