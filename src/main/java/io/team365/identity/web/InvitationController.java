package io.team365.identity.web;

import io.team365.core.InvalidInput;
import io.team365.core.web.FormErrors;
import io.team365.identity.Actors;
import io.team365.identity.internal.InvitationAcceptance;
import io.team365.identity.internal.Invitations;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The page an invitation email links to. */
@Controller
class InvitationController {

    private final Invitations invitations;
    private final InvitationAcceptance acceptance;
    private final MessageSource messages;

    InvitationController(Invitations invitations, InvitationAcceptance acceptance, MessageSource messages) {
        this.invitations = invitations;
        this.acceptance = acceptance;
        this.messages = messages;
    }

    @GetMapping("/invitations/accept")
    String form(@RequestParam(required = false) String token, Model model) {
        return render(token, "", FormErrors.none(), model);
    }

    @PostMapping("/invitations/accept")
    String accept(
            @RequestParam(required = false) String token,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String password,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            Locale locale) {
        try {
            acceptance.accept(token, name, password, Actors.of(request));
            return "redirect:/login?joined";
        } catch (InvalidInput invalid) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return render(token, name, FormErrors.of(invalid, messages, locale), model);
        }
    }

    private String render(String token, String name, FormErrors errors, Model model) {
        Optional<Invitations.Pending> invitation = invitations.find(token);
        model.addAttribute("token", token == null ? "" : token);
        model.addAttribute("invitation", invitation.orElse(null));
        model.addAttribute("hasAccount", invitation.map(acceptance::hasAccount).orElse(false));
        model.addAttribute("name", name == null ? "" : name);
        model.addAttribute("errors", errors);
        return "identity/accept-invitation";
    }
}
