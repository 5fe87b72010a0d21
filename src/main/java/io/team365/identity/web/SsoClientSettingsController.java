package io.team365.identity.web;

import io.team365.core.InvalidInput;
import io.team365.core.web.FormErrors;
import io.team365.identity.Actors;
import io.team365.identity.SignedInUser;
import io.team365.identity.internal.sso.ClientSsoSettings;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Settings → Sign-in (admins): the Client's own OpenID Connect provider and "require SSO for members". */
@Controller
class SsoClientSettingsController {

    private final ClientSsoSettings settings;
    private final MessageSource messages;

    SsoClientSettingsController(ClientSsoSettings settings, MessageSource messages) {
        this.settings = settings;
        this.messages = messages;
    }

    @GetMapping("/settings/client/sign-in")
    String show(
            @RequestParam(required = false) String saved, @RequestParam(required = false) String removed, Model model) {
        SignedInUser admin = SignedInUser.require();
        Optional<ClientSsoSettings.View> current = settings.view(admin);
        ClientSsoSettings.Form form = current.map(
                        v -> new ClientSsoSettings.Form(v.issuer(), v.clientId(), "", v.requireSso(), v.allowJoin()))
                .orElseGet(() -> new ClientSsoSettings.Form("", "", "", false, false));
        return render(
                model,
                admin,
                current,
                form,
                FormErrors.none(),
                saved != null ? "form.saved" : removed != null ? "sso.client.removed" : null);
    }

    @PostMapping("/settings/client/sign-in")
    String save(
            @RequestParam(required = false) String issuer,
            @RequestParam(required = false) String clientId,
            @RequestParam(required = false) String clientSecret,
            @RequestParam(defaultValue = "false") boolean requireSso,
            @RequestParam(defaultValue = "false") boolean allowJoin,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            Locale locale) {
        SignedInUser admin = SignedInUser.require();
        var form = new ClientSsoSettings.Form(issuer, clientId, clientSecret, requireSso, allowJoin);
        try {
            settings.save(admin, form, Actors.of(request));
            return "redirect:/settings/client/sign-in?saved";
        } catch (InvalidInput invalid) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            var shown = new ClientSsoSettings.Form(issuer, clientId, "", requireSso, allowJoin);
            return render(model, admin, settings.view(admin), shown, FormErrors.of(invalid, messages, locale), null);
        }
    }

    @PostMapping("/settings/client/sign-in/remove")
    String remove(HttpServletRequest request) {
        settings.remove(SignedInUser.require(), Actors.of(request));
        return "redirect:/settings/client/sign-in?removed";
    }

    private String render(
            Model model,
            SignedInUser admin,
            Optional<ClientSsoSettings.View> current,
            ClientSsoSettings.Form form,
            FormErrors errors,
            String notice) {
        model.addAttribute("current", current.orElse(null));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("notice", notice);
        model.addAttribute("redirectUri", settings.redirectUri(admin.tenant()));
        model.addAttribute("signInLink", settings.signInLink(admin.tenant()));
        return "identity/sso/client-sign-in";
    }
}
