package io.team365.identity.web;

import io.team365.core.InvalidInput;
import io.team365.core.web.FormErrors;
import io.team365.identity.internal.PasswordResets;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class PasswordResetController {

    private final PasswordResets resets;
    private final MessageSource messages;

    PasswordResetController(PasswordResets resets, MessageSource messages) {
        this.resets = resets;
        this.messages = messages;
    }

    @GetMapping("/forgot-password")
    String form(Model model) {
        model.addAttribute("sent", false);
        return "identity/forgot-password";
    }

    @PostMapping("/forgot-password")
    String request(@RequestParam(required = false) String email, Model model) {
        resets.request(email);
        model.addAttribute("sent", true);
        return "identity/forgot-password";
    }

    @GetMapping("/reset-password")
    String resetForm(@RequestParam(required = false) String token, Model model) {
        model.addAttribute("token", token == null ? "" : token);
        model.addAttribute("valid", resets.isValid(token));
        model.addAttribute("errors", FormErrors.none());
        return "identity/reset-password";
    }

    @PostMapping("/reset-password")
    String reset(
            @RequestParam(required = false) String token,
            @RequestParam(required = false) String password,
            HttpServletResponse response,
            Model model,
            Locale locale) {
        try {
            resets.reset(token, password);
            return "redirect:/login?reset";
        } catch (InvalidInput invalid) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            boolean linkBroken =
                    invalid.errors().stream().anyMatch(e -> e.field().equals("token"));
            model.addAttribute("token", token == null ? "" : token);
            model.addAttribute("valid", !linkBroken);
            model.addAttribute("errors", FormErrors.of(invalid, messages, locale));
            return "identity/reset-password";
        }
    }
}
