package io.team365.deals.web;

import io.team365.core.InvalidInput;
import io.team365.core.NotFound;
import io.team365.core.PreconditionFailed;
import io.team365.core.web.FormErrors;
import io.team365.deals.Deal;
import io.team365.deals.DealFields;
import io.team365.deals.DealManagement;
import io.team365.deals.DealPage;
import io.team365.deals.DealQuery;
import io.team365.deals.Pipeline;
import io.team365.deals.PipelineManagement;
import io.team365.identity.Actors;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
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

/** The deal pages: the board and the list, the trash, a new deal, and a deal's own page. */
@Controller
class DealController {

    private static final int PAGE_SIZE = 50;
    /** The board shows at most this many deals of a pipeline; the list view pages through any number. */
    private static final int BOARD_LIMIT = 1000;

    private static final Set<String> SORTS =
            Set.of("name", "-name", "value", "-value", "closeDate", "-closeDate", "updatedAt", "-updatedAt");

    private final DealManagement deals;
    private final PipelineManagement pipelines;
    private final DealViews views;
    private final MessageSource messages;

    DealController(DealManagement deals, PipelineManagement pipelines, DealViews views, MessageSource messages) {
        this.deals = deals;
        this.pipelines = pipelines;
        this.views = views;
        this.messages = messages;
    }

    @GetMapping("/deals")
    String board(
            @RequestParam(required = false) String view,
            @RequestParam(required = false) String pipelineId,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String sort,
            @RequestParam(required = false) String cursor,
            @RequestParam(required = false) String done,
            Model model,
            Locale locale) {
        List<Pipeline> all = pipelines.list();
        Pipeline pipeline = all.stream()
                .filter(p -> p.id().toString().equals(pipelineId))
                .findFirst()
                .orElse(all.getFirst());
        model.addAttribute("pipelines", all);
        model.addAttribute("pipeline", pipeline);
        model.addAttribute("done", done);
        if ("list".equals(view)) {
            return list(pipeline, all, q, status, sort, cursor, model, locale);
        }
        List<Deal> shown = new ArrayList<>();
        DealQuery query =
                new DealQuery(null, pipeline.id(), null, null, null, null, null, null, false, "-updatedAt", null, 200);
        DealPage page;
        do {
            page = deals.list(query);
            shown.addAll(page.deals());
            query = query.withCursor(page.nextCursor());
        } while (page.nextCursor() != null && shown.size() < BOARD_LIMIT);
        List<DealViews.Card> cards = views.cards(shown, byId(all), locale);
        model.addAttribute("columns", views.columns(pipeline, deals.totalsByStage(pipeline.id()), cards, locale));
        model.addAttribute("empty", shown.isEmpty());
        return "deals/board";
    }

    private String list(
            Pipeline pipeline,
            List<Pipeline> all,
            String q,
            String status,
            String sort,
            String cursor,
            Model model,
            Locale locale) {
        String search = usable(q, 200);
        String state = status != null && Set.of("open", "won", "lost").contains(status) ? status : null;
        String order = sort != null && SORTS.contains(sort) ? sort : "-updatedAt";
        DealQuery query = new DealQuery(
                search, pipeline.id(), null, state, null, null, null, null, false, order, cursor, PAGE_SIZE);
        DealPage page;
        try {
            page = deals.list(query);
        } catch (InvalidInput badCursor) {
            page = deals.list(query.withCursor(null));
        }
        model.addAttribute("cards", views.cards(page.deals(), byId(all), locale));
        model.addAttribute("nextCursor", page.nextCursor());
        model.addAttribute("q", search == null ? "" : search);
        model.addAttribute("status", state == null ? "" : state);
        model.addAttribute("sort", order);
        model.addAttribute("paged", cursor != null);
        return "deals/list";
    }

    @GetMapping("/deals/trash")
    String trash(@RequestParam(required = false) String cursor, Model model, Locale locale) {
        DealQuery query = new DealQuery(null, null, null, null, null, null, null, null, true, null, cursor, PAGE_SIZE);
        DealPage page;
        try {
            page = deals.list(query);
        } catch (InvalidInput badCursor) {
            page = deals.list(query.withCursor(null));
        }
        model.addAttribute("cards", views.cards(page.deals(), byId(pipelines.list()), locale));
        model.addAttribute("nextCursor", page.nextCursor());
        return "deals/trash";
    }

    @GetMapping("/deals/new")
    String newDeal(
            @RequestParam(required = false) String pipelineId,
            @RequestParam(required = false) String companyId,
            @RequestParam(required = false) String contactId,
            Model model) {
        String pipeline = pipelineId == null ? pipelines.defaultPipeline().id().toString() : pipelineId;
        return form(model, DealForm.empty(pipeline, usableId(companyId), usableId(contactId)), FormErrors.none());
    }

