package io.team365.mail.internal.limiteduse;

import io.team365.core.InvalidInput;
import io.team365.core.web.FormErrors;
import io.team365.identity.Actors;
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

/**
 * A user approves, from a message's thread view (mail/links/operatorApproval.jte), that a named Team365 operator may
 * read that message; Settings → Operator access to my mail lists their approvals and revokes them.
 */
@Controller
class OperatorApprovalController {

    private final OperatorApprovals approvals;
    private final MessageSource messages;

    OperatorApprovalController(OperatorApprovals approvals, MessageSource messages) {
        this.approvals = approvals;
        this.messages = messages;
    }

    @PostMapping("/mail/messages/{id}/operator-approvals")
    String approve(
            @PathVariable UUID id,
            @RequestParam(required = false) String operator,
            @RequestParam(required = false) String reason,
            @RequestParam(required = false) String days,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            Locale locale) {
        try {
            approvals.approve(id, operator, reason, whole(days), Actors.of(request));
            return "redirect:/settings/mail/operator-approvals";
        } catch (InvalidInput invalid) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return render(model, FormErrors.of(invalid, messages, locale));
        }
    }

    @GetMapping("/settings/mail/operator-approvals")
    String page(Model model) {
        return render(model, FormErrors.none());
    }

    @PostMapping("/settings/mail/operator-approvals/{id}/revoke")
    String revoke(@PathVariable UUID id, HttpServletRequest request) {
        approvals.revoke(id, Actors.of(request));
        return "redirect:/settings/mail/operator-approvals";
    }

    private static Integer whole(String days) {
        try {
            return days == null ? null : Integer.valueOf(days.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private String render(Model model, FormErrors errors) {
        model.addAttribute("approvals", approvals.mine());
        model.addAttribute("now", approvals.now());
        model.addAttribute("errors", errors);
        return "mail/links/operatorApprovals";
    }
}
