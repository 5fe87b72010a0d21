package io.team365.identity.web;

import io.team365.core.InvalidInput;
import io.team365.core.web.FormErrors;
import io.team365.identity.SignedInUser;
import io.team365.identity.internal.ApiTokens;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Settings → API tokens: create (shown once), list with last use, revoke. */
@Controller
class TokenSettingsController {

    private final ApiTokens tokens;
    private final MessageSource messages;

    TokenSettingsController(ApiTokens tokens, MessageSource messages) {
        this.tokens = tokens;
        this.messages = messages;
    }

    /** The token just created arrives as a flash attribute: shown on this one page view, never again. */
    @GetMapping("/settings/tokens")
    String list(Model model) {
        return render(model, (ApiTokens.Created) model.getAttribute("created"), FormErrors.none());
    }

    @PostMapping("/settings/tokens")
    String create(
            @RequestParam(required = false) String name,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            RedirectAttributes flash,
            Locale locale) {
        try {
            ApiTokens.Created created = tokens.create(SignedInUser.require(), name, Actors.of(request));
            // post/redirect/get: reloading the page must not create a second token
            flash.addFlashAttribute("created", created);
            return "redirect:/settings/tokens";
        } catch (InvalidInput invalid) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return render(model, null, FormErrors.of(invalid, messages, locale));
        }
    }

    @PostMapping("/settings/tokens/{id}/revoke")
    String revoke(@PathVariable UUID id, HttpServletRequest request) {
        tokens.revoke(SignedInUser.require(), id, Actors.of(request));
        return "redirect:/settings/tokens";
    }

    private String render(Model model, ApiTokens.Created created, FormErrors errors) {
        model.addAttribute("tokens", tokens.list(SignedInUser.require()));
        model.addAttribute("created", created);
        model.addAttribute("errors", errors);
        return "settings/tokens";
    }
}
