package io.team365.identity.web;

import io.team365.audit.AuditTrail;
import io.team365.identity.SignedInUser;
import io.team365.identity.internal.SignInCompletion;
import io.team365.identity.internal.SignInCompletion.PendingSecondFactor;
import io.team365.identity.internal.SignInMethod;
import io.team365.identity.internal.mfa.Authenticators;
import io.team365.identity.internal.mfa.QrCodes;
import io.team365.identity.internal.mfa.RecoveryCodes;
import io.team365.identity.internal.mfa.SecondFactorThrottle;
import io.team365.identity.internal.mfa.SecondFactors;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The second step of signing in: a code from the authenticator app or a recovery code, or, when the Client requires
 * two factors and the person has none, setting up an authenticator first. Reachable only with a pending sign-in
 * in the session; until this page is passed the session is signed out.
 */
@Controller
class MfaSignInController {

    private final SignInCompletion completion;
    private final Authenticators authenticators;
    private final RecoveryCodes recoveryCodes;
    private final SecondFactorThrottle throttle;
    private final Clock clock;
    private final SecondFactors secondFactors;

    MfaSignInController(
            SignInCompletion completion,
            Authenticators authenticators,
            RecoveryCodes recoveryCodes,
            SecondFactorThrottle throttle,
            Clock clock,
            SecondFactors secondFactors) {
        this.secondFactors = secondFactors;
        this.completion = completion;
        this.authenticators = authenticators;
        this.recoveryCodes = recoveryCodes;
        this.throttle = throttle;
        this.clock = clock;
    }

    @GetMapping(SignInCompletion.SECOND_FACTOR_PAGE)
    String form(@RequestParam(required = false) String recovery, HttpServletRequest request, Model model) {
        Optional<PendingSecondFactor> pending = completion.pending(request);
        if (pending.isEmpty()) {
            return "redirect:/login";
        }
        if (pending.get().enrolmentRequired()) {
            return "redirect:" + SignInCompletion.ENROLMENT_PAGE;
        }
        return page(model, pending.get(), recovery != null, null, 0);
    }

