package io.team365.activities.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.team365.activities.Activity;
import io.team365.activities.ActivityManagement;
import io.team365.activities.ActivityPage;
import io.team365.activities.ActivityQuery;
import io.team365.core.InvalidInput;
import io.team365.core.web.ETags;
import io.team365.core.web.ListPage;
import io.team365.identity.Actors;
import io.team365.identity.SignedInUser;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.DateTimeException;
import java.time.ZoneId;
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
@Tag(name = "Activities")
class ActivityApiController {

    private final ActivityManagement activities;
    private final ObjectMapper json;

    ActivityApiController(ActivityManagement activities, ObjectMapper json) {
        this.activities = activities;
        this.json = json;
    }

    @GetMapping("/api/v1/activities")
    @Operation(
            summary = "List activities: cursor pagination, q (subject or body text), filter[type], filter[done],"
                    + " filter[ownerId] (a member's id or me), filter[recordType] with filter[recordId] (the"
                    + " activities of one record), filter[due]=overdue|today|upcoming, filter[deleted]=true for the"
                    + " trash; sort=dueAt (undated last)|createdAt|updatedAt, prefix - for descending")
    ListPage<ActivityJson> list(
            @RequestParam(defaultValue = "50") int limit,
            @RequestParam(required = false) String cursor,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String sort,
            @RequestParam(name = "filter[type]", required = false) String type,
            @RequestParam(name = "filter[done]", required = false) Boolean done,
            @RequestParam(name = "filter[ownerId]", required = false) String ownerId,
            @RequestParam(name = "filter[recordType]", required = false) String recordType,
            @RequestParam(name = "filter[recordId]", required = false) UUID recordId,
            @RequestParam(name = "filter[due]", required = false) String due,
            @Parameter(description = "The time zone whose day filter[due] means (default UTC), e.g. Europe/Paris")
                    @RequestParam(required = false)
                    String timeZone,
            @RequestParam(name = "filter[deleted]", required = false) Boolean deleted) {
        if ((recordType == null) != (recordId == null)) {
            throw InvalidInput.of(
                    recordType == null ? "filter[recordType]" : "filter[recordId]", "activity.record-filter");
        }
        ActivityPage page = activities.list(new ActivityQuery(
                q,
                blankToNull(type),
                done,
                owner(ownerId),
                recordType,
                recordId,
                blankToNull(due),
                zone(timeZone),
                Boolean.TRUE.equals(deleted),
                sort,
                cursor,
                limit));
        return new ListPage<>(page.activities().stream().map(ActivityJson::of).toList(), page.nextCursor());
    }

    @PostMapping("/api/v1/activities")
    @Operation(
            summary = "Create a task, call, meeting or note linked to 1-20 records; a note's body is HTML, kept"
                    + " sanitised; a note without a subject takes its first words")
    @ApiResponse(responseCode = "201", description = "Created")
    ResponseEntity<ActivityJson> create(@RequestBody ActivityInput input, HttpServletRequest request) {
        Activity created = activities.create(input.fields(), Actors.of(request));
        return ResponseEntity.created(URI.create("/api/v1/activities/" + created.id()))
                .eTag(ETags.of(created.version()))
                .body(ActivityJson.of(created));
    }

    @GetMapping("/api/v1/activities/{id}")
    @Operation(summary = "One activity (also from the trash); the read is recorded in the audit trail")
    ResponseEntity<ActivityJson> get(@PathVariable UUID id, HttpServletRequest request) {
        return ok(activities.view(id, Actors.of(request)));
    }

    @PatchMapping(
            path = "/api/v1/activities/{id}",
            consumes = {"application/merge-patch+json", "application/json"})
    @Operation(summary = "Change an activity (JSON merge patch); If-Match with a stale ETag gives 412")
    @ApiResponse(responseCode = "412", description = "The activity changed since the ETag was read")
    ResponseEntity<ActivityJson> update(
            @PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @RequestBody JsonNode patch,
            HttpServletRequest request) {
        return ok(activities.update(
                id,
                ETags.expectedVersion(ifMatch),
                current -> ActivityPatch.apply(patch, current, json),
                Actors.of(request)));
    }

    @PostMapping("/api/v1/activities/{id}/complete")
    @Operation(summary = "Mark an activity done (no change if it already is)")
    ResponseEntity<ActivityJson> complete(@PathVariable UUID id, HttpServletRequest request) {
        return ok(activities.complete(id, Actors.of(request)));
    }

    @PostMapping("/api/v1/activities/{id}/reopen")
    @Operation(summary = "Open a done activity again (no change if it is open)")
    ResponseEntity<ActivityJson> reopen(@PathVariable UUID id, HttpServletRequest request) {
        return ok(activities.reopen(id, Actors.of(request)));
    }

    @DeleteMapping("/api/v1/activities/{id}")
    @Operation(summary = "Move an activity to the trash (restorable for 30 days)")
    @ApiResponse(responseCode = "204", description = "In the trash")
    ResponseEntity<Void> delete(@PathVariable UUID id, HttpServletRequest request) {
        activities.trash(id, Actors.of(request));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/v1/activities/{id}/restore")
    @Operation(summary = "Bring an activity back from the trash")
    ResponseEntity<ActivityJson> restore(@PathVariable UUID id, HttpServletRequest request) {
        return ok(activities.restore(id, Actors.of(request)));
    }

    private static ResponseEntity<ActivityJson> ok(Activity activity) {
        return ResponseEntity.ok().eTag(ETags.of(activity.version())).body(ActivityJson.of(activity));
    }

    /** {@code me} is the caller; anything else must be a member's id. */
    private static UUID owner(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.strip().equals("me")) {
            return SignedInUser.require().userId();
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw InvalidInput.of("filter[ownerId]", "activity.owner-filter");
        }
    }

    private static ZoneId zone(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return ZoneId.of(value.strip());
        } catch (DateTimeException e) {
            throw InvalidInput.of("timeZone", "validation.time-zone");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
