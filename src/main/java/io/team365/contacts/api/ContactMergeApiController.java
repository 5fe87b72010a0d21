package io.team365.contacts.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.team365.contacts.Contact;
import io.team365.contacts.ContactMerge;
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

/** Merging duplicate contacts into one (docs/duplicates.md, ADR 0017). */
@RestController
@Tag(name = "Contacts")
class ContactMergeApiController {

    private final ContactMerge merge;

    ContactMergeApiController(ContactMerge merge) {
        this.merge = merge;
    }

    @PostMapping("/api/v1/contacts/{id}/merge")
    @Operation(
            summary = "Merge up to 4 contacts into this one: {\"mergeIds\": [...], \"versions\": {\"<id>\": <version>,"
                    + " ...every record, this one included}, \"fields\": {\"firstName\": \"<id of the record whose"
                    + " value to keep>\", ...}} (fields: firstName, lastName, jobTitle, companyId, ownerId, source,"
                    + " address, primaryEmail, customFields.<key>; default this contact's value, else the first"
                    + " non-empty). Emails, phones, tags and social links are unioned. Activities, attachments, deals,"
                    + " consents and the timeline move here; the merged contacts are deleted and their old ids"
                    + " redirect here in the app")
    @ApiResponse(responseCode = "200", description = "The merged contact")
    @ApiResponse(responseCode = "409", description = "A contact's processing is restricted")
    @ApiResponse(responseCode = "412", description = "A contact changed since its version was read")
    ResponseEntity<ContactJson> merge(
            @PathVariable UUID id, @RequestBody MergeRequest body, HttpServletRequest request) {
        Contact merged = merge.merge(id, body, Actors.of(request));
        return ResponseEntity.ok().eTag(ETags.of(merged.version())).body(ContactJson.of(merged));
    }
}
