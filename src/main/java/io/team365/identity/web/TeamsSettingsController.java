package io.team365.identity.web;

import io.team365.core.Conflict;
import io.team365.core.InvalidInput;
import io.team365.core.web.FormErrors;
import io.team365.identity.Actors;
import io.team365.identity.TeamManagement;
import io.team365.identity.internal.TeamDirectory;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Settings → Teams: who works together, for the "own and team's records" visibility. Admins and owners only. */
@Controller
class TeamsSettingsController {

    private final TeamDirectory teams;
    private final TeamManagement people;
    private final MessageSource messages;

    TeamsSettingsController(TeamDirectory teams, TeamManagement people, MessageSource messages) {
        this.teams = teams;
        this.people = people;
        this.messages = messages;
    }

    @GetMapping("/settings/teams")
    String page(@RequestParam(required = false) String done, Model model) {
        return render(model, FormErrors.none(), null, "", done);
    }

    @PostMapping("/settings/teams")
    String create(
            @RequestParam(required = false) String name,
            @RequestParam(name = "memberIds", required = false) List<UUID> memberIds,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            Locale locale) {
        try {
            teams.create(name, memberIds == null ? List.of() : memberIds, Actors.of(request));
            return "redirect:/settings/teams?done=created";
        } catch (InvalidInput | Conflict refused) {
            return refused(refused, null, name, response, model, locale);
        }
    }

    @PostMapping("/settings/teams/{id}")
    String update(
            @PathVariable UUID id,
            @RequestParam(required = false) String name,
            @RequestParam(name = "memberIds", required = false) List<UUID> memberIds,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            Locale locale) {
        try {
            teams.update(id, name, memberIds == null ? List.of() : memberIds, Actors.of(request));
            return "redirect:/settings/teams?done=saved";
        } catch (InvalidInput | Conflict refused) {
            return refused(refused, id, "", response, model, locale);
        }
    }

    @PostMapping("/settings/teams/{id}/delete")
    String delete(@PathVariable UUID id, HttpServletRequest request) {
        teams.delete(id, Actors.of(request));
        return "redirect:/settings/teams?done=deleted";
    }

    private String refused(
            RuntimeException refused,
            UUID teamId,
            String name,
            HttpServletResponse response,
            Model model,
            Locale locale) {
        FormErrors errors = refused instanceof InvalidInput invalid
                ? FormErrors.of(invalid, messages, locale)
                : FormErrors.single("name", messages.getMessage(((Conflict) refused).messageKey(), null, locale));
        response.setStatus(
                refused instanceof InvalidInput
                        ? HttpStatus.UNPROCESSABLE_CONTENT.value()
                        : HttpStatus.CONFLICT.value());
        return render(model, errors, teamId, name, null);
    }

    private String render(Model model, FormErrors errors, UUID failedTeam, String name, String done) {
        model.addAttribute("teams", teams.list());
        model.addAttribute("members", people.members());
        model.addAttribute("errors", errors);
        model.addAttribute("failedTeam", failedTeam);
        model.addAttribute("name", name == null ? "" : name);
        model.addAttribute("done", done);
        return "settings/teams";
    }
}