    @PostMapping(SignInCompletion.SECOND_FACTOR_PAGE)
    String submit(
            @RequestParam(required = false) String code,
            @RequestParam(required = false) String recoveryCode,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model)
            throws IOException {
        Optional<PendingSecondFactor> found = completion.pending(request);
        if (found.isEmpty()) {
            return "redirect:/login";
        }
        PendingSecondFactor pending = found.get();
        if (pending.enrolmentRequired()) {
            return "redirect:" + SignInCompletion.ENROLMENT_PAGE;
        }
        SignedInUser user = pending.user();
        boolean byRecovery = recoveryCode != null && !recoveryCode.isBlank();
        if (!byRecovery && (code == null || code.isBlank())) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return page(model, pending, false, "mfa.signin.error.required", 0);
        }
        // counted as a wrong code before it is checked, under a lock per person: parallel guesses cannot outrun it
        SecondFactorThrottle.Attempt attempt = throttle.begin(user);
        if (attempt.blocked()) {
            return throttled(response, model, pending, byRecovery, attempt.blockedUntil());
        }
        boolean right = byRecovery
                ? recoveryCodes.use(user, recoveryCode, actor(user, request))
                : authenticators.verify(user, code);
        if (!right) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return page(
                    model,
                    pending,
                    byRecovery,
                    byRecovery ? "mfa.signin.error.recovery-wrong" : "mfa.signin.error.code-wrong",
                    0);
        }
        throttle.succeeded(user);
        completion.secondFactorDone(request, response, pending, byRecovery ? "recovery-code" : "totp");
        if (byRecovery) {
            // a recovery code was spent: show how many are left and offer new ones
            return "redirect:/settings/security?recoveryUsed";
        }
        completion.redirectAfterSignIn(request, response);
        return null;
    }

    @GetMapping(SignInCompletion.ENROLMENT_PAGE)
    String enrolment(HttpServletRequest request, Model model) {
        Optional<PendingSecondFactor> pending = completion.pending(request);
        if (pending.isEmpty()) {
            return "redirect:/login";
        }
        if (!pending.get().enrolmentRequired()) {
            return "redirect:" + SignInCompletion.SECOND_FACTOR_PAGE;
        }
        return enrolmentPage(pending.get().user(), model, null);
    }

    @GetMapping(SignInCompletion.ENROLMENT_PAGE + "/qr.svg")
    ResponseEntity<String> enrolmentQr(HttpServletRequest request) {
        return completion
                .pending(request)
                .filter(PendingSecondFactor::enrolmentRequired)
                .flatMap(pending -> authenticators.pendingSetup(pending.user()))
                .map(setup -> ResponseEntity.ok()
                        .contentType(MediaType.valueOf("image/svg+xml"))
                        .cacheControl(CacheControl.noStore())
                        .body(QrCodes.svg(setup.keyUri())))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    @PostMapping(SignInCompletion.ENROLMENT_PAGE)
    String enrol(
            @RequestParam(required = false) String code,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        Optional<PendingSecondFactor> found = completion.pending(request);
        if (found.isEmpty() || !found.get().enrolmentRequired()) {
            return "redirect:/login";
        }
        PendingSecondFactor pending = found.get();
        SignedInUser user = pending.user();
        if (code == null || code.isBlank()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return enrolmentPage(user, model, "mfa.signin.error.required");
        }
        if (throttle.begin(user).blocked()) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            return enrolmentPage(user, model, "mfa.signin.error.throttled");
        }
        Optional<List<String>> codes = authenticators.confirm(user, code, actor(user, request));
        if (codes.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return enrolmentPage(user, model, "mfa.signin.error.code-wrong");
        }
        throttle.succeeded(user);
        completion.secondFactorDone(request, response, pending, "totp-enrolment");
        model.addAttribute("codes", codes.get());
        response.setHeader("Cache-Control", "no-store");
        return "identity/mfa/recovery-codes-after-sign-in";
    }

    private String enrolmentPage(SignedInUser user, Model model, String error) {
        Authenticators.Setup setup = authenticators
                .pendingSetup(user)
                .or(() -> authenticators.begin(user))
                .orElseThrow(() -> new IllegalStateException("enrolment needed but an authenticator exists"));
        model.addAttribute("secret", setup.secretText());
        model.addAttribute("error", error);
        return "identity/mfa/enrol";
    }

    private String throttled(
            HttpServletResponse response, Model model, PendingSecondFactor pending, boolean recovery, Instant until) {
        long minutes = Math.max(1, Duration.between(clock.instant(), until).toMinutes() + 1);
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader("Retry-After", String.valueOf(minutes * 60));
        return page(model, pending, recovery, "mfa.signin.error.throttled", minutes);
    }

    /** The page offers what the person has: a code from their app (and recovery codes), a passkey, or both. */
    private String page(Model model, PendingSecondFactor pending, boolean recovery, String error, long minutes) {
        SignedInUser user = pending.user();
        boolean totp = secondFactors.totp(user);
        // the lead names the first step the person just passed: a provider's sign-in is not "your password"
        model.addAttribute("lead", pending.method() == SignInMethod.SSO ? "mfa.signin.lead.sso" : "mfa.signin.lead");
        model.addAttribute("recovery", recovery);
        model.addAttribute("totp", totp);
        model.addAttribute("passkey", secondFactors.passkey(user));
        // a passkey-only person may hold recovery codes too (made in Settings), for when the device is lost
        model.addAttribute("recoveryCodes", totp || recoveryCodes.left(user) > 0);
        model.addAttribute("error", error);
        model.addAttribute("minutes", minutes);
        return "identity/mfa/second-factor";
    }

    private static AuditTrail.Actor actor(SignedInUser user, HttpServletRequest request) {
        return new AuditTrail.Actor(
                user.userId(), user.email(), request.getRemoteAddr(), request.getHeader("User-Agent"));
    }
}
