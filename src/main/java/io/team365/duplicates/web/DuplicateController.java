package io.team365.duplicates.web;

import io.team365.core.Conflict;
import io.team365.core.InvalidInput;
import io.team365.core.MergeRequest;
import io.team365.core.NotFound;
import io.team365.core.PreconditionFailed;
import io.team365.duplicates.DuplicateReview;
import io.team365.identity.Actors;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The duplicate review of contacts and of companies ({@code /contacts/duplicates}, {@code /companies/duplicates}),
 * "not duplicates", and the merge screen ({@code /contacts/merge?ids=…}) that lets the person pick each field's
 * value before merging.
 */
@Controller
class DuplicateController {

    private static final int PAGE_SIZE = 50;

    private final DuplicateReview review;
    private final MergeScreens screens;
    private final MessageSource messages;

    DuplicateController(DuplicateReview review, MergeScreens screens, MessageSource messages) {
        this.review = review;
        this.screens = screens;
        this.messages = messages;
    }

    @GetMapping({"/contacts/duplicates", "/companies/duplicates"})
    String review(HttpServletRequest request, @RequestParam(required = false) String done, Model model) {
        String records = records(request);
        String type = typeOf(records);
        model.addAttribute("type", type);
        model.addAttribute("path", "/" + records);
        model.addAttribute("groups", review.groups(type, PAGE_SIZE));
        model.addAttribute("done", "dismissed".equals(done) ? done : null);
        return "duplicates/review";
    }

    @PostMapping({"/contacts/duplicates/dismiss", "/companies/duplicates/dismiss"})
    String dismiss(HttpServletRequest request, @RequestParam(required = false) List<String> ids) {
        String records = records(request);
        try {
            review.dismiss(typeOf(records), parse(ids), Actors.of(request));
        } catch (NotFound | InvalidInput gone) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return "redirect:/" + records + "/duplicates?done=dismissed";
    }

    @GetMapping({"/contacts/merge", "/companies/merge"})
    String mergeScreen(
            HttpServletRequest request,
            @RequestParam(required = false) List<String> ids,
            @RequestParam(required = false) UUID survivor,
            Model model) {
        MergeScreen screen = screens.of(typeOf(records(request)), parse(ids), survivor);
        model.addAttribute("screen", screen);
        return "duplicates/merge";
    }

    @PostMapping({"/contacts/merge", "/companies/merge"})
    String merge(
            HttpServletRequest request,
            @RequestParam(required = false) List<String> ids,
            @RequestParam(required = false) UUID survivor,
            HttpServletResponse response,
            Model model,
            Locale locale) {
        String records = records(request);
        String type = typeOf(records);
        List<UUID> all = parse(ids);
        if (survivor == null || !all.contains(survivor)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        }
        Map<String, UUID> fields = new LinkedHashMap<>();
        Map<UUID, Integer> versions = new LinkedHashMap<>();
        try {
            request.getParameterMap().forEach((name, values) -> {
                if (name.startsWith("field.") && values.length == 1 && !values[0].isBlank()) {
                    fields.put(name.substring(6), UUID.fromString(values[0]));
                } else if (name.startsWith("version.") && values.length == 1) {
                    versions.put(UUID.fromString(name.substring(8)), Integer.valueOf(values[0]));
                }
            });
        } catch (IllegalArgumentException badValue) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        }
        List<UUID> others = all.stream().filter(id -> !id.equals(survivor)).toList();
        MergeRequest merge = new MergeRequest(others, fields, versions);
        try {
            UUID survivorId = screens.merge(type, survivor, merge, Actors.of(request));
            return "redirect:/" + records + "/" + survivorId + "?done=merged";
        } catch (InvalidInput invalid) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            List<String> problems = new ArrayList<>();
            invalid.errors().forEach(e -> problems.add(messages.getMessage(e.messageKey(), e.args(), locale)));
            return again(model, type, all, survivor, String.join(" ", problems));
        } catch (PreconditionFailed stale) {
            response.setStatus(HttpStatus.CONFLICT.value());
            return again(model, type, all, survivor, messages.getMessage("duplicates.merge.stale", null, locale));
        } catch (Conflict refused) {
            response.setStatus(HttpStatus.CONFLICT.value());
            return again(model, type, all, survivor, messages.getMessage(refused.messageKey(), null, locale));
        }
    }

    /** The screen made again from what is stored now, with the reason the merge did not happen. */
    private String again(Model model, String type, List<UUID> ids, UUID survivor, String error) {
        model.addAttribute("screen", screens.of(type, ids, survivor).withError(error));
        return "duplicates/merge";
    }

    /** {@code contacts} or {@code companies}, from the path. */
    private static String records(HttpServletRequest request) {
        return request.getRequestURI().startsWith("/contacts/") ? "contacts" : "companies";
    }

    private static String typeOf(String records) {
        return "contacts".equals(records) ? "contact" : "company";
    }

    /** Ids from repeated or comma-separated parameters; anything that is not an id is a 404 like an unknown one. */
    private static List<UUID> parse(List<String> ids) {
        List<UUID> parsed = new ArrayList<>();
        if (ids != null) {
            for (String value : ids) {
                for (String part : value.split(",")) {
                    if (!part.isBlank()) {
                        try {
                            parsed.add(UUID.fromString(part.strip()));
                        } catch (IllegalArgumentException notAnId) {
                            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
                        }
                    }
                }
            }
        }
        return parsed.stream().distinct().toList();
    }
}
