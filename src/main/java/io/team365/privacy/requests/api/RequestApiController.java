package io.team365.privacy.requests.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.team365.core.InvalidInput;
import io.team365.core.paging.Page;
import io.team365.core.web.ListPage;
import io.team365.identity.Actors;
import io.team365.privacy.requests.PrivacyRequest;
import io.team365.privacy.requests.RequestExecution;
import io.team365.privacy.requests.SubjectRequests;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Clock;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** API.md "Privacy": data-subject requests. Filing is open to members; the steps after it are for admins. */
@RestController
@Tag(name = "Privacy")
class RequestApiController {

    record FileInput(String type, String subjectEmail, String details) {}

    record ExtendInput(String reason, String until) {}

    record ReasonInput(String reason) {}

    record NoteInput(String note) {}

    private final SubjectRequests requests;
    private final Clock clock;

    RequestApiController(SubjectRequests requests, Clock clock) {
        this.requests = requests;
        this.clock = clock;
    }

    @PostMapping("/api/v1/privacy/requests")
    @Operation(summary = "File a data-subject request for a subject (received now, due in one calendar month)")
    @ApiResponse(responseCode = "201", description = "Filed: {id, status, dueAt, …}")
    ResponseEntity<RequestViews.Request> file(@RequestBody FileInput input, HttpServletRequest request) {
        PrivacyRequest filed =
                requests.file(input.type(), input.subjectEmail(), input.details(), "api", Actors.of(request));
        return ResponseEntity.created(URI.create("/api/v1/privacy/requests/" + filed.id()))
                .body(RequestViews.of(filed, clock.instant()));
    }

    @GetMapping("/api/v1/privacy/requests")
    @Operation(
            summary = "The queue by due date; filter[status]= open (default), all, awaiting-confirmation, received,"
                    + " verified, in-progress, completed or refused. Members see the requests they filed.")
    ListPage<RequestViews.Request> list(
            @RequestParam(name = "filter[status]", required = false) String status,
            @RequestParam(required = false) String cursor,
            @RequestParam(required = false) String limit) {
        int size = 50;
        if (limit != null) {
            try {
                size = Integer.parseInt(limit);
            } catch (NumberFormatException e) {
                size = -1;
            }
            if (size < 1 || size > 200) {
                throw InvalidInput.of("limit", "requests.error.limit");
            }
        }
        Page<PrivacyRequest> page = requests.list(status, cursor, size);
        var now = clock.instant();
        return new ListPage<>(
                page.items().stream().map(r -> RequestViews.of(r, now)).toList(), page.nextCursor());
    }

    @GetMapping("/api/v1/privacy/requests/{id}")
    @Operation(summary = "A request with its history (who, when, why) and, when there is one, its package's link")
    RequestViews.Detail get(@PathVariable UUID id) {
        return RequestViews.of(requests.get(id), clock.instant());
    }

    @PostMapping("/api/v1/privacy/requests/{id}/verify")
    @Operation(summary = "Confirm the subject's identity was checked (received → verified); the subject is emailed")
    RequestViews.Request verify(@PathVariable UUID id, HttpServletRequest request) {
        return RequestViews.of(requests.verify(id, Actors.of(request)), clock.instant());
    }

    @PostMapping("/api/v1/privacy/requests/{id}/execute")
    @Operation(
            summary = "Carry out a verified request: build the package (access, portability), erase, restrict or"
                    + " record the objection; a rectification moves to in-progress and names the records to correct")
    RequestViews.Executed execute(@PathVariable UUID id, HttpServletRequest request) {
        RequestExecution.Outcome outcome = requests.execute(id, Actors.of(request));
        return new RequestViews.Executed(
                RequestViews.of(outcome.request(), clock.instant()), RequestViews.of(outcome.recordsToEdit()));
    }

    @PostMapping("/api/v1/privacy/requests/{id}/complete")
    @Operation(summary = "Complete a rectification in progress with a note of what was corrected")
    RequestViews.Request complete(@PathVariable UUID id, @RequestBody NoteInput input, HttpServletRequest request) {
        return RequestViews.of(requests.complete(id, input.note(), Actors.of(request)), clock.instant());
    }

    @PostMapping("/api/v1/privacy/requests/{id}/extend")
    @Operation(
            summary = "Extend the due date (until: a date or an instant; at most two months beyond the original due"
                    + " date in all); the reason is emailed to the subject")
    RequestViews.Request extend(@PathVariable UUID id, @RequestBody ExtendInput input, HttpServletRequest request) {
        return RequestViews.of(requests.extend(id, input.reason(), input.until(), Actors.of(request)), clock.instant());
    }

    @PostMapping("/api/v1/privacy/requests/{id}/refuse")
    @Operation(summary = "Refuse an open request; the reason is emailed to the subject")
    RequestViews.Request refuse(@PathVariable UUID id, @RequestBody ReasonInput input, HttpServletRequest request) {
        return RequestViews.of(requests.refuse(id, input.reason(), Actors.of(request)), clock.instant());
    }

    @GetMapping("/api/v1/privacy/requests/{id}/package")
    @Operation(
            summary = "The ZIP (JSON and CSV, each value with its source) of a completed access or portability request")
    ResponseEntity<byte[]> download(@PathVariable UUID id, HttpServletRequest request) {
        byte[] zip = requests.packageFor(id, Actors.of(request));
        return ResponseEntity.status(HttpStatus.OK)
                .contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"privacy-request-" + id + ".zip\"")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(zip);
    }
}
