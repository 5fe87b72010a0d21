package io.team365.identity.web;

import io.team365.core.InvalidInput;
import io.team365.core.web.FormErrors;
import io.team365.identity.Actors;
import io.team365.identity.SignedInUser;
import io.team365.identity.internal.InvitationAcceptance;
import io.team365.identity.internal.Invitations;
import io.team365.identity.internal.sso.SsoPolicy;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

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
    String form(@RequestParam(required = false) String token, HttpServletRequest request, Model model) {
        return render(request, token, "", FormErrors.none(), model);
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
            Optional<UUID> signedInAs = provenSignIn(request);
            acceptance.accept(token, name, password, signedInAs, Actors.of(request));
            // a signed-in person goes on working where they are; the new Client is in their Client switcher
            return signedInAs.isPresent() ? "redirect:/app" : "redirect:/login?joined";
        } catch (InvalidInput invalid) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return render(request, token, name, FormErrors.of(invalid, messages, locale), model);
        }
    }

    /**
     * "Sign in to accept": signing in is asked for here (the page itself is public), and afterwards, whichever way
     * the person signed in, they come back to the invitation as the signed-in person.
     */
    @GetMapping("/invitations/accept/signed-in")
    String signInToAccept(@RequestParam(required = false) String token) {
        return "redirect:"
                + UriComponentsBuilder.fromPath("/invitations/accept")
                        .queryParam("token", token == null ? "" : token)
                        .encode()
                        .build()
                        .toUriString();
    }

    /**
     * The signed-in person, as proof of owning the invited account; not a session a Client's own provider signed in
     * (that provider vouches for its members in its Client, not for the person elsewhere).
     */
    private static Optional<UUID> provenSignIn(HttpServletRequest request) {
        if (SsoPolicy.signedInThroughOwnProvider(request)) {
            return Optional.empty();
        }
        return SignedInUser.current().map(SignedInUser::userId);
    }

    private String render(HttpServletRequest request, String token, String name, FormErrors errors, Model model) {
        Optional<Invitations.Pending> invitation = invitations.find(token);
        model.addAttribute("token", token == null ? "" : token);
        model.addAttribute("invitation", invitation.orElse(null));
        Optional<UUID> signedInAs = provenSignIn(request);
        model.addAttribute(
                "invitee",
                invitation
                        .map(pending -> acceptance.invitee(pending, signedInAs))
                        .orElse(InvitationAcceptance.Invitee.NEWCOMER));
        model.addAttribute("name", name == null ? "" : name);
        model.addAttribute("errors", errors);
        return "identity/accept-invitation";
    }
}
