package io.team365.operators.web;

import io.team365.audit.AuditTrail;
import io.team365.contacts.Contact;
import io.team365.contacts.ContactManagement;
import io.team365.contacts.ContactPage;
import io.team365.contacts.ContactQuery;
import io.team365.core.NotFound;
import io.team365.core.TenantId;
import io.team365.identity.Actors;
import io.team365.operators.internal.OperatorConsole;
import io.team365.operators.internal.OperatorGrants;
import io.team365.tenancy.Client;
import io.team365.tenancy.ClientManagement;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * The operator console (ROLE_OPERATOR only): the Clients that granted access now, and read-only views within each
 * grant's scope. Each view is written to that Client's audit trail, with the grant's id, as it is read.
 */
@Controller
class OperatorConsoleController {

    private final OperatorGrants grants;
    private final OperatorConsole console;
    private final ClientManagement clients;
    private final ContactManagement contacts;

    OperatorConsoleController(
            OperatorGrants grants, OperatorConsole console, ClientManagement clients, ContactManagement contacts) {
        this.grants = grants;
        this.console = console;
        this.clients = clients;
        this.contacts = contacts;
    }

    @GetMapping("/operator")
    String home(Model model) {
        model.addAttribute("grants", grants.live());
        return "operators/console";
    }

    @GetMapping("/operator/clients/{tenant}/settings")
    String settings(@PathVariable String tenant, HttpServletRequest request, Model model) {
        TenantId id = tenant(tenant);
        AuditTrail.Actor operator = Actors.of(request);
        Client client = console.read(
                id,
                "settings",
                operator,
                "operator.settings-viewed",
                "client",
                id.value().toString(),
                () -> clients.find(id).orElseThrow(() -> new NotFound("client")),
                found -> Map.of());
        model.addAttribute("client", client);
        model.addAttribute("grant", console.require(id, "settings"));
        return "operators/client-settings";
    }

    @GetMapping("/operator/clients/{tenant}/contacts")
    String contacts(@PathVariable String tenant, HttpServletRequest request, Model model) {
        TenantId id = tenant(tenant);
        ContactPage page = console.read(
                id,
                "records:read",
                Actors.of(request),
                "operator.contacts-listed",
                "contact",
                null,
                () -> contacts.list(ContactQuery.firstPage()),
                listed -> Map.of("count", listed.contacts().size()));
        model.addAttribute("tenant", id.value().toString());
        model.addAttribute("contacts", page.contacts());
        model.addAttribute("grant", console.require(id, "records:read"));
        return "operators/contacts";
    }

    @GetMapping("/operator/clients/{tenant}/contacts/{contact}")
    String contact(@PathVariable String tenant, @PathVariable UUID contact, HttpServletRequest request, Model model) {
        TenantId id = tenant(tenant);
        AuditTrail.Actor operator = Actors.of(request);
        Contact found = console.read(
                id,
                "records:read",
                operator,
                "operator.contact-viewed",
                "contact",
                contact.toString(),
                () -> contacts.view(contact, operator),
                viewed -> Map.of());
        model.addAttribute("tenant", id.value().toString());
        model.addAttribute("contact", found);
        model.addAttribute("grant", console.require(id, "records:read"));
        return "operators/contact";
    }

    private static TenantId tenant(String value) {
        try {
            return new TenantId(UUID.fromString(value));
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }
}
