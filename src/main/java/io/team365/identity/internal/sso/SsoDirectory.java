package io.team365.identity.internal.sso;

import io.team365.core.TenantId;
import io.team365.identity.internal.SsoAccounts;
import io.team365.tenancy.Client;
import io.team365.tenancy.ClientManagement;
import java.util.List;
import java.util.Locale;

/**
 * "Sign in with your organisation": from a work email to the single sign-on of the Clients that person belongs to.
 * No domain claims (a Client cannot capture an address it does not own); a new member uses the Client's own link
 * ({@code /login/sso/<client id>}), which the admin shares.
 */
@org.springframework.stereotype.Service
public class SsoDirectory {

    /** A Client with its own provider that the person can sign in to. */
    public record Choice(String registrationId, String clientName) {}

    private final SsoAccounts accounts;
    private final ClientSsoSettings settings;
    private final ClientManagement clients;

    SsoDirectory(SsoAccounts accounts, ClientSsoSettings settings, ClientManagement clients) {
        this.accounts = accounts;
        this.settings = settings;
        this.clients = clients;
    }

    public List<Choice> forEmail(String email) {
        String address = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        if (!io.team365.core.Validation.isEmail(address)) {
            return List.of();
        }
        return accounts.findByEmail(address)
                .map(account -> accounts.membershipsOf(account.id()).keySet().stream()
                        .filter(tenant -> settings.find(tenant).isPresent())
                        .map(tenant -> new Choice(ClientSsoProvider.registrationIdOf(tenant), nameOf(tenant)))
                        .toList())
                .orElse(List.of());
    }

    /** The Client's sign-in, if it has its own provider. */
    public boolean hasProvider(TenantId tenant) {
        return settings.find(tenant).isPresent();
    }

    private String nameOf(TenantId tenant) {
        return clients.find(tenant).map(Client::name).orElse("");
    }
}
