package io.team365.identity.web;

import io.team365.audit.AuditTrail;
import io.team365.core.InvalidInput;
import io.team365.core.Validation;
import io.team365.core.web.FormErrors;
import io.team365.identity.Actors;
import io.team365.identity.SignedInUser;
import io.team365.tenancy.Client;
import io.team365.tenancy.ClientManagement;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Settings → Organisation: the Client's details; everyone may look, admins may change them. */
@Controller
class ClientSettingsController {

    private final ClientManagement clients;
    private final AuditTrail audit;
    private final MessageSource messages;

    ClientSettingsController(ClientManagement clients, AuditTrail audit, MessageSource messages) {
        this.clients = clients;
        this.audit = audit;
        this.messages = messages;
    }

    @GetMapping("/settings/client")
    String show(@RequestParam(required = false) String saved, Model model) {
        Client client = clients.find(SignedInUser.require().tenant()).orElseThrow();
        return render(model, client.name(), client, FormErrors.none(), saved != null);
    }

    @PostMapping("/settings/client")
    @Transactional
    String rename(
            @RequestParam(required = false) String name,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            Locale locale) {
        SignedInUser user = SignedInUser.require();
        Client client = clients.find(user.tenant()).orElseThrow();
        try {
            Validation check = Validation.start();
            String newName = check.text("name", name, ClientManagement.MAX_NAME_LENGTH);
            check.throwIfInvalid();
            clients.rename(user.tenant(), newName);
            audit.record(
                    user.tenant(),
                    Actors.of(request),
                    "client.renamed",
                    "client",
                    user.tenant().toString(),
                    Map.of("from", client.name(), "to", newName));
            return "redirect:/settings/client?saved";
        } catch (InvalidInput invalid) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return render(model, name, client, FormErrors.of(invalid, messages, locale), false);
        }
    }

    @PostMapping("/settings/client/visibility")
    @Transactional
    String visibility(@RequestParam(required = false) String recordVisibility, HttpServletRequest request) {
        SignedInUser user = SignedInUser.require();
        Client client = clients.find(user.tenant()).orElseThrow();
        Client.RecordVisibility visibility = Client.RecordVisibility.parse(String.valueOf(recordVisibility))
                .orElseThrow(() -> new org.springframework.web.server.ResponseStatusException(
                        org.springframework.http.HttpStatus.BAD_REQUEST));
        clients.setRecordVisibility(user.tenant(), visibility);
        audit.record(
                user.tenant(),
                Actors.of(request),
                "client.visibility-changed",
                "client",
                user.tenant().toString(),
                Map.of("from", client.recordVisibility().value(), "to", visibility.value()));
        return "redirect:/settings/client?saved";
    }

    private static String render(Model model, String name, Client client, FormErrors errors, boolean saved) {
        model.addAttribute("name", name == null ? "" : name);
        model.addAttribute("client", client);
        model.addAttribute("errors", errors);
        model.addAttribute("saved", saved);
        return "settings/client";
    }
}
