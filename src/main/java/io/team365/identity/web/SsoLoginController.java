package io.team365.identity.web;

import io.team365.core.Conflict;
import io.team365.core.InvalidInput;
import io.team365.core.TenantId;
import io.team365.core.web.FormErrors;
import io.team365.identity.Actors;
import io.team365.identity.SignedInUser;
import io.team365.identity.internal.sso.SsoDirectory;
import io.team365.identity.internal.sso.SsoSessions;
import io.team365.identity.internal.sso.SsoSignInSuccess;
import io.team365.identity.internal.sso.SsoSignUps;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public side of single sign-on: finding one's organisation's sign-in by work email, a Client's own sign-in
 * link, and the sign-up form after a provider vouched for a new address.
 */
@Controller
class SsoLoginController {

    private final SsoDirectory directory;
    private final SsoSignUps signUps;
    private final SsoSignInSuccess signInSuccess;
    private final MessageSource messages;
    private final Clock clock;

    SsoLoginController(
            SsoDirectory directory,
            SsoSignUps signUps,
            SsoSignInSuccess signInSuccess,
            MessageSource messages,
            Clock clock) {
        this.directory = directory;
        this.signUps = signUps;
        this.signInSuccess = signInSuccess;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/login/sso")
    String find(Model model) {
        return findPage(model, "", List.of(), false);
    }

    @PostMapping("/login/sso")
    String find(@RequestParam(required = false) String email, HttpServletResponse response, Model model) {
        List<SsoDirectory.Choice> choices = directory.forEmail(email);
        if (choices.size() == 1) {
            return "redirect:/oauth2/authorization/" + choices.get(0).registrationId();
        }
        if (choices.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        }
        return findPage(model, email == null ? "" : email.strip(), choices, choices.isEmpty());
    }

    /** The link a Client's admin shares with members: straight to the Client's own provider. */
    @GetMapping("/login/sso/{clientId}")
    String client(@PathVariable String clientId) {
        TenantId tenant;
        try {
            tenant = new TenantId(UUID.fromString(clientId));
        } catch (IllegalArgumentException e) {
            return "redirect:/login/sso";
        }
        return directory.hasProvider(tenant)
                ? "redirect:/oauth2/authorization/client-" + tenant
                : "redirect:/login/sso";
    }

    @GetMapping("/signup/sso")
    String signUpForm(HttpServletRequest request, Model model) {
        Optional<SsoSessions.PendingSignUp> pending =
                SsoSessions.pendingSignUp(request.getSession(false), clock.instant());
        if (pending.isEmpty() || SignedInUser.current().isPresent()) {
            return "redirect:/signup";
        }
        return signUpPage(
                model, pending.get(), new SsoSignUps.Form("", pending.get().name()), FormErrors.none());
    }

    @PostMapping("/signup/sso")
    String signUp(
            @ModelAttribute SsoSignUps.Form form,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            Locale locale)
            throws IOException, ServletException {
        Optional<SsoSessions.PendingSignUp> pending =
                SsoSessions.pendingSignUp(request.getSession(false), clock.instant());
        if (pending.isEmpty()) {
            return "redirect:/signup?sso=failed";
        }
        SignedInUser user;
        try {
            user = signUps.signUp(pending.get(), form, Actors.of(request));
        } catch (InvalidInput invalid) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return signUpPage(model, pending.get(), form, FormErrors.of(invalid, messages, locale));
        } catch (Conflict conflict) {
            response.setStatus(HttpStatus.CONFLICT.value());
            String message = messages.getMessage(conflict.messageKey(), null, locale);
            return signUpPage(model, pending.get(), form, FormErrors.single("company", message));
        }
        SsoSessions.dropSignUp(request.getSession());
        signInSuccess.completeSignIn(request, response, user);
        return null;
    }

    private static String findPage(Model model, String email, List<SsoDirectory.Choice> choices, boolean notFound) {
        model.addAttribute("email", email);
        model.addAttribute("choices", choices);
        model.addAttribute("notFound", notFound);
        return "identity/sso/find";
    }

    private static String signUpPage(
            Model model, SsoSessions.PendingSignUp pending, SsoSignUps.Form form, FormErrors errors) {
        model.addAttribute("pending", pending);
        model.addAttribute(
                "form",
                new SsoSignUps.Form(
                        form.company() == null ? "" : form.company(), form.name() == null ? "" : form.name()));
        model.addAttribute("errors", errors);
        return "identity/sso/signup";
    }
}
