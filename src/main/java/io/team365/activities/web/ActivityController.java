package io.team365.activities.web;

import io.team365.activities.Activity;
import io.team365.activities.ActivityManagement;
import io.team365.activities.ActivityQuery;
import io.team365.core.InvalidInput;
import io.team365.core.NotFound;
import io.team365.core.PreconditionFailed;
import io.team365.core.RecordLinks;
import io.team365.core.RecordRef;
import io.team365.core.web.FormErrors;
import io.team365.identity.Actors;
import io.team365.identity.Member;
import io.team365.identity.SignedInUser;
import io.team365.identity.TeamManagement;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
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

/** The activity pages: "My tasks", a new activity about a record, and an activity's own page. */
@Controller
class ActivityController {

    private final ActivityManagement activities;
    private final TeamManagement team;
    private final RecordLinks records;
    private final MessageSource messages;

    ActivityController(
            ActivityManagement activities, TeamManagement team, RecordLinks records, MessageSource messages) {
        this.activities = activities;
        this.team = team;
        this.records = records;
        this.messages = messages;
    }

    /** {@code who} is me (default) or all; {@code show} is open (default), done or trash. */
    @GetMapping("/activities")
    String list(
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String who,
            @RequestParam(required = false) String show,
            @RequestParam(required = false) String done,
            Model model) {
        String typeFilter = type != null && Activity.TYPES.contains(type) ? type : "";
        String whoFilter = "all".equals(who) ? "all" : "me";
        String showFilter = "done".equals(show) || "trash".equals(show) ? show : "open";
        UUID owner = whoFilter.equals("me") ? SignedInUser.require().userId() : null;
        boolean open = showFilter.equals("open");
        List<Activity> found = activities
                .list(new ActivityQuery(
                        null,
                        typeFilter.isEmpty() ? null : typeFilter,
                        showFilter.equals("trash") ? null : !open,
                        owner,
                        null,
                        null,
                        null,
                        null,
                        showFilter.equals("trash"),
                        open ? "dueAt" : "-updatedAt",
                        null,
                        200))
                .activities();
        model.addAttribute("agenda", open ? Agenda.of(found, Instant.now(), Pages.zone(model)) : Agenda.done(found));
        model.addAttribute("type", typeFilter);
        model.addAttribute("who", whoFilter);
        model.addAttribute("show", showFilter);
        model.addAttribute("owners", ownerNames());
        model.addAttribute("done", done);
        return "activities/list";
    }

    @GetMapping("/activities/new")
    String newActivity(
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String recordType,
            @RequestParam(required = false) String recordId,
            Model model) {
        ActivityForm form = ActivityForm.empty(
                type, recordType, recordId, SignedInUser.require().userId());
        return form(model, form, FormErrors.none());
    }

    @PostMapping("/activities")
    String create(
            @ModelAttribute ActivityForm form,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            Locale locale) {
        try {
            Activity created =
                    activities.create(form.toNew(Pages.zone(model), activities::validate), Actors.of(request));
            return "redirect:/activities/" + created.id() + "?done=created";
        } catch (InvalidInput invalid) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return form(model, form, FormErrors.of(invalid, messages, locale));
        }
    }

    @GetMapping("/activities/{id}")
    String show(
            @PathVariable UUID id,
            @RequestParam(required = false) String done,
            HttpServletRequest request,
            Model model) {
        Activity activity = find(id, request);
        return page(model, activity, ActivityForm.of(activity, Pages.zone(model)), FormErrors.none(), done);
    }

    @PostMapping("/activities/{id}")
    String update(
            @PathVariable UUID id,
            @ModelAttribute ActivityForm form,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            Locale locale) {
        ZoneId zone = Pages.zone(model);
        try {
            activities.update(
                    id,
                    form.version(),
                    current -> form.applyTo(current, zone, activities::validate),
                    Actors.of(request));
            return "redirect:/activities/" + id + "?done=saved";
        } catch (InvalidInput invalid) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return page(model, find(id, request), form, FormErrors.of(invalid, messages, locale), null);
        } catch (PreconditionFailed stale) {
            // show what the other person saved; the reader redoes their change on top of it
            response.setStatus(HttpStatus.CONFLICT.value());
            Activity current = find(id, request);
            String message = messages.getMessage("activity.stale", null, locale);
            return page(model, current, ActivityForm.of(current, zone), FormErrors.single("form", message), null);
        } catch (NotFound gone) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }

    @PostMapping("/activities/{id}/delete")
    String delete(@PathVariable UUID id, HttpServletRequest request) {
        try {
            activities.trash(id, Actors.of(request));
        } catch (NotFound gone) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return "redirect:/activities?done=trashed";
    }

    @PostMapping("/activities/{id}/restore")
    String restore(@PathVariable UUID id, HttpServletRequest request) {
        try {
            activities.restore(id, Actors.of(request));
        } catch (NotFound gone) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return "redirect:/activities/" + id + "?done=restored";
    }

    private Activity find(UUID id, HttpServletRequest request) {
        try {
            return activities.view(id, Actors.of(request));
        } catch (NotFound gone) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }

    private Map<UUID, String> ownerNames() {
        return team.members().stream().collect(Collectors.toMap(Member::userId, Member::name, (a, b) -> a));
    }

    private String form(Model model, ActivityForm form, FormErrors errors) {
        Optional<RecordRef> record = Optional.ofNullable(Pages.uuid(form.recordId()))
                .flatMap(recordId -> records.find(form.recordType(), recordId));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors.renamed("links", "form"));
        model.addAttribute("record", record.orElse(null));
        model.addAttribute("members", team.members());
        return "activities/new";
    }

    private String page(Model model, Activity activity, ActivityForm form, FormErrors errors, String done) {
        List<RecordRef> linked = activity.links().stream()
                .flatMap(link -> records.find(link.type(), link.id()).stream())
                .toList();
        model.addAttribute("activity", activity);
        model.addAttribute("linked", linked);
        model.addAttribute("hiddenLinks", activity.links().size() - linked.size());
        model.addAttribute("owners", ownerNames());
        model.addAttribute("members", team.members());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("done", done);
        return "activities/show";
    }
}
