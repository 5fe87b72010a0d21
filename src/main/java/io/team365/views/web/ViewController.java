package io.team365.views.web;

import io.team365.core.InvalidInput;
import io.team365.core.NotFound;
import io.team365.core.web.ListState;
import io.team365.identity.Actors;
import io.team365.views.SavedView;
import io.team365.views.ViewDefinition;
import io.team365.views.ViewManagement;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Saving the list a person is looking at as a view, and deleting views, from the list pages' view bar. */
@Controller
class ViewController {

    /** The list page of each object a view can be saved for. */
    private static final Map<String, String> LISTS = Map.of(
            "contact", "/contacts",
            "company", "/companies",
            "lead", "/leads",
            "deal", "/deals/list",
            "activity", "/activities");

    private final ViewManagement views;

    ViewController(ViewManagement views) {
        this.views = views;
    }

    @PostMapping("/views")
    String save(
            @RequestParam(required = false) String object,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) boolean shared,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        String list = LISTS.getOrDefault(object, "/app");
        ListState state = ListState.from(request);
        try {
            SavedView view = views.save(
                    object,
                    new ViewDefinition(name, shared, state.columns(), state.filters(), state.q(), state.sort()),
                    Actors.of(request));
            redirect.addAttribute("view", view.id());
            redirect.addAttribute("done", "view-saved");
            return "redirect:" + list;
        } catch (InvalidInput invalid) {
            redirect.addAttribute("done", "view-refused");
            return "redirect:" + state.href(list);
        }
    }

    @PostMapping("/views/{id}/delete")
    String delete(@PathVariable UUID id, HttpServletRequest request, RedirectAttributes redirect) {
        try {
            SavedView view = views.get(id);
            views.delete(id, Actors.of(request));
            redirect.addAttribute("done", "view-deleted");
            return "redirect:" + LISTS.getOrDefault(view.object(), "/app");
        } catch (NotFound gone) {
            return "redirect:/app";
        }
    }
}
