package io.team365.timeline.web;

import io.team365.contacts.ContactManagement;
import io.team365.timeline.internal.TimelineEntries;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/** The timeline part of a record's page, fetched by htmx; also a page of its own at the same URL. */
@Controller
class TimelineController {

    private final TimelineEntries entries;
    private final ContactManagement contacts;

    TimelineController(TimelineEntries entries, ContactManagement contacts) {
        this.entries = entries;
        this.contacts = contacts;
    }

    @GetMapping("/contacts/{id}/timeline")
    String contactTimeline(@PathVariable UUID id, Model model) {
        if (!contacts.exists(id)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        model.addAttribute("entries", entries.of("contact", id, null, 100));
        return "timeline/entries";
    }
}
