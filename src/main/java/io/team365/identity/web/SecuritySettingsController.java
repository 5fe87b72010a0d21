package io.team365.identity.web;

import io.team365.identity.Actors;
import io.team365.identity.SignedInUser;
import io.team365.identity.internal.mfa.ActiveSessions;
import io.team365.identity.internal.mfa.Authenticators;
import io.team365.identity.internal.mfa.ClientMfaPolicy;
import io.team365.identity.internal.mfa.QrCodes;
import io.team365.identity.internal.mfa.RecoveryCodes;
import io.team365.identity.internal.mfa.SecondFactorThrottle;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.Optional;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Settings → Security: the authenticator app (set up, remove), recovery codes (how many are left, new ones) and
 * the person's signed-in sessions (end one, end all others). Changes to the factors need a recent confirmation
 * (step-up, by path in the security chain).
 */
@Controller
class SecuritySettingsController {

    private final Authenticators authenticators;
    private final RecoveryCodes recoveryCodes;
    private final ActiveSessions sessions;
    private final ClientMfaPolicy policy;
    private final SecondFactorThrottle throttle;
    private final io.team365.identity.internal.passkeys.Passkeys passkeys;

    SecuritySettingsController(
            Authenticators authenticators,
            RecoveryCodes recoveryCodes,
            ActiveSessions sessions,
            ClientMfaPolicy policy,
            SecondFactorThrottle throttle,
            io.team365.identity.internal.passkeys.Passkeys passkeys) {
        this.passkeys = passkeys;
        this.authenticators = authenticators;
        this.recoveryCodes = recoveryCodes;
        this.sessions = sessions;
        this.policy = policy;
        this.throttle = throttle;
    }

    @GetMapping("/settings/security")
    String overview(
            @RequestParam(required = false) String required,
            @RequestParam(required = false) String recoveryUsed,
            @RequestParam(required = false) String removed,
            @RequestParam(required = false) String ended,
            @RequestParam(required = false) String confirmed,
            @RequestParam(name = "own-provider", required = false) String ownProvider,
            HttpServletRequest request,
            Model model) {
        String notice = recoveryUsed != null
                ? "mfa.notice.recovery-used"
                : removed != null
                        ? "mfa.notice.removed"
                        : ended != null ? "mfa.notice.ended" : confirmed != null ? "mfa.notice.confirmed" : null;
        // a change refused because the session came through the organisation's own sign-in (OwnProviderSessionFilter)
        String error = ownProvider != null ? "mfa.error.own-provider" : null;
        return overviewPage(request, model, notice, error, required != null);
    }

    @PostMapping("/settings/security/totp/start")
    String start() {
        authenticators.begin(SignedInUser.require());
        return "redirect:/settings/security/totp";
    }

    @GetMapping("/settings/security/totp")
    String setup(Model model) {
        Optional<Authenticators.Setup> setup = authenticators.pendingSetup(SignedInUser.require());
        if (setup.isEmpty()) {
            return "redirect:/settings/security";
        }
        return setupPage(model, setup.get(), null);
    }

    @GetMapping("/settings/security/totp/qr.svg")
    ResponseEntity<String> qr() {
        return authenticators
                .pendingSetup(SignedInUser.require())
                .map(setup -> ResponseEntity.ok()
                        .contentType(MediaType.valueOf("image/svg+xml"))
                        .cacheControl(CacheControl.noStore())
                        .body(QrCodes.svg(setup.keyUri())))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    @PostMapping("/settings/security/totp/confirm")
    String confirm(
            @RequestParam(required = false) String code,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        SignedInUser user = SignedInUser.require();
        Optional<Authenticators.Setup> setup = authenticators.pendingSetup(user);
        if (setup.isEmpty()) {
            return "redirect:/settings/security";
        }
        if (code == null || code.isBlank()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return setupPage(model, setup.get(), "mfa.signin.error.required");
        }
        if (throttle.begin(user).blocked()) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            return setupPage(model, setup.get(), "mfa.signin.error.throttled");
        }
        Optional<List<String>> codes = authenticators.confirm(user, code, Actors.of(request));
        if (codes.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return setupPage(model, setup.get(), "mfa.signin.error.code-wrong");
        }
        throttle.succeeded(user);
        return codesPage(response, model, codes.get(), true);
    }

