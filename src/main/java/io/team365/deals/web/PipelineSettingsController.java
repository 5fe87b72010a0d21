package io.team365.deals.web;

import io.team365.core.Conflict;
import io.team365.core.InvalidInput;
import io.team365.core.NotFound;
import io.team365.core.PreconditionFailed;
import io.team365.core.web.Texts;
import io.team365.deals.PipelineFields;
import io.team365.deals.PipelineManagement;
import io.team365.deals.StageInput;
import io.team365.identity.Actors;
import io.team365.identity.Role;
import io.team365.identity.SignedInUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * Settings → Pipelines, for owners and admins: add, rename, reorder (by position numbers, so it works without
 * script), remove stages and set their probability and kind; add and delete pipelines.
 */
@Controller
class PipelineSettingsController {

    private final PipelineManagement pipelines;
    private final MessageSource messages;

    PipelineSettingsController(PipelineManagement pipelines, MessageSource messages) {
        this.pipelines = pipelines;
        this.messages = messages;
    }

    @GetMapping("/settings/pipelines")
    String page(@RequestParam(required = false) String done, Model model) {
        requireAdmin();
        return render(model, done, null, List.of());
    }

    @PostMapping("/settings/pipelines")
    String create(
            @RequestParam(required = false) String name,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            Locale locale) {
        requireAdmin();
        try {
            pipelines.create(new PipelineFields(name, PipelineManagement.standardStages()), Actors.of(request));
            return "redirect:/settings/pipelines?done=created";
        } catch (InvalidInput invalid) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return render(model, null, "new", problems(invalid, locale));
        }
    }

    @PostMapping("/settings/pipelines/{id}")
    String update(
            @PathVariable UUID id,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) Integer version,
            @RequestParam(name = "stageId", required = false) List<String> ids,
            @RequestParam(name = "stageName", required = false) List<String> names,
            @RequestParam(name = "stageProbability", required = false) List<String> probabilities,
            @RequestParam(name = "stageKind", required = false) List<String> kinds,
            @RequestParam(name = "stagePosition", required = false) List<String> positions,
            @RequestParam(name = "stageRemove", required = false) Set<String> removed,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            Locale locale) {
        requireAdmin();
        List<Row> rows = new ArrayList<>();
        int count = names == null ? 0 : names.size();
        for (int i = 0; i < count; i++) {
            String stageId = at(ids, i);
            boolean isNew = stageId.isBlank();
            if ((isNew && at(names, i).isBlank()) || (removed != null && removed.contains(String.valueOf(i)))) {
                continue; // the empty row for a new stage, left empty; or a stage ticked for removal
            }
            rows.add(new Row(
                    number(at(positions, i), i + 1),
                    i,
                    new StageInput(
                            isNew ? null : idOf(stageId),
                            at(names, i),
                            number(at(probabilities, i), null),
                            at(kinds, i))));
        }
        rows.sort(Comparator.comparing(Row::position).thenComparing(Row::index));
        List<StageInput> stages = rows.stream().map(Row::stage).toList();
        try {
            pipelines.update(id, version, current -> new PipelineFields(name, stages), Actors.of(request));
            return "redirect:/settings/pipelines?done=saved";
        } catch (InvalidInput invalid) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return render(model, null, id.toString(), problems(invalid, locale));
        } catch (Conflict conflict) {
            response.setStatus(HttpStatus.CONFLICT.value());
            return render(model, null, id.toString(), List.of(text(conflict.messageKey(), locale)));
        } catch (PreconditionFailed stale) {
            response.setStatus(HttpStatus.CONFLICT.value());
            return render(model, null, id.toString(), List.of(text("pipeline.stale", locale)));
        } catch (NotFound gone) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }

    @PostMapping("/settings/pipelines/{id}/delete")
    String delete(
            @PathVariable UUID id,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            Locale locale) {
        requireAdmin();
        try {
            pipelines.delete(id, Actors.of(request));
            return "redirect:/settings/pipelines?done=deleted";
        } catch (Conflict conflict) {
            response.setStatus(HttpStatus.CONFLICT.value());
            return render(model, null, id.toString(), List.of(text(conflict.messageKey(), locale)));
        } catch (NotFound gone) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }

    private record Row(int position, int index, StageInput stage) {}

    private String render(Model model, String done, String failed, List<String> problems) {
        model.addAttribute("pipelines", pipelines.list());
        model.addAttribute("done", done);
        model.addAttribute("failed", failed == null ? "" : failed);
        model.addAttribute("problems", problems);
        return "settings/pipelines";
    }

    private List<String> problems(InvalidInput invalid, Locale locale) {
        return invalid.errors().stream()
                .map(e -> Texts.of(messages, e.messageKey(), e.args(), locale))
                .distinct()
                .toList();
    }

    private String text(String key, Locale locale) {
        return Texts.of(messages, key, null, locale);
    }

    /** The URL rules will say so first once they list this page; this keeps it true before and after. */
    private static void requireAdmin() {
        if (!SignedInUser.require().role().atLeast(Role.ADMIN)) {
            throw new AccessDeniedException("pipelines are set up by owners and admins");
        }
    }

    /** A stage id from the form; one that does not parse names no stage, and is refused as unknown. */
    private static UUID idOf(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return new UUID(0, 0);
        }
    }

    private static String at(List<String> values, int i) {
        return values == null || i >= values.size() || values.get(i) == null
                ? ""
                : values.get(i).strip();
    }

    private static Integer number(String text, Integer fallback) {
        try {
            return text.isBlank() ? fallback : Integer.valueOf(text);
        } catch (NumberFormatException e) {
            return -1; // refused by the probability check, or sorted first as a position
        }
    }
}
