package io.team365.timeline.web;

import io.team365.core.RecordLinks;
import io.team365.core.RecordRef;
import io.team365.identity.Member;
import io.team365.identity.TeamManagement;
import io.team365.timeline.TimelineEntry;
import io.team365.timeline.internal.RecordTypes;
import io.team365.timeline.internal.TimelineEntries;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
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
    private final TeamManagement team;

    private final io.team365.audit.AuditTrail audit;
    private final List<io.team365.timeline.TimelineSource> sources;

    TimelineController(
            TimelineEntries entries,
            RecordLinks records,
            TeamManagement team,
            io.team365.audit.AuditTrail audit,
            List<io.team365.timeline.TimelineSource> sources) {
        this.audit = audit;
        this.sources = sources;
        this.entries = entries;
        this.records = records;
        this.team = team;
    }

    @GetMapping("/{collection:contacts|companies|leads|deals|activities}/{id}/timeline")
    String timeline(
            @PathVariable String collection,
            @PathVariable UUID id,
            Model model,
            jakarta.servlet.http.HttpServletRequest request) {
        String type = RecordTypes.ofCollection(collection);
        if (records.find(type, id).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        List<TimelineEntry> found = withSources(entries.of(type, id, null, 100), type, id, 100);
        audit.record(
                io.team365.identity.SignedInUser.require().tenant(),
                io.team365.identity.Actors.of(request),
                "timeline.viewed",
                type,
                id.toString(),
                Map.of("count", found.size()));
        model.addAttribute("entries", found);
        model.addAttribute("names", names(found));
        return "timeline/entries";
    }

    /** The stored entries and those of other sources (emails), newest first, as the caller may see them. */
    private List<TimelineEntry> withSources(List<TimelineEntry> stored, String type, UUID id, int limit) {
        if (sources.isEmpty()) {
            return stored;
        }
        List<TimelineEntry> all = new java.util.ArrayList<>(stored);
        sources.forEach(source -> all.addAll(source.entriesOf(type, id, limit)));
        all.sort(java.util.Comparator.comparing(TimelineEntry::occurredAt)
                .thenComparing(TimelineEntry::id)
                .reversed());
        return all.size() > limit ? List.copyOf(all.subList(0, limit)) : all;
    }

    /**
     * The history keeps ids (names change, ids do not); people read the owner's name and the company's, as they are
     * now and as far as the reader may see them.
     */
    private Map<String, String> names(List<TimelineEntry> found) {
        Map<String, String> names = new HashMap<>();
        List<TimelineEntry.Change> changes =
                found.stream().flatMap(e -> e.changes().stream()).toList();
        if (changes.stream().anyMatch(c -> c.field().equals("ownerId"))) {
            for (Member member : team.members()) {
                names.put(member.userId().toString(), member.name());
            }
        }
        changes.stream()
                .filter(c -> c.field().equals("companyId"))
                .flatMap(c -> Stream.of(c.from(), c.to()))
                .filter(value -> value != null && !names.containsKey(value))
                .distinct()
                .forEach(value -> company(value).ifPresent(ref -> names.put(value, ref.title())));
        return names;
    }

    private java.util.Optional<RecordRef> company(String id) {
        try {
            return records.find("company", UUID.fromString(id));
        } catch (IllegalArgumentException notAnId) {
            return java.util.Optional.empty();
        }
    }
}
