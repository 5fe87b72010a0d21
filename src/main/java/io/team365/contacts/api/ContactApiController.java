package io.team365.contacts.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.team365.contacts.Contact;
import io.team365.contacts.ContactBulkActions;
import io.team365.contacts.ContactFields;
import io.team365.contacts.ContactManagement;
import io.team365.contacts.ContactPage;
import io.team365.contacts.ContactQuery;
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
@Tag(name = "Contacts")
class ContactApiController {

    private final ContactManagement contacts;
    private final ContactBulkActions bulk;
    private final ObjectMapper json;

    ContactApiController(ContactManagement contacts, ContactBulkActions bulk, ObjectMapper json) {
        this.bulk = bulk;
        this.contacts = contacts;
        this.json = json;
    }

    @GetMapping("/api/v1/contacts")
    @Operation(
            summary = "List contacts: cursor pagination; q (name or email); filter[deleted]=true for the trash;"
                    + " filters filter[<field>]=value or filter[<field>][<op>]=value on firstName, lastName, email,"
                    + " phone, jobTitle, source, companyId, ownerId (or me), tag, createdAt, updatedAt and"
                    + " customFields.<key>; ops eq, ne, contains, starts, gt, gte, lt, lte, has, nothas, empty,"
                    + " notempty; sort=updatedAt|createdAt|lastName|customFields.<key> (prefix - for descending)")
    ListPage<ContactJson> list(
            @RequestParam(defaultValue = "50") int limit,
            @RequestParam(required = false) String cursor,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String sort,
            @RequestParam(name = "filter[deleted]", required = false) Boolean deleted,
            HttpServletRequest request) {
        ContactPage page = contacts.list(new ContactQuery(
                q,
                Filters.fromParameters(request.getParameterMap(), List.of("filter[deleted]")),
                Boolean.TRUE.equals(deleted),
                sort,
                cursor,
                limit));
        return new ListPage<>(page.contacts().stream().map(ContactJson::of).toList(), page.nextCursor());
    }

    @PostMapping("/api/v1/contacts")
    @Operation(summary = "Create a contact")
    @ApiResponse(responseCode = "201", description = "Created")
    ResponseEntity<ContactJson> create(@RequestBody ContactFields input, HttpServletRequest request) {
        Contact created = contacts.create(input, Actors.of(request));
        return ResponseEntity.created(URI.create("/api/v1/contacts/" + created.id()))
                .eTag(etag(created))
                .body(ContactJson.of(created));
    }

    @GetMapping("/api/v1/contacts/{id}")
    @Operation(summary = "One contact (also from the trash); the read is recorded in the audit trail")
    ResponseEntity<ContactJson> get(@PathVariable UUID id, HttpServletRequest request) {
        Contact contact = contacts.view(id, Actors.of(request));
        return ResponseEntity.ok().eTag(etag(contact)).body(ContactJson.of(contact));
    }

    @PatchMapping(
            path = "/api/v1/contacts/{id}",
            consumes = {"application/merge-patch+json", "application/json"})
    @Operation(summary = "Change a contact (JSON merge patch); If-Match with a stale ETag gives 412")
    @ApiResponse(responseCode = "412", description = "The contact changed since the ETag was read")
    ResponseEntity<ContactJson> update(
            @PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @RequestBody JsonNode patch,
            HttpServletRequest request) {
        Contact updated = contacts.update(
                id,
                ETags.expectedVersion(ifMatch),
                current -> ContactPatch.apply(patch, current, json),
                Actors.of(request));
        return ResponseEntity.ok().eTag(etag(updated)).body(ContactJson.of(updated));
    }

    @PostMapping("/api/v1/contacts/bulk")
    @Operation(
            summary = "Apply one action to up to 200 contacts: {\"ids\": [...], \"action\": \"assign-owner\"|"
                    + "\"add-tag\"|\"remove-tag\"|\"delete\", \"ownerId\", \"tag\"}; each contact changes on its"
                    + " own, and those that cannot change are listed as skipped")
    BulkAction.Result bulk(@RequestBody BulkAction action, HttpServletRequest request) {
        return bulk.apply(action, Actors.of(request));
    }

    @DeleteMapping("/api/v1/contacts/{id}")
    @Operation(summary = "Move a contact to the trash (restorable for 30 days)")
    @ApiResponse(responseCode = "204", description = "In the trash")
    ResponseEntity<Void> delete(@PathVariable UUID id, HttpServletRequest request) {
        contacts.trash(id, Actors.of(request));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/v1/contacts/{id}/restore")
    @Operation(summary = "Bring a contact back from the trash")
    ResponseEntity<ContactJson> restore(@PathVariable UUID id, HttpServletRequest request) {
        Contact restored = contacts.restore(id, Actors.of(request));
        return ResponseEntity.ok().eTag(etag(restored)).body(ContactJson.of(restored));
    }

    private static String etag(Contact contact) {
        return ETags.of(contact.version());
    }
}
