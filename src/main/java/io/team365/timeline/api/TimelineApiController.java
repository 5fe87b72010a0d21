package io.team365.timeline.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.team365.contacts.ContactManagement;
import io.team365.core.NotFound;
import io.team365.core.web.ListPage;
import io.team365.timeline.TimelineEntry;
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
    private final ContactManagement contacts;

    TimelineApiController(TimelineEntries entries, ContactManagement contacts) {
        this.entries = entries;
        this.contacts = contacts;
    }

    @GetMapping("/api/v1/contacts/{id}/timeline")
    @Operation(summary = "Everything that happened to a contact, newest first, with field history")
    ListPage<TimelineEntry> contactTimeline(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "50") int limit,
            @RequestParam(required = false) UUID cursor) {
        if (!contacts.exists(id)) {
            throw new NotFound("contact");
        }
        int size = Math.min(Math.max(limit, 1), 200);
        List<TimelineEntry> page = entries.of("contact", id, cursor, size + 1);
        boolean more = page.size() > size;
        List<TimelineEntry> shown = more ? page.subList(0, size) : page;
        return new ListPage<>(shown, more ? shown.getLast().id().toString() : null);
    }
}
