package io.team365.identity.web;

import io.team365.core.Conflict;
import io.team365.core.InvalidInput;
import io.team365.core.web.FormErrors;
import io.team365.identity.Actors;
import io.team365.identity.Role;
import io.team365.identity.SignedInUser;
import io.team365.identity.TeamManagement;
import io.team365.identity.internal.Invitations;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
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

/** Settings → Users: members, their roles, invitations. Admins and owners only (see SecurityConfiguration). */
@Controller
class TeamSettingsController {

    private final TeamManagement team;
    private final Invitations invitations;
    private final MessageSource messages;

    TeamSettingsController(TeamManagement team, Invitations invitations, MessageSource messages) {
        this.team = team;
        this.invitations = invitations;
        this.messages = messages;
    }

    @GetMapping("/settings/users")
    String users(@RequestParam(required = false) String done, Model model) {
        return render(model, FormErrors.none(), "", "member", done);
    }

    @PostMapping("/settings/users/invitations")
    String invite(
            @RequestParam(required = false) String email,
            @RequestParam(required = false) String role,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            Locale locale) {
        try {
            invitations.invite(SignedInUser.require(), email, role, Actors.of(request));
            return "redirect:/settings/users?done=invited";
        } catch (InvalidInput invalid) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return render(model, FormErrors.of(invalid, messages, locale), email, role, null);
        } catch (Conflict conflict) {
            response.setStatus(HttpStatus.CONFLICT.value());
            return render(model, conflictErrors(conflict, locale), email, role, null);
        }
    }

    @PostMapping("/settings/users/invitations/{id}/revoke")
    String revokeInvitation(@PathVariable UUID id, HttpServletRequest request) {
        invitations.revoke(SignedInUser.require(), id, Actors.of(request));
        return "redirect:/settings/users?done=revoked";
    }

    @PostMapping("/settings/users/{userId}/role")
    String changeRole(
            @PathVariable UUID userId,
            @RequestParam(required = false) String role,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            Locale locale) {
        Role newRole = Role.parse(role == null ? "" : role).orElse(null);
        if (newRole == null) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return render(
                    model,
                    FormErrors.single("members", messages.getMessage("validation.role", null, locale)),
                    "",
                    "member",
                    null);
        }
        try {
            team.changeRole(SignedInUser.require(), userId, newRole, Actors.of(request));
            return "redirect:/settings/users?done=role";
        } catch (Conflict conflict) {
            return refused(conflict, response, model, locale);
        }
    }

    @PostMapping("/settings/users/{userId}/remove")
    String remove(
            @PathVariable UUID userId,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            Locale locale) {
        try {
            team.remove(SignedInUser.require(), userId, Actors.of(request));
            return "redirect:/settings/users?done=removed";
        } catch (Conflict conflict) {
            return refused(conflict, response, model, locale);
        }
    }

    /** A role change or removal the rules refuse: the page again, with the reason above the members. */
    private String refused(Conflict conflict, HttpServletResponse response, Model model, Locale locale) {
        response.setStatus(HttpStatus.CONFLICT.value());
        String reason = messages.getMessage(conflict.messageKey(), null, locale);
        return render(model, FormErrors.single("members", reason), "", "member", null);
    }

    private FormErrors conflictErrors(Conflict conflict, Locale locale) {
        return FormErrors.single(conflict.field(), messages.getMessage(conflict.messageKey(), null, locale));
    }

    private String render(Model model, FormErrors errors, String email, String role, String done) {
        SignedInUser me = SignedInUser.require();
        model.addAttribute("members", team.members());
        model.addAttribute("invitations", invitations.list());
        model.addAttribute("me", me);
        model.addAttribute("errors", errors);
        model.addAttribute("email", email == null ? "" : email);
        model.addAttribute("role", role == null ? "member" : role);
        model.addAttribute("done", done);
        return "settings/users";
    }
}
