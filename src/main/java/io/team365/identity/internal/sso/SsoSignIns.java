package io.team365.identity.internal.sso;

import io.team365.audit.AuditTrail;
import io.team365.core.TenantId;
import io.team365.identity.Role;
import io.team365.identity.SignedInUser;
import io.team365.identity.internal.SsoAccounts;
import io.team365.identity.internal.SsoAccounts.Account;
import io.team365.tenancy.TenantTransactions;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Decides who a provider's sign-in is. An existing link signs its person in. Otherwise the identity links to the
 * Team365 account with the same address only when the provider vouches for that address, and a new address goes to
 * sign-up. A Client's own provider is trusted only for that Client: it signs people into it, and links only to its
 * members, so a Client's administrator cannot use their provider to take over anyone else's account.
 */
@Service
class SsoSignIns {

    sealed interface Outcome {}

    record SignedIn(SignedInUser user) implements Outcome {}

    record Linked(SignedInUser user) implements Outcome {}

    record NeedsSignUp(ProviderClaims claims) implements Outcome {}

    /** A reason the pages explain: unverified, no-email, taken, not-member, sso-required, no-workspace, provider. */
    record Refused(String reason) implements Outcome {}

    private final SsoIdentities identities;
    private final SsoAccounts accounts;
    private final SsoPolicy policy;
    private final ClientSsoSettings clientSettings;
    private final TenantTransactions transactions;
    private final AuditTrail audit;
    private final Clock clock;

