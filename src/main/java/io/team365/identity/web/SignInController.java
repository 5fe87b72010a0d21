package io.team365.identity.web;

import io.team365.identity.SignedInUser;
import io.team365.identity.internal.EmailVerifications;
import io.team365.identity.internal.SignInFailureHandler;
import jakarta.servlet.http.HttpSession;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class SignInController {

    private final EmailVerifications verifications;

    SignInController(EmailVerifications verifications) {
        this.verifications = verifications;
    }

    @GetMapping("/login")
    String form(
            @RequestParam(required = false) String error,
            @RequestParam(required = false) Integer minutes,
            @RequestParam(required = false) String signedOut,
            @RequestParam(required = false) String verified,
            @RequestParam(required = false) String reset,
            @RequestParam(required = false) String joined,
            HttpSession session,
            Model model) {
        if (SignedInUser.current().isPresent()) {
            return "redirect:/app";
        }
        String notice = null;
        if (signedOut != null) {
            notice = "signin.signed-out";
        } else if (verified != null) {
            notice = "signin.verified";
        } else if (reset != null) {
            notice = "signin.password-reset";
        } else if (joined != null) {
            notice = "signin.joined";
        }
        model.addAttribute(
                "error",
                error == null
                        ? null
                        : switch (error) {
                            case "throttled", "unverified", "no-workspace" -> error;
                            default -> "credentials";
                        });
        model.addAttribute("minutes", minutes == null ? 15 : Math.max(1, Math.min(minutes, 60)));
        model.addAttribute("notice", notice);
        Object last = error == null ? null : session.getAttribute(SignInFailureHandler.LAST_USERNAME);
        model.addAttribute("username", last instanceof String text ? text : "");
        return "identity/login";
    }

    @GetMapping("/verify-email")
    String verify(@RequestParam(required = false) String token, Model model) {
        if (verifications.verify(token)) {
            return "redirect:/login?verified";
        }
        model.addAttribute("sent", false);
        return "identity/verify-failed";
    }

    @PostMapping("/verify-email/resend")
    String resend(@RequestParam(required = false) String email, Model model) {
        verifications.resend(email);
        model.addAttribute("sent", true);
        return "identity/verify-failed";
    }
}
