package io.team365.identity.web;

import io.team365.core.InvalidInput;
import io.team365.core.web.FormErrors;
import io.team365.identity.Actors;
import io.team365.identity.SignedInUser;
import io.team365.identity.internal.ClientSettings;
import io.team365.identity.internal.mfa.ClientMfaPolicy;
import io.team365.tenancy.Client;
import io.team365.tenancy.ClientManagement;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** Settings → Organisation: the Client's details; everyone may look, admins may change them. */
@Controller
class ClientSettingsController {

    private final ClientManagement clients;
    private final ClientSettings settings;
    private final MessageSource messages;
    private final ClientMfaPolicy mfa;

    ClientSettingsController(
            ClientManagement clients, ClientSettings settings, MessageSource messages, ClientMfaPolicy mfa) {
        this.clients = clients;
        this.settings = settings;
        this.messages = messages;
        this.mfa = mfa;
    }

    @GetMapping("/settings/client")
    String show(@RequestParam(required = false) String saved, Model model) {
        Client client = clients.find(SignedInUser.require().tenant()).orElseThrow();
        return render(model, client.name(), client, FormErrors.none(), saved != null);
    }

    @PostMapping("/settings/client")
    String rename(
            @RequestParam(required = false) String name,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            Locale locale) {
        SignedInUser user = SignedInUser.require();
        Client client = clients.find(user.tenant()).orElseThrow();
        try {
            settings.rename(user, name, Actors.of(request));
            return "redirect:/settings/client?saved";
        } catch (InvalidInput invalid) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return render(model, name, client, FormErrors.of(invalid, messages, locale), false);
        }
    }

    @PostMapping("/settings/client/visibility")
    String visibility(@RequestParam(required = false) String recordVisibility, HttpServletRequest request) {
        try {
            settings.setRecordVisibility(SignedInUser.require(), recordVisibility, Actors.of(request));
        } catch (InvalidInput invalid) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        }
        return "redirect:/settings/client?saved";
    }

    /** "Members must use two-step verification" (issue 7); admins only, by the POST /settings/client/** rule. */
    @PostMapping("/settings/client/mfa")
    String mfa(
            @RequestParam(required = false) String mfaRequired,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            Locale locale) {
        SignedInUser user = SignedInUser.require();
        Boolean required =
                "true".equals(mfaRequired) ? Boolean.TRUE : "false".equals(mfaRequired) ? Boolean.FALSE : null;
        try {
            mfa.set(user, required, Actors.of(request));
            return "redirect:/settings/client?saved";
        } catch (InvalidInput invalid) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            Client client = clients.find(user.tenant()).orElseThrow();
            return render(model, client.name(), client, FormErrors.of(invalid, messages, locale), false);
        }
    }

    private String render(Model model, String name, Client client, FormErrors errors, boolean saved) {
        model.addAttribute("mfaRequired", mfa.required(client.id()));
        model.addAttribute("name", name == null ? "" : name);
        model.addAttribute("client", client);
        model.addAttribute("errors", errors);
        model.addAttribute("saved", saved);
        return "settings/client";
    }
}
