package io.team365.identity.internal;

import io.team365.audit.AuditTrail;
import io.team365.core.InvalidInput;
import io.team365.core.Validation;
import io.team365.identity.SignedInUser;
import io.team365.tenancy.Client;
import io.team365.tenancy.ClientManagement;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Changing the organisation's own settings, for its owners and admins; each change is in the audit trail. */
@Service
public class ClientSettings {

    private final ClientManagement clients;
    private final AuditTrail audit;

    ClientSettings(ClientManagement clients, AuditTrail audit) {
        this.clients = clients;
        this.audit = audit;
    }

    @Transactional
    public void rename(SignedInUser user, String requestedName, AuditTrail.Actor actor) {
        Validation check = Validation.start();
        String name = check.text("name", requestedName, ClientManagement.MAX_NAME_LENGTH);
        check.throwIfInvalid();
        Client before = clients.find(user.tenant()).orElseThrow();
        clients.rename(user.tenant(), name);
        audit.record(
                user.tenant(),
                actor,
                "client.renamed",
                "client",
                user.tenant().toString(),
                Map.of("from", before.name(), "to", name));
    }

    @Transactional
    public void setRecordVisibility(SignedInUser user, String requested, AuditTrail.Actor actor) {
        Client.RecordVisibility visibility = Client.RecordVisibility.parse(requested == null ? "" : requested)
                .orElseThrow(() -> InvalidInput.of("recordVisibility", "client.visibility-invalid"));
        Client before = clients.find(user.tenant()).orElseThrow();
        clients.setRecordVisibility(user.tenant(), visibility);
        audit.record(
                user.tenant(),
                actor,
                "client.visibility-changed",
                "client",
                user.tenant().toString(),
                Map.of("from", before.recordVisibility().value(), "to", visibility.value()));
    }
}
