package io.team365.privacy.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.team365.core.web.ListPage;
import io.team365.identity.Actors;
import io.team365.privacy.Consent;
import io.team365.privacy.ConsentManagement;
import io.team365.privacy.ConsentPurpose;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Privacy")
class ConsentApiController {

    /** API.md "Privacy": {@code {"contactId", "purpose", "granted", "method", "policyVersion", "evidence"}}. */
    record ConsentInput(
            UUID contactId,
            String purpose,
            Boolean granted,
            String method,
            String policyVersion,
            Map<String, Object> evidence) {}

    private final ConsentManagement consents;

    ConsentApiController(ConsentManagement consents) {
        this.consents = consents;
    }

    @PostMapping("/api/v1/consents")
    @Operation(
            summary = "Record that a contact granted or withdrew consent for a purpose (method form, import,"
                    + " preference-centre or api; evidence: time, page, ipHash, userAgent, basis, note)")
    @ApiResponse(responseCode = "201", description = "Recorded in the append-only ledger")
    ResponseEntity<Consent> record(@RequestBody ConsentInput input, HttpServletRequest request) {
        Consent recorded = consents.record(
                input.contactId(),
                input.purpose(),
                input.granted(),
                input.method(),
                input.policyVersion(),
                input.evidence(),
                Actors.of(request));
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create("/api/v1/contacts/" + recorded.contactId() + "/consents"))
                .body(recorded);
    }

    @GetMapping("/api/v1/contacts/{id}/consents")
    @Operation(summary = "Where the contact's consent stands per purpose, and the whole ledger for them, newest first")
    ConsentManagement.ConsentState of(@PathVariable UUID id) {
        return consents.of(id);
    }

    @GetMapping("/api/v1/consent-purposes")
    @Operation(summary = "What the Client asks consent for")
    ListPage<ConsentPurpose> purposes() {
        return ListPage.complete(consents.purposes());
    }
}
