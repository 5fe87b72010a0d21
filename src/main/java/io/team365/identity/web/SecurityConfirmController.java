package io.team365.identity.web;

import io.team365.core.NotFound;
import io.team365.identity.SignedInUser;
import io.team365.identity.internal.StepUp;
import io.team365.identity.internal.mfa.SecondFactors;
import io.team365.identity.internal.sso.SsoIdentitySettings;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "Confirm it is you": the step-up page before a sensitive action. It offers what the person has: their password,
 * a code from their authenticator app, one of their passkeys (passkeys.js, answered by PasskeySignIn), or signing
 * in again with a provider linked to them, so a person who signs in only with single sign-on can pass it too.
 */
@Controller
class SecurityConfirmController {

    /** Reasons a provider's answer sends the person back here (SsoSignInSuccess). */
    private static final Set<String> RETURNED_ERRORS = Set.of("sso-failed", "sso-other");

    private final StepUp stepUp;
    private final SecondFactors secondFactors;
    private final SsoIdentitySettings identities;

    SecurityConfirmController(StepUp stepUp, SecondFactors secondFactors, SsoIdentitySettings identities) {
        this.stepUp = stepUp;
        this.secondFactors = secondFactors;
        this.identities = identities;
    }

    @GetMapping(StepUp.CONFIRM_PAGE)
    String form(
            @RequestParam(required = false) String next,
            @RequestParam(required = false) String error,
            HttpServletResponse response,
            Model model) {
        String known = error != null && RETURNED_ERRORS.contains(error) ? "mfa.confirm.error." + error : null;
        if (known != null) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        }
        return page(model, StepUp.safeNext(next), known);
    }

    @PostMapping(StepUp.CONFIRM_PAGE)
    String confirm(
            @RequestParam(required = false) String password,
            @RequestParam(required = false) String code,
            @RequestParam(required = false) String next,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        SignedInUser user = SignedInUser.require();
        String target = StepUp.safeNext(next);
        boolean byCode = code != null && !code.isBlank();
        if (!byCode && (password == null || password.isEmpty())) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return page(model, target, "mfa.confirm.error.required");
        }
        StepUp.Outcome outcome = byCode
                ? stepUp.confirmWithCode(request, user, code)
                : stepUp.confirmWithPassword(request, user, password);
        return switch (outcome) {
            case CONFIRMED -> "redirect:" + target;
            case THROTTLED -> {
                response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
                yield page(model, target, "mfa.confirm.error.throttled");
            }
            case WRONG -> {
                response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
                yield page(model, target, byCode ? "mfa.signin.error.code-wrong" : "mfa.confirm.error.password-wrong");
            }
        };
    }

    /** Sign in again with a linked provider (prompt=login, max_age=0); its answer comes back to {@code next}. */
    @PostMapping(StepUp.CONFIRM_PAGE + "/sso")
    String confirmWithProvider(
            @RequestParam(required = false) String provider,
            @RequestParam(required = false) String next,
            HttpServletRequest request) {
        String target = StepUp.safeNext(next);
        if (provider == null || provider.isBlank() || provider.length() > 200) {
            return "redirect:" + StepUp.CONFIRM_PAGE + "?error=sso-failed&next=" + encode(target);
        }
        try {
            identities.startReauthentication(SignedInUser.require(), provider, target, request.getSession());
        } catch (NotFound notLinked) {
            return "redirect:" + StepUp.CONFIRM_PAGE + "?error=sso-failed&next=" + encode(target);
        }
        return "redirect:/oauth2/authorization/" + encode(provider);
    }

    private String page(Model model, String next, String error) {
        SignedInUser user = SignedInUser.require();
        // one button per linked provider, however many identities there link
        Map<String, String> providers = new LinkedHashMap<>();
        identities.linked(user).forEach(l -> providers.putIfAbsent(l.registrationId(), l.providerName()));
        model.addAttribute("next", next);
        model.addAttribute("error", error);
        model.addAttribute("hasPassword", identities.hasPassword(user));
        model.addAttribute("hasAuthenticator", secondFactors.totp(user));
        model.addAttribute("hasPasskey", secondFactors.passkey(user));
        model.addAttribute("providers", providers);
        return "settings/security-confirm";
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