    @PostMapping("/deals")
    String create(
            @ModelAttribute DealForm form,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            Locale locale) {
        try {
            Deal created = deals.create(form.applyTo(DealFields.empty()), Actors.of(request));
            return "redirect:/deals/" + created.id() + "?done=created";
        } catch (InvalidInput invalid) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return form(model, form, errors(invalid, locale));
        }
    }

    @GetMapping("/deals/{id}")
    String show(
            @PathVariable UUID id,
            @RequestParam(required = false) String done,
            @RequestParam(required = false) String close,
            HttpServletRequest request,
            Model model,
            Locale locale) {
        Deal deal = find(id, request);
        FormErrors errors = "lost".equals(close)
                ? FormErrors.single("lostReason", messages.getMessage("deal.lost-reason-required", null, locale))
                : FormErrors.none();
        return page(model, deal, DealForm.of(deal), errors, done, locale);
    }

    @PostMapping("/deals/{id}")
    String update(
            @PathVariable UUID id,
            @ModelAttribute DealForm form,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            Locale locale) {
        try {
            deals.update(id, form.version(), form::applyTo, Actors.of(request));
            return "redirect:/deals/" + id + "?done=saved";
        } catch (InvalidInput invalid) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return page(model, find(id, request), form, errors(invalid, locale), null, locale);
        } catch (PreconditionFailed stale) {
            response.setStatus(HttpStatus.CONFLICT.value());
            Deal current = find(id, request);
            String message = messages.getMessage("deal.stale", null, locale);
            return page(model, current, DealForm.of(current), FormErrors.single("form", message), null, locale);
        } catch (NotFound gone) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }

    @PostMapping("/deals/{id}/delete")
    String delete(@PathVariable UUID id, HttpServletRequest request) {
        try {
            deals.trash(id, Actors.of(request));
        } catch (NotFound gone) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return "redirect:/deals?done=trashed";
    }

    @PostMapping("/deals/{id}/restore")
    String restore(@PathVariable UUID id, HttpServletRequest request) {
        try {
            deals.restore(id, Actors.of(request));
        } catch (NotFound gone) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return "redirect:/deals/" + id + "?done=restored";
    }

    private Deal find(UUID id, HttpServletRequest request) {
        try {
            return deals.view(id, Actors.of(request));
        } catch (NotFound gone) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }

    /** API field names shown at the form's fields. */
    private FormErrors errors(InvalidInput invalid, Locale locale) {
        FormErrors errors = FormErrors.of(invalid, messages, locale)
                .renamed("value.amount", "amount")
                .renamed("value.currency", "currency");
        for (var error : invalid.errors()) {
            if (error.field().startsWith("contactIds")) {
                errors = errors.renamed(error.field(), "otherContactIds");
            }
        }
        return errors;
    }

    private String form(Model model, DealForm form, FormErrors errors) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("pipelines", pipelines.list());
        model.addAttribute("members", views.members());
        model.addAttribute("companyName", form.companyId().isBlank() ? "" : views.title("company", form.companyId()));
        model.addAttribute(
                "contacts",
                form.allContactIds().stream()
                        .distinct()
                        .collect(Collectors.toMap(
                                c -> c, c -> views.title("contact", c), (a, b) -> a, java.util.LinkedHashMap::new)));
        return "deals/new";
    }

    private String page(Model model, Deal deal, DealForm form, FormErrors errors, String done, Locale locale) {
        List<Pipeline> all = pipelines.list();
        Pipeline pipeline = byId(all).get(deal.pipelineId());
        model.addAttribute("deal", deal);
        model.addAttribute("card", views.cards(List.of(deal), byId(all), locale).getFirst());
        model.addAttribute("pipeline", pipeline);
        model.addAttribute("done", done);
        model.addAttribute(
                "contactNames",
                deal.contactIds().stream()
                        .map(c -> views.title("contact", c.toString()))
                        .toList());
        form(model, form, errors);
        return "deals/show";
    }

    private static Map<UUID, Pipeline> byId(List<Pipeline> all) {
        return all.stream().collect(Collectors.toMap(Pipeline::id, Function.identity()));
    }

    private static String usableId(String value) {
        try {
            return value == null ? null : UUID.fromString(value.strip()).toString();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String usable(String value, int maxLength) {
        if (value == null
                || value.isBlank()
                || value.length() > maxLength
                || value.chars().anyMatch(c -> c < 0x20)) {
            return null;
        }
        return value.strip();
    }
}
