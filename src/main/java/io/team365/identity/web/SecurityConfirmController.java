package io.team365.identity.web;

import io.team365.identity.SignedInUser;
import io.team365.identity.internal.StepUp;
import io.team365.identity.internal.mfa.Authenticators;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** "Confirm it is you": the step-up page before a sensitive action, with the password or an authenticator code. */
@Controller
class SecurityConfirmController {

    private final StepUp stepUp;
    private final Authenticators authenticators;

    SecurityConfirmController(StepUp stepUp, Authenticators authenticators) {
        this.stepUp = stepUp;
        this.authenticators = authenticators;
    }

    @GetMapping(StepUp.CONFIRM_PAGE)
    String form(@RequestParam(required = false) String next, Model model) {
        return page(model, StepUp.safeNext(next), null);
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

    private String page(Model model, String next, String error) {
        model.addAttribute("next", next);
        model.addAttribute("error", error);
        model.addAttribute("hasAuthenticator", authenticators.enrolled(SignedInUser.require()));
        return "settings/security-confirm";
    }
}
