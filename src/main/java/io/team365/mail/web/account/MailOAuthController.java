package io.team365.mail.web.account;

import io.team365.core.InvalidInput;
import io.team365.identity.Actors;
import io.team365.mail.internal.account.MailAccount;
import io.team365.mail.internal.account.MailOAuthConnect;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Connect Gmail" / "Connect Microsoft 365": sends the browser to the provider's consent page with a fresh state and
 * PKCE challenge kept in the session, and takes it back on the callback. The pending authorization is used once.
 */
@Controller
class MailOAuthController {

    static final String PENDING = "mail.oauth.pending";

    private final MailOAuthConnect connect;

    MailOAuthController(MailOAuthConnect connect) {
        this.connect = connect;
    }

    @PostMapping(MailAccountsController.PATH + "/oauth/{provider}")
    String start(
            @PathVariable String provider,
            @RequestParam(required = false) String email,
            @RequestParam(required = false) String sharing,
            HttpSession session,
            RedirectAttributes flash) {
        try {
            MailOAuthConnect.Start start = connect.start(provider, email, sharing);
            session.setAttribute(PENDING, start.pending());
            return "redirect:" + start.authorizeUri();
        } catch (InvalidInput invalid) {
            flash.addFlashAttribute("oauthError", invalid.errors().getFirst().messageKey());
            return "redirect:" + MailAccountsController.PATH;
        }
    }

    @GetMapping(MailAccountsController.PATH + "/oauth/callback")
    String callback(
            @RequestParam(required = false) String state,
            @RequestParam(required = false) String code,
            @RequestParam(required = false) String error,
            HttpSession session,
            HttpServletRequest request,
            RedirectAttributes flash) {
        MailOAuthConnect.Pending pending =
                session.getAttribute(PENDING) instanceof MailOAuthConnect.Pending p ? p : null;
        session.removeAttribute(PENDING);
        try {
            MailAccount account = connect.finish(pending, state, code, error, Actors.of(request));
            flash.addFlashAttribute("notice", "mail.accounts.connected");
            return "redirect:" + MailAccountsController.PATH + "/" + account.id();
        } catch (InvalidInput invalid) {
            flash.addFlashAttribute("oauthError", invalid.errors().getFirst().messageKey());
            return "redirect:" + MailAccountsController.PATH;
        }
    }
}
