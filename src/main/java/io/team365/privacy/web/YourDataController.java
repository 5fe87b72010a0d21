package io.team365.privacy.web;

import io.team365.core.Conflict;
import io.team365.core.InvalidInput;
import io.team365.core.web.FormErrors;
import io.team365.identity.AccountClosure;
import io.team365.identity.Actors;
import io.team365.identity.SignedInUser;
import io.team365.privacy.internal.OwnDataPackage;
import io.team365.privacy.internal.PolicyAcceptances;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Settings → Your data, for every signed-in person whatever their role: download what Team365 holds about them,
 * close their account, and accept a changed privacy policy or notice.
 */
@Controller
class YourDataController {

    private final OwnDataPackage packages;
    private final AccountClosure closure;
    private final PolicyAcceptances acceptances;
    private final MessageSource messages;

    YourDataController(
            OwnDataPackage packages, AccountClosure closure, PolicyAcceptances acceptances, MessageSource messages) {
        this.packages = packages;
        this.closure = closure;
        this.acceptances = acceptances;
        this.messages = messages;
    }

    @GetMapping("/settings/account")
    String account(HttpServletRequest request, Model model) {
        return page(FormErrors.none(), request, model);
    }

    @PostMapping("/settings/account/download")
    void download(HttpServletRequest request, HttpServletResponse response, Model model) throws IOException {
        SignedInUser user = SignedInUser.require();
        String name = "team365-my-data-" + LocalDate.now(ZoneOffset.UTC) + ".zip";
        response.setContentType("application/zip");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + name + "\"");
        response.setHeader("Cache-Control", "no-store");
        packages.write(user, Actors.of(request), response.getOutputStream());
    }

    @PostMapping("/settings/account/close")
    String close(
            @RequestParam(required = false) String password,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            Locale locale) {
        SignedInUser user = SignedInUser.require();
        if (closure.proof(user, request) == AccountClosure.Proof.CONFIRM_FIRST) {
            // no password to type: confirm it is you (passkey, or signing in again with your provider), then close
            return "redirect:" + AccountClosure.CONFIRM_FIRST_PAGE;
        }
        try {
            closure.close(user, password, request);
        } catch (InvalidInput invalid) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return page(FormErrors.of(invalid, messages, locale), request, model);
        } catch (Conflict conflict) {
            response.setStatus(HttpStatus.CONFLICT.value());
            return page(
                    FormErrors.single("password", messages.getMessage(conflict.messageKey(), null, locale)),
                    request,
                    model);
        }
        SecurityContextHolder.clearContext();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        return "redirect:/login?closed";
    }

    @GetMapping("/settings/account/policies")
    String policies(Model model) {
        model.addAttribute("pending", acceptances.pending(SignedInUser.require()));
        model.addAttribute("clientId", SignedInUser.require().tenant().toString());
        return "privacy/accept";
    }

    @PostMapping("/settings/account/policies")
    String accept(HttpServletRequest request) {
        acceptances.acceptAll(SignedInUser.require(), request.getRemoteAddr(), Actors.of(request));
        return "redirect:/app";
    }

    private String page(FormErrors errors, HttpServletRequest request, Model model) {
        SignedInUser user = SignedInUser.require();
        List<String> soleOwnerOf = closure.soleOwnerOf(user);
        model.addAttribute("errors", errors);
        model.addAttribute("proof", closure.proof(user, request));
        model.addAttribute("confirmFirst", AccountClosure.CONFIRM_FIRST_PAGE);
        model.addAttribute("soleOwnerOf", soleOwnerOf);
        return "privacy/account";
    }
}
