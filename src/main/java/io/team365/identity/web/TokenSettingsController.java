package io.team365.identity.web;

import io.team365.core.InvalidInput;
import io.team365.core.web.FormErrors;
import io.team365.identity.Actors;
import io.team365.identity.SignedInUser;
import io.team365.identity.internal.ApiTokens;
import io.team365.tenancy.TenantCrypto;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
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

    private static final String FLASH_PURPOSE = "identity.new-token-flash";

    private final ApiTokens tokens;
    private final TenantCrypto crypto;
    private final MessageSource messages;

    TokenSettingsController(ApiTokens tokens, TenantCrypto crypto, MessageSource messages) {
        this.tokens = tokens;
        this.crypto = crypto;
        this.messages = messages;
    }

    /**
     * The token just created arrives as a flash attribute, shown on this one page view and never again. It travels
     * through the session store sealed with the Client's data key, so no plaintext token is ever written down.
     */
    record SealedToken(UUID id, String name, byte[] sealed) implements Serializable {}

    @GetMapping("/settings/tokens")
    String list(Model model) {
        ApiTokens.Created created = null;
        if (model.getAttribute("created") instanceof SealedToken sealed) {
            String token = new String(
                    crypto.decrypt(SignedInUser.require().tenant(), FLASH_PURPOSE, sealed.sealed()),
                    StandardCharsets.UTF_8);
            created = new ApiTokens.Created(sealed.id(), sealed.name(), token);
        }
        return render(model, created, FormErrors.none());
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
            byte[] sealed = crypto.encrypt(
                    SignedInUser.require().tenant(),
                    FLASH_PURPOSE,
                    created.token().getBytes(StandardCharsets.UTF_8));
            flash.addFlashAttribute("created", new SealedToken(created.id(), created.name(), sealed));
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