    SsoSignIns(
            SsoIdentities identities,
            SsoAccounts accounts,
            SsoPolicy policy,
            ClientSsoSettings clientSettings,
            TenantTransactions transactions,
            AuditTrail audit,
            Clock clock) {
        this.identities = identities;
        this.accounts = accounts;
        this.policy = policy;
        this.clientSettings = clientSettings;
        this.transactions = transactions;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * @param clientTenant the Client whose own provider this is, or null for a platform provider
     * @param requester the browser's address and user agent, for the audit trail
     */
    Outcome resolve(
            ProviderClaims claims, SsoSessions.LinkIntent intent, TenantId clientTenant, AuditTrail.Actor requester) {
        if (!claims.usable()) {
            return new Refused("provider");
        }
        String key = SsoIdentities.keyOf(claims.registrationId(), claims.issuer(), claims.subject());
        Optional<SsoIdentity> existing = transactions.call(null, null, () -> identities.findByKey(key));
        Instant now = clock.instant();
        if (intent != null) {
            return link(claims, intent.user(), existing, clientTenant, requester, now);
        }
        if (existing.isPresent()) {
            Account account = accounts.findById(existing.get().userId()).orElseThrow();
            Optional<SignedInUser> opened = open(account, clientTenant);
            if (opened.isEmpty()) {
                return new Refused(refusal(account, clientTenant));
            }
            SignedInUser user = opened.get();
            transactions.run(user.tenant(), user.userId(), () -> {
                identities.used(existing.get().id(), claims, now);
                audit.record(
                        user.tenant(),
                        actor(user, requester),
                        "signin.sso",
                        "user",
                        user.userId().toString(),
                        Map.of("provider", providerWord(claims)));
            });
            return new SignedIn(user);
        }
        if (claims.email() == null) {
            return new Refused("no-email");
        }
        if (!claims.emailVerified()) {
            return new Refused("unverified");
        }
        Optional<Account> account = accounts.findByEmail(claims.email());
        if (clientTenant != null) {
            return joinOrLinkInClient(claims, account, clientTenant, requester, now);
        }
        if (account.isEmpty()) {
            return new NeedsSignUp(claims);
        }
        if (!account.get().emailVerified()) {
            // a platform provider proved the address: the account is its owner's now, even if it opens no Client
            // below (one made for the address on a Client provider's word loses that provider's links)
            accounts.claimUnverified(account.get().id());
        }
        Optional<SignedInUser> opened = open(account.get(), null);
        if (opened.isEmpty()) {
            return new Refused(refusal(account.get(), null));
        }
        return linkedByEmail(claims, account.get(), opened.get(), requester, now, true);
    }

    /**
     * Whether the identity the provider just signed in is one linked to this person (step-up by signing in again):
     * another account at the same provider, or an identity linked to someone else, is not.
     */
    boolean isLinkedTo(ProviderClaims claims, UUID userId) {
        if (!claims.usable()) {
            return false;
        }
        String key = SsoIdentities.keyOf(claims.registrationId(), claims.issuer(), claims.subject());
        return transactions
                .call(null, null, () -> identities.findByKey(key))
                .filter(identity -> identity.userId().equals(userId))
                .isPresent();
    }

    /** From Settings: the signed-in person links another identity, unless it is someone else's already. */
    private Outcome link(
            ProviderClaims claims,
            SignedInUser user,
            Optional<SsoIdentity> existing,
            TenantId clientTenant,
            AuditTrail.Actor requester,
            Instant now) {
        if (existing.isPresent()) {
            if (!existing.get().userId().equals(user.userId())) {
                return new Refused("taken");
            }
            transactions.run(
                    user.tenant(),
                    user.userId(),
                    () -> identities.used(existing.get().id(), claims, now));
            return new Linked(user);
        }
        if (clientTenant != null && accounts.roleIn(clientTenant, user.userId()).isEmpty()) {
            return new Refused("not-member");
        }
        transactions.run(user.tenant(), user.userId(), () -> {
            identities.insert(user.userId(), claims, now);
            audit.record(
                    user.tenant(),
                    actor(user, requester),
                    "identity.linked",
                    "user",
                    user.userId().toString(),
                    Map.of("provider", providerWord(claims), "via", "settings"));
        });
        return new Linked(user);
    }

    private Outcome joinOrLinkInClient(
            ProviderClaims claims,
            Optional<Account> account,
            TenantId tenant,
            AuditTrail.Actor requester,
            Instant now) {
        boolean member = account.flatMap(a -> accounts.roleIn(tenant, a.id())).isPresent();
        if (!member && account.isPresent()) {
            // an existing Team365 account is never adopted on a Client provider's word: it could claim anyone
            return new Refused("not-member");
        }
        if (!member) {
            boolean allowJoin = clientSettings
                    .find(tenant)
                    .map(ClientSsoProvider::allowJoin)
                    .orElse(false);
            if (!allowJoin) {
                return new Refused("not-member");
            }
            String name = claims.name() == null ? claims.email() : claims.name();
            UUID userId = accounts.joinAsMember(tenant, account, name, claims.email(), requester, id -> {
                identities.insert(id, claims, now);
                audit.record(
                        tenant,
                        new AuditTrail.Actor(id, claims.email(), requester.ip(), requester.userAgent()),
                        "identity.linked",
                        "user",
                        id.toString(),
                        Map.of("provider", "client", "via", "join"));
            });
            Account joined = accounts.findById(userId).orElseThrow();
            SignedInUser user = accounts.openIn(joined, tenant).orElseThrow();
            transactions.run(
                    tenant,
                    userId,
                    () -> audit.record(
                            tenant,
                            actor(user, requester),
                            "signin.sso",
                            "user",
                            userId.toString(),
                            Map.of("provider", "client")));
            return new SignedIn(user);
        }
        SignedInUser user = accounts.openIn(account.get(), tenant).orElseThrow();
        // the Client's provider vouches for its member here, not for the address: nothing is claimed or verified
        return linkedByEmail(claims, account.get(), user, requester, now, false);
    }

    /**
     * @param provesAddress a platform provider that verified the address proves it (an unverified account becomes
     *     the address owner's); a Client's own provider does not
     */
    private Outcome linkedByEmail(
            ProviderClaims claims,
            Account account,
            SignedInUser user,
            AuditTrail.Actor requester,
            Instant now,
            boolean provesAddress) {
        if (provesAddress && !account.emailVerified()) {
            accounts.claimUnverified(account.id());
        }
        transactions.run(user.tenant(), user.userId(), () -> {
            identities.insert(user.userId(), claims, now);
            AuditTrail.Actor actor = actor(user, requester);
            audit.record(
                    user.tenant(),
                    actor,
                    "identity.linked",
                    "user",
                    user.userId().toString(),
                    Map.of("provider", providerWord(claims), "via", "verified-email"));
            audit.record(
                    user.tenant(),
                    actor,
                    "signin.sso",
                    "user",
                    user.userId().toString(),
                    Map.of("provider", providerWord(claims)));
        });
        return new SignedIn(user);
    }

    /** A platform provider opens the person's usual Client (not one requiring its own SSO); a Client's, that Client. */
    private Optional<SignedInUser> open(Account account, TenantId clientTenant) {
        if (clientTenant != null) {
            return accounts.openIn(account, clientTenant);
        }
        return accounts.openDefault(account, policy::allowsOtherSignIn);
    }

    private String refusal(Account account, TenantId clientTenant) {
        if (clientTenant != null) {
            return "not-member";
        }
        Map<TenantId, Role> memberships = accounts.membershipsOf(account.id());
        return memberships.isEmpty() ? "no-workspace" : "sso-required";
    }

    /** Audit details name the provider, never the person: a Client's own provider is just "client". */
    static String providerWord(ProviderClaims claims) {
        return SsoRegistrations.tenantOf(claims.registrationId()).isPresent() ? "client" : claims.registrationId();
    }

    private static AuditTrail.Actor actor(SignedInUser user, AuditTrail.Actor requester) {
        return new AuditTrail.Actor(user.userId(), user.email(), requester.ip(), requester.userAgent());
    }
}
