package io.team365.identity.web;

import io.team365.core.Conflict;
import io.team365.core.InvalidInput;
import io.team365.core.web.FormErrors;
import io.team365.identity.Actors;
import io.team365.identity.internal.SignUps;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

@Controller
class SignUpController {

    private final SignUps signUps;
    private final MessageSource messages;

    SignUpController(SignUps signUps, MessageSource messages) {
        this.signUps = signUps;
        this.messages = messages;
    }

    @GetMapping("/signup")
    String form(Model model) {
        model.addAttribute("form", new SignUps.Form("", "", "", ""));
        model.addAttribute("errors", FormErrors.none());
        return "identity/signup";
    }

    @PostMapping("/signup")
    String signUp(
            @ModelAttribute SignUps.Form form,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            Locale locale) {
        try {
            signUps.signUp(form, Actors.of(request));
        } catch (InvalidInput invalid) {
            return again(form, FormErrors.of(invalid, messages, locale), response, model);
        } catch (Conflict conflict) {
            String message = messages.getMessage(conflict.messageKey(), null, locale);
            return again(form, FormErrors.single(conflict.field(), message), response, model);
        }
        model.addAttribute("email", form.email().strip().toLowerCase(Locale.ROOT));
        return "identity/check-email";
    }

    private static String again(SignUps.Form form, FormErrors errors, HttpServletResponse response, Model model) {
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        model.addAttribute("form", new SignUps.Form(form.company(), form.name(), form.email(), ""));
        model.addAttribute("errors", errors);
        return "identity/signup";
    }
}
