package io.team365.identity.internal.sso;

import io.team365.audit.AuditTrail;
import io.team365.core.Conflict;
import io.team365.core.NotFound;
import io.team365.identity.SignedInUser;
import io.team365.identity.internal.SsoAccounts;
import io.team365.tenancy.TenantTransactions;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Settings → Security → Linked sign-ins: the person's identities, linking another provider, and unlinking one, but
 * never the last way in (an account without a password keeps at least one link).
 */
@Service
public class SsoIdentitySettings {

    /** One linked identity as the page shows it; a Client's own provider is named by the page. */
    public record Linked(
            UUID id,
            String registrationId,
            String providerName,
            String email,
            boolean emailVerified,
            String name,
            String pictureUrl,
            java.time.Instant linkedAt,
            java.time.Instant lastUsedAt) {}

    /** A provider the person may link: the platform's, and the current Client's own. */
    public record Option(String registrationId, String name) {}

    private final SsoIdentities identities;
    private final SsoAccounts accounts;
    private final SsoRegistrations registrations;
    private final ClientSsoSettings clientSettings;
    private final TenantTransactions transactions;
    private final AuditTrail audit;
    private final Clock clock;

    SsoIdentitySettings(
            SsoIdentities identities,
            SsoAccounts accounts,
            SsoRegistrations registrations,
            ClientSsoSettings clientSettings,
            TenantTransactions transactions,
            AuditTrail audit,
            Clock clock) {
        this.identities = identities;
        this.accounts = accounts;
        this.registrations = registrations;
        this.clientSettings = clientSettings;
        this.transactions = transactions;
        this.audit = audit;
        this.clock = clock;
    }

    public List<Linked> linked(SignedInUser user) {
        return transactions.call(user.tenant(), user.userId(), () -> identities.ofUser(user.userId())).stream()
                .map(i -> new Linked(
                        i.id(),
                        i.registrationId(),
                        nameOf(i.registrationId()),
                        i.email(),
                        i.emailVerified(),
                        i.name(),
                        i.pictureUrl(),
                        i.linkedAt(),
                        i.lastUsedAt()))
                .toList();
    }

    public List<Option> options(SignedInUser user) {
        var options = new java.util.ArrayList<Option>();
        registrations.platform().forEach(r -> options.add(new Option(r.getRegistrationId(), r.getClientName())));
        if (clientSettings.find(user.tenant()).isPresent()) {
            options.add(new Option(ClientSsoProvider.registrationIdOf(user.tenant()), null));
        }
        return options;
    }

    public boolean hasPassword(SignedInUser user) {
        return accounts.findById(user.userId())
                .map(SsoAccounts.Account::hasPassword)
                .orElse(false);
    }

    /**
     * Remembers that the next provider sign-in in this session links to the person; the caller then sends the
     * browser to the provider.
     * @throws NotFound for a provider that is not offered to the person
     */
    public void startLinking(SignedInUser user, String registrationId, HttpSession session) {
        boolean offered =
                options(user).stream().anyMatch(o -> o.registrationId().equals(registrationId));
        if (!offered) {
            throw new NotFound("provider");
        }
        SsoSessions.startLinking(session, user, registrationId, clock.instant());
    }

    /**
     * Remembers that the next provider sign-in in this session confirms it is the person (step-up), then returns to
     * {@code next}; the caller sends the browser to the provider.
     * @throws NotFound for a provider the person has not linked
     */
    public void startReauthentication(SignedInUser user, String registrationId, String next, HttpSession session) {
        boolean linked = linked(user).stream().anyMatch(l -> l.registrationId().equals(registrationId));
        if (!linked || registrations.findByRegistrationId(registrationId) == null) {
            throw new NotFound("provider");
        }
        SsoSessions.startReauthentication(session, user, registrationId, next, clock.instant());
    }

    /** @throws Conflict when it is the person's last way to sign in; NotFound when it is not theirs */
    public void unlink(SignedInUser user, UUID identityId, AuditTrail.Actor actor) {
        boolean hasPassword = hasPassword(user);
        transactions.run(user.tenant(), user.userId(), () -> {
            List<SsoIdentity> mine = identities.lockOfUser(user.userId());
            SsoIdentity target = mine.stream()
                    .filter(i -> i.id().equals(identityId))
                    .findFirst()
                    .orElseThrow(() -> new NotFound("identity"));
            if (!hasPassword && mine.size() <= 1) {
                throw new Conflict("identity", "sso.identities.last-way");
            }
            identities.delete(user.userId(), identityId);
            audit.record(
                    user.tenant(),
                    actor,
                    "identity.unlinked",
                    "user",
                    user.userId().toString(),
                    Map.of(
                            "provider",
                            SsoRegistrations.tenantOf(target.registrationId()).isPresent()
                                    ? "client"
                                    : target.registrationId()));
        });
    }

    private String nameOf(String registrationId) {
        if (SsoRegistrations.tenantOf(registrationId).isPresent()) {
            return null; // the page says "your organisation's sign-in"
        }
        var registration = registrations.findByRegistrationId(registrationId);
        return registration == null ? registrationId : registration.getClientName();
    }
}
