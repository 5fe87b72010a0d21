package io.team365.timeline.web;

import io.team365.core.RecordLinks;
import io.team365.timeline.internal.RecordTypes;
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
    private final RecordLinks records;

    TimelineController(TimelineEntries entries, RecordLinks records) {
        this.entries = entries;
        this.records = records;
    }

    @GetMapping("/{collection:contacts|companies|leads|deals|activities}/{id}/timeline")
    String timeline(@PathVariable String collection, @PathVariable UUID id, Model model) {
        String type = RecordTypes.ofCollection(collection);
        if (records.find(type, id).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        model.addAttribute("entries", entries.of(type, id, null, 100));
        return "timeline/entries";
    }
}