    @PostMapping("/settings/security/totp/remove")
    String remove(HttpServletRequest request, HttpServletResponse response, Model model) {
        SignedInUser user = SignedInUser.require();
        if (policy.required(user.tenant())) {
            response.setStatus(HttpStatus.CONFLICT.value());
            return overviewPage(request, model, null, "mfa.error.required-by-client", false);
        }
        authenticators.remove(user, Actors.of(request));
        return "redirect:/settings/security?removed";
    }

    @PostMapping("/settings/security/recovery-codes")
    String regenerate(HttpServletRequest request, HttpServletResponse response, Model model) {
        Optional<List<String>> codes = recoveryCodes.regenerate(SignedInUser.require(), Actors.of(request));
        if (codes.isEmpty()) {
            response.setStatus(HttpStatus.CONFLICT.value());
            return overviewPage(request, model, null, "mfa.error.no-authenticator", false);
        }
        return codesPage(response, model, codes.get(), false);
    }

    /** Ends a session named by its handle (never its id: see {@link ActiveSessions}). */
    @PostMapping("/settings/security/sessions/{handle}/end")
    String end(@PathVariable String handle, HttpServletRequest request, HttpServletResponse response, Model model) {
        SignedInUser user = SignedInUser.require();
        return switch (sessions.end(user, handle, currentSessionId(request), Actors.of(request))) {
            case NONE -> {
                response.setStatus(HttpStatus.NOT_FOUND.value());
                yield overviewPage(request, model, null, "mfa.error.no-such-session", false);
            }
            case THIS -> "redirect:/login?signedOut";
            case OTHER -> "redirect:/settings/security?ended";
        };
    }

    @PostMapping("/settings/security/sessions/end-others")
    String endOthers(HttpServletRequest request) {
        sessions.endOthers(SignedInUser.require(), currentSessionId(request), Actors.of(request));
        return "redirect:/settings/security?ended";
    }

    private String overviewPage(
            HttpServletRequest request, Model model, String notice, String error, boolean requiredNotice) {
        SignedInUser user = SignedInUser.require();
        Authenticators.Status status = authenticators.status(user);
        boolean clientRequires = policy.required(user.tenant());
        model.addAttribute("status", status);
        // a passkey is a second factor too: someone with one is not told to set up an app, and may hold recovery codes
        boolean hasSecondFactor = status.enrolled() || passkeys.any(user);
        model.addAttribute("hasSecondFactor", hasSecondFactor);
        model.addAttribute("recoveryLeft", hasSecondFactor ? recoveryCodes.left(user) : 0);
        model.addAttribute(
                "setupUnderWay",
                !status.enrolled() && authenticators.pendingSetup(user).isPresent());
        model.addAttribute("clientRequires", clientRequires);
        model.addAttribute("mustEnrol", (clientRequires || requiredNotice) && !hasSecondFactor);
        model.addAttribute("sessions", sessions.of(user, currentSessionId(request)));
        model.addAttribute("notice", notice);
        model.addAttribute("error", error);
        return "settings/security";
    }

    private static String setupPage(Model model, Authenticators.Setup setup, String error) {
        model.addAttribute("secret", setup.secretText());
        model.addAttribute("error", error);
        return "settings/security-totp";
    }

    private static String codesPage(HttpServletResponse response, Model model, List<String> codes, boolean enrolled) {
        response.setHeader("Cache-Control", "no-store");
        model.addAttribute("codes", codes);
        model.addAttribute("enrolled", enrolled);
        return "settings/security-recovery-codes";
    }

    private static String currentSessionId(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null ? null : session.getId();
    }
}
