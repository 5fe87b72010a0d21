package io.team365.identity.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.team365.identity.Actors;
import io.team365.identity.SignedInUser;
import io.team365.identity.internal.ClientSettings;
import io.team365.identity.internal.mfa.ClientMfaPolicy;
import io.team365.tenancy.Client;
import io.team365.tenancy.ClientManagement;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The caller's Client (organisation). Everyone may read it; owners and admins may rename it. */
@RestController
@Tag(name = "Organisation")
class ClientApiController {

    record ClientPatch(String name, String recordVisibility, Boolean mfaRequired) {}

    private final ClientManagement clients;
    private final ClientSettings settings;
    private final ClientMfaPolicy mfa;

    ClientApiController(ClientManagement clients, ClientSettings settings, ClientMfaPolicy mfa) {
        this.clients = clients;
        this.settings = settings;
        this.mfa = mfa;
    }

    @GetMapping("/api/v1/client")
    @Operation(summary = "The organisation the credentials act in")
    Map<String, Object> client() {
        return json(clients.find(SignedInUser.require().tenant()).orElseThrow());
    }

    @PatchMapping(
            path = "/api/v1/client",
            consumes = {"application/merge-patch+json", "application/json"})
    @Operation(summary = "Rename the organisation (JSON merge patch)")
    @Transactional
    Map<String, Object> update(@RequestBody ClientPatch patch, HttpServletRequest request) {
        SignedInUser user = SignedInUser.require();
        if (patch.name() != null) {
            settings.rename(user, patch.name(), Actors.of(request));
        }
        if (patch.recordVisibility() != null) {
            settings.setRecordVisibility(user, patch.recordVisibility(), Actors.of(request));
        }
        if (patch.mfaRequired() != null) {
            mfa.set(user, patch.mfaRequired(), Actors.of(request));
        }
        return json(clients.find(user.tenant()).orElseThrow());
    }

    private Map<String, Object> json(Client client) {
        return Map.of(
                "id",
                client.id().toString(),
                "name",
                client.name(),
                "createdAt",
                client.createdAt().toString(),
                "recordVisibility",
                client.recordVisibility().value(),
                "mfaRequired",
                mfa.required(client.id()));
    }
}
