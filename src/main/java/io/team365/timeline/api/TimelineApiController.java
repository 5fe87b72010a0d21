package io.team365.timeline.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.team365.core.RecordLinks;
import io.team365.core.web.ListPage;
import io.team365.timeline.TimelineEntry;
import io.team365.timeline.internal.RecordTypes;
import io.team365.timeline.internal.TimelineEntries;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Timeline")
class TimelineApiController {

    private final TimelineEntries entries;
    private final RecordLinks records;

    private final io.team365.audit.AuditTrail audit;

    TimelineApiController(TimelineEntries entries, RecordLinks records, io.team365.audit.AuditTrail audit) {
        this.audit = audit;
        this.entries = entries;
        this.records = records;
    }

    @GetMapping("/api/v1/{collection:contacts|companies|leads|deals|activities}/{id}/timeline")
    @Operation(
            summary = "Everything that happened to a contact, company, lead or deal, newest first: field history,"
                    + " activities, attachments")
    ListPage<TimelineEntry> timeline(
            @PathVariable String collection,
            @PathVariable UUID id,
            @RequestParam(defaultValue = "50") int limit,
            @RequestParam(required = false) UUID cursor,
            jakarta.servlet.http.HttpServletRequest request) {
        String type = RecordTypes.ofCollection(collection);
        records.require(type, id);
        int size = Math.min(Math.max(limit, 1), 200);
        List<TimelineEntry> page = entries.of(type, id, cursor, size + 1);
        boolean more = page.size() > size;
        List<TimelineEntry> shown = more ? page.subList(0, size) : page;
        audit.record(
                io.team365.identity.SignedInUser.require().tenant(),
                io.team365.identity.Actors.of(request),
                "timeline.viewed",
                type,
                id.toString(),
                java.util.Map.of("count", shown.size()));
        return new ListPage<>(shown, more ? shown.getLast().id().toString() : null);
    }
}
