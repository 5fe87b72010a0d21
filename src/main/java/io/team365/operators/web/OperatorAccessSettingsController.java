package io.team365.operators.web;

import io.team365.audit.AuditTrail;
import io.team365.core.InvalidInput;
import io.team365.core.web.FormErrors;
import io.team365.identity.Actors;
import io.team365.operators.internal.OperatorGrants;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.time.Instant;
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

/**
 * Settings → Operator access, for the Client's admins: grant Team365 operators time-boxed access (scope, reason, up
 * to seven days), revoke it, and see every operator action from the audit trail.
 */
@Controller
class OperatorAccessSettingsController {

    private final OperatorGrants grants;
    private final AuditTrail audit;
    private final MessageSource messages;

    OperatorAccessSettingsController(OperatorGrants grants, AuditTrail audit, MessageSource messages) {
        this.grants = grants;
        this.audit = audit;
        this.messages = messages;
    }

    @GetMapping("/settings/operator-access")
    String page(Model model) {
        return render(model, FormErrors.none());
    }

    @PostMapping("/settings/operator-access")
    String grant(
            @RequestParam(required = false) String scope,
            @RequestParam(required = false) String reason,
            @RequestParam(required = false) String days,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            Locale locale) {
        try {
            grants.grant(scope, reason, until(days), Actors.of(request));
            return "redirect:/settings/operator-access";
        } catch (InvalidInput invalid) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return render(model, FormErrors.of(invalid, messages, locale).renamed("until", "days"));
        }
    }

    @PostMapping("/settings/operator-access/{id}/revoke")
    String revoke(@PathVariable UUID id, HttpServletRequest request) {
        grants.revoke(id, Actors.of(request));
        return "redirect:/settings/operator-access";
    }

    /** Whole days from now; anything that is not 1–7 becomes a time the service refuses with the right message. */
    private Instant until(String days) {
        Instant now = grants.now();
        try {
            int count = Integer.parseInt(days == null ? "" : days.strip());
            return count < 1 ? now : now.plus(Duration.ofDays(Math.min(count, 8)));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private String render(Model model, FormErrors errors) {
        model.addAttribute("grants", grants.all());
        model.addAttribute("now", grants.now());
        model.addAttribute("activity", audit.recent(null, 50, "operator.", null));
        model.addAttribute("errors", errors);
        return "operators/settings";
    }
}
