package io.team365.privacy.requests.web;

import io.team365.core.Conflict;
import io.team365.core.InvalidInput;
import io.team365.core.paging.Page;
import io.team365.core.web.FormErrors;
import io.team365.core.web.Texts;
import io.team365.identity.Actors;
import io.team365.identity.Member;
import io.team365.identity.TeamManagement;
import io.team365.privacy.internal.SubjectRecords;
import io.team365.privacy.requests.PrivacyRequest;
import io.team365.privacy.requests.RequestExecution;
import io.team365.privacy.requests.RequestStatus;
import io.team365.privacy.requests.SubjectRequests;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Settings → Privacy requests, for admins: the queue by due date (overdue and due-soon said in words), a request's
 * page with its history and the next steps, and a form to file a request for a subject.
 */
@Controller
class RequestSettingsController {

    static final int PAGE_SIZE = 50;
    static final List<String> FILTERS = List.of(
            "open", "all", "awaiting-confirmation", "received", "verified", "in-progress", "completed", "refused");

    private final SubjectRequests requests;
    private final TeamManagement team;
    private final MessageSource messages;
    private final Clock clock;

    RequestSettingsController(SubjectRequests requests, TeamManagement team, MessageSource messages, Clock clock) {
        this.requests = requests;
        this.team = team;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/settings/privacy/requests")
    String queue(
            @RequestParam(required = false) String status, @RequestParam(required = false) String cursor, Model model) {
        String filter = status != null && FILTERS.contains(status) ? status : "open";
        Page<PrivacyRequest> page;
        try {
            page = requests.list(filter, cursor, PAGE_SIZE);
        } catch (InvalidInput badCursor) {
            page = requests.list(filter, null, PAGE_SIZE);
        }
        model.addAttribute("requests", page.items());
        model.addAttribute("nextCursor", page.nextCursor());
        model.addAttribute("filter", filter);
        model.addAttribute("filters", FILTERS);
        model.addAttribute("now", clock.instant());
        return "privacy/requests-queue";
    }

    @GetMapping("/settings/privacy/requests/new")
    String newForm(Model model) {
        return form(model, "", "", "", FormErrors.none());
    }

    @PostMapping("/settings/privacy/requests")
    String file(
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String subjectEmail,
            @RequestParam(required = false) String details,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            Locale locale) {
        try {
            PrivacyRequest filed = requests.file(type, subjectEmail, details, "settings", Actors.of(request));
            return "redirect:/settings/privacy/requests/" + filed.id() + "?done=filed";
        } catch (InvalidInput invalid) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return form(model, type, subjectEmail, details, FormErrors.of(invalid, messages, locale));
        }
    }

    private String form(Model model, String type, String email, String details, FormErrors errors) {
        model.addAttribute("type", type == null ? "" : type);
        model.addAttribute("subjectEmail", email == null ? "" : email);
        model.addAttribute("details", details == null ? "" : details);
        model.addAttribute("errors", errors);
        return "privacy/requests-new";
    }

    @GetMapping("/settings/privacy/requests/{id}")
    String detail(@PathVariable UUID id, @RequestParam(required = false) String done, Model model) {
        return detail(id, done, null, FormErrors.none(), null, model);
    }

    @PostMapping("/settings/privacy/requests/{id}/{step}")
    String step(
            @PathVariable UUID id,
            @PathVariable String step,
            @RequestParam(required = false) String reason,
            @RequestParam(required = false) String until,
            @RequestParam(required = false) String note,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            Locale locale) {
        var actor = Actors.of(request);
        try {
            switch (step) {
                case "verify" -> requests.verify(id, actor);
                case "execute" -> {
                    RequestExecution.Outcome outcome = requests.execute(id, actor);
                    if (outcome.recordsToEdit() != null) {
                        return detail(id, "started", null, FormErrors.none(), outcome.recordsToEdit(), model);
                    }
                }
                case "complete" -> requests.complete(id, note, actor);
                case "extend" -> requests.extend(id, reason, until, actor);
                case "refuse" -> requests.refuse(id, reason, actor);
                default -> {
                    response.setStatus(HttpStatus.NOT_FOUND.value());
                    return detail(id, null, null, FormErrors.none(), null, model);
                }
            }
            return "redirect:/settings/privacy/requests/" + id + "?done=" + step;
        } catch (InvalidInput invalid) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return detail(id, null, null, FormErrors.of(invalid, messages, locale), null, model);
        } catch (Conflict conflict) {
            response.setStatus(HttpStatus.CONFLICT.value());
            String problem = Texts.of(messages, conflict.messageKey(), null, locale);
            return detail(id, null, problem, FormErrors.none(), null, model);
        }
    }

    private String detail(
            UUID id, String done, String problem, FormErrors errors, SubjectRecords records, Model model) {
        SubjectRequests.Detail detail = requests.get(id);
        PrivacyRequest request = detail.request();
        model.addAttribute("detail", detail);
        // who took each step, by name; someone who left the Client shows as "a user"
        model.addAttribute(
                "names",
                team.members().stream().collect(java.util.stream.Collectors.toMap(Member::userId, Member::name)));
        model.addAttribute("now", clock.instant());
        model.addAttribute(
                "done",
                done != null
                                && List.of("filed", "verify", "execute", "complete", "extend", "refuse", "started")
                                        .contains(done)
                        ? done
                        : null);
        model.addAttribute("problem", problem);
        model.addAttribute("errors", errors);
        model.addAttribute("records", records);
        model.addAttribute(
                "latestDue",
                request.originalDueAt() == null
                        ? ""
                        : request.originalDueAt()
                                .atZone(ZoneOffset.UTC)
                                .plusMonths(2)
                                .toLocalDate()
                                .toString());
        model.addAttribute("open", request.status().open());
        model.addAttribute("canVerify", request.status() == RequestStatus.RECEIVED);
        model.addAttribute("canExecute", request.status() == RequestStatus.VERIFIED);
        model.addAttribute(
                "canComplete",
                request.status() == RequestStatus.IN_PROGRESS
                        && request.type() == io.team365.privacy.requests.RequestType.RECTIFICATION);
        return "privacy/requests-detail";
    }

    @GetMapping("/settings/privacy/requests/{id}/package")
    ResponseEntity<byte[]> download(@PathVariable UUID id, HttpServletRequest request) {
        byte[] zip = requests.packageFor(id, Actors.of(request));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"privacy-request-" + id + ".zip\"")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(zip);
    }
}
