package io.team365.privacy.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.team365.core.web.ListPage;
import io.team365.identity.Actors;
import io.team365.privacy.Consent;
import io.team365.privacy.ConsentManagement;
import io.team365.privacy.ConsentPurpose;
import io.team365.privacy.ConsentPurposes;
import io.team365.privacy.PreferenceLinks;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
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

    /** {@code {"key", "label", "description", "marketing"}}. */
    record NewPurposeInput(String key, String label, String description, Boolean marketing) {}

    /** Merge patch: {@code {"label", "description", "marketing", "archived"}}, each optional. */
    record PurposePatch(String label, String description, Boolean marketing, Boolean archived) {}

    private final ConsentManagement consents;
    private final ConsentPurposes purposes;
    private final PreferenceLinks links;

    ConsentApiController(ConsentManagement consents, ConsentPurposes purposes, PreferenceLinks links) {
        this.consents = consents;
        this.purposes = purposes;
        this.links = links;
    }

    @PostMapping("/api/v1/consent-purposes")
    @Operation(summary = "Add a purpose the Client asks consent for (admins); the key never changes afterwards")
    @ApiResponse(responseCode = "201", description = "Added")
    @ApiResponse(responseCode = "409", description = "The key is taken (archived purposes keep theirs)")
    ResponseEntity<ConsentPurpose> addPurpose(@RequestBody NewPurposeInput input, HttpServletRequest request) {
        ConsentPurpose added = purposes.add(
                new ConsentPurposes.NewPurpose(input.key(), input.label(), input.description(), input.marketing()),
                Actors.of(request));
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create("/api/v1/consent-purposes/" + added.key()))
                .body(added);
    }

    @PatchMapping("/api/v1/consent-purposes/{key}")
    @Operation(
            summary = "Change a purpose's label, description or marketing flag, or archive it (archived: true) so it is"
                    + " no longer offered; its history stays (admins)")
    ConsentPurpose changePurpose(
            @PathVariable String key, @RequestBody PurposePatch patch, HttpServletRequest request) {
        return purposes.change(
                key,
                new ConsentPurposes.PurposeChange(
                        patch.label(), patch.description(), patch.marketing(), patch.archived()),
                Actors.of(request));
    }

    /** {@code preferenceUrl}, {@code unsubscribeUrl}, {@code expiresAt} and the RFC 8058 {@code headers}. */
    record PreferenceLinkBody(
            String preferenceUrl, String unsubscribeUrl, String expiresAt, Map<String, String> headers) {}

    @PostMapping("/api/v1/contacts/{id}/preference-link")
    @Operation(
            summary = "A link to the contact's preference centre (valid for a year), the one-click unsubscribe link and"
                    + " the List-Unsubscribe headers, for the Client's own mail")
    PreferenceLinkBody preferenceLink(@PathVariable UUID id, HttpServletRequest request) {
        PreferenceLinks.Links made = links.forContact(id, Actors.of(request));
        return new PreferenceLinkBody(
                made.preferenceUrl(), made.unsubscribeUrl(), made.expiresAt().toString(), made.headers());
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
