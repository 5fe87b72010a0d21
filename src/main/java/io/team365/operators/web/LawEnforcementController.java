package io.team365.operators.web;

import io.team365.core.InvalidInput;
import io.team365.core.web.FormErrors;
import io.team365.operators.LawEnforcementRequest;
import io.team365.operators.internal.LawEnforcementRegister;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The platform register of law-enforcement requests, in the operator console (ROLE_OPERATOR only). */
@Controller
class LawEnforcementController {

    private final LawEnforcementRegister register;
    private final MessageSource messages;

    LawEnforcementController(LawEnforcementRegister register, MessageSource messages) {
        this.register = register;
        this.messages = messages;
    }

    @GetMapping("/operator/law-enforcement")
    String list(Model model) {
        return render(model, Map.of(), FormErrors.none());
    }

    @PostMapping("/operator/law-enforcement")
    String record(@RequestParam Map<String, String> form, HttpServletResponse response, Model model, Locale locale) {
        try {
            register.record(new LawEnforcementRegister.Draft(
                    form.get("authority"),
                    form.get("receivedOn"),
                    form.get("legalBasis"),
                    form.get("scope"),
                    form.get("clientId"),
                    form.get("decision"),
                    "true".equals(form.get("disclosed")),
                    form.get("notes")));
            return "redirect:/operator/law-enforcement";
        } catch (InvalidInput invalid) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return render(model, form, FormErrors.of(invalid, messages, locale));
        }
    }

    private String render(Model model, Map<String, String> form, FormErrors errors) {
        model.addAttribute("requests", register.all());
        model.addAttribute("decisions", LawEnforcementRequest.DECISIONS);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "operators/law-enforcement";
    }
}
