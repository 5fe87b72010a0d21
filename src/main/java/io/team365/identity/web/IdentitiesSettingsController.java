package io.team365.identity.web;

import io.team365.core.Conflict;
import io.team365.core.NotFound;
import io.team365.identity.Actors;
import io.team365.identity.SignedInUser;
import io.team365.identity.internal.sso.SsoIdentitySettings;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Settings → Linked sign-ins (self-service): the person's provider identities, link another, unlink one. */
@Controller
class IdentitiesSettingsController {

    private static final Set<String> ERRORS = Set.of("failed", "taken", "not-member", "provider", "last-way");

    private final SsoIdentitySettings identities;

    IdentitiesSettingsController(SsoIdentitySettings identities) {
        this.identities = identities;
    }

    @GetMapping("/settings/security/identities")
    String show(
            @RequestParam(required = false) String linked,
            @RequestParam(required = false) String unlinked,
            @RequestParam(required = false) String error,
            Model model) {
        SignedInUser user = SignedInUser.require();
        model.addAttribute("linked", identities.linked(user));
        model.addAttribute("options", identities.options(user));
        model.addAttribute("hasPassword", identities.hasPassword(user));
        model.addAttribute(
                "notice",
                linked != null ? "sso.identities.linked" : unlinked != null ? "sso.identities.unlinked" : null);
        model.addAttribute("error", error != null && ERRORS.contains(error) ? error : null);
        return "identity/sso/identities";
    }

    @PostMapping("/settings/security/identities/link")
    String link(@RequestParam(required = false) String provider, HttpServletRequest request) {
        try {
            identities.startLinking(SignedInUser.require(), provider == null ? "" : provider, request.getSession());
        } catch (NotFound unknown) {
            return "redirect:/settings/security/identities?error=provider";
        }
        return "redirect:/oauth2/authorization/" + provider;
    }

    @PostMapping("/settings/security/identities/{id}/unlink")
    String unlink(@PathVariable String id, HttpServletRequest request) {
        UUID identityId;
        try {
            identityId = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFound("identity");
        }
        try {
            identities.unlink(SignedInUser.require(), identityId, Actors.of(request));
        } catch (Conflict lastWay) {
            return "redirect:/settings/security/identities?error=last-way";
        }
        return "redirect:/settings/security/identities?unlinked";
    }
}
