package io.team365.activities.web;

import io.team365.activities.Activity;
import io.team365.activities.ActivityLink;
import io.team365.activities.ActivityManagement;
import io.team365.core.InvalidInput;
import io.team365.core.NotFound;
import io.team365.core.RecordLinks;
import io.team365.core.RecordRef;
import io.team365.core.web.FormErrors;
import io.team365.identity.Actors;
import io.team365.identity.SignedInUser;
import io.team365.identity.TeamManagement;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The activities panel of a record's page (loaded by htmx, also a page of its own at the same URL), its quick-add
 * form, and ticking activities done or open again from any list. Without JavaScript the same forms post and
 * redirect back; htmx adds {@code view} (hx-vals), and gets only the panel or the ticked item re-rendered.
 */
@Controller
class ActivityPanelController {

    private final ActivityManagement activities;
    private final RecordLinks records;
    private final TeamManagement team;
    private final MessageSource messages;

    ActivityPanelController(
            ActivityManagement activities, RecordLinks records, TeamManagement team, MessageSource messages) {
        this.activities = activities;
        this.records = records;
        this.team = team;
        this.messages = messages;
    }

    @GetMapping("/activities/panel")
    String panel(@RequestParam String recordType, @RequestParam String recordId, Model model) {
        RecordRef record = record(recordType, recordId);
        return panel(model, record, blankForm(record), FormErrors.none(), null);
    }

    @PostMapping("/activities/panel")
    String quickAdd(
            @RequestParam String recordType,
            @RequestParam String recordId,
            @RequestParam(required = false) String view,
            @ModelAttribute ActivityForm form,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            Locale locale) {
        RecordRef record = record(recordType, recordId);
        ActivityForm about = new ActivityForm(
                form.type(),
                form.subject(),
                form.body(),
                form.dueAt(),
                form.endAt(),
                form.ownerId(),
                record.type(),
                record.id().toString(),
                null);
        try {
            activities.create(about.toNew(Pages.zone(model), activities::validate), Actors.of(request));
        } catch (InvalidInput invalid) {
            FormErrors errors = FormErrors.of(invalid, messages, locale);
            if ("panel".equals(view)) {
                // htmx swaps only successful responses: the panel with its errors is one
                return panel(model, record, about, errors, null);
            }
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("form", about);
            model.addAttribute("errors", errors.renamed("links", "form"));
            model.addAttribute("record", record);
            model.addAttribute("members", team.members());
            return "activities/new";
        }
        if ("panel".equals(view)) {
            return panel(model, record, blankForm(record), FormErrors.none(), "created");
        }
        return "redirect:" + record.path();
    }

    @PostMapping("/activities/{id}/complete")
    String complete(
            @PathVariable UUID id,
            @RequestParam(required = false) String view,
            @RequestParam(required = false) String next,
            @RequestParam(required = false) String recordType,
            @RequestParam(required = false) String recordId,
            HttpServletRequest request,
            Model model) {
        return ticked(id, true, view, next, recordType, recordId, request, model);
    }

    @PostMapping("/activities/{id}/reopen")
    String reopen(
            @PathVariable UUID id,
            @RequestParam(required = false) String view,
            @RequestParam(required = false) String next,
            @RequestParam(required = false) String recordType,
            @RequestParam(required = false) String recordId,
            HttpServletRequest request,
            Model model) {
        return ticked(id, false, view, next, recordType, recordId, request, model);
    }

    private String ticked(
            UUID id,
            boolean done,
            String view,
            String next,
            String recordType,
            String recordId,
            HttpServletRequest request,
            Model model) {
        Activity activity;
        try {
            activity = done ? activities.complete(id, Actors.of(request)) : activities.reopen(id, Actors.of(request));
        } catch (NotFound gone) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        if ("panel".equals(view)) {
            RecordRef record = record(recordType, recordId);
            return panel(model, record, blankForm(record), FormErrors.none(), null);
        }
        if ("item".equals(view)) {
            model.addAttribute("activity", activity);
            model.addAttribute("view", "item");
            model.addAttribute("next", Pages.localPath(next, "/activities"));
            return "activities/item";
        }
        return "redirect:" + Pages.localPath(next, "/activities/" + id);
    }

    /** The record, if the caller may see it; 404 otherwise, the same for a malformed id. */
    private RecordRef record(String recordType, String recordId) {
        UUID id = Pages.uuid(recordId);
        if (!ActivityLink.TYPES.contains(recordType)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return records.find(recordType, id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private static ActivityForm blankForm(RecordRef record) {
        return ActivityForm.empty(
                null,
                record.type(),
                record.id().toString(),
                SignedInUser.require().userId());
    }

    private String panel(Model model, RecordRef record, ActivityForm form, FormErrors errors, String done) {
        model.addAttribute("record", record);
        model.addAttribute("activities", activities.ofRecord(record.type(), record.id()));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("done", done);
        return "activities/panel";
    }
}
