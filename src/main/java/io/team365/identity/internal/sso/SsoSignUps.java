package io.team365.identity.internal.sso;

import io.team365.audit.AuditTrail;
import io.team365.core.TenantId;
import io.team365.core.Validation;
import io.team365.identity.SignedInUser;
import io.team365.identity.internal.SignUps;
import io.team365.identity.internal.SsoAccounts;
import io.team365.tenancy.ClientManagement;
import io.team365.tenancy.TenantContext;
import java.time.Clock;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Sign-up through a provider that vouched for the address: the same new Client and owner as the email sign-up, but
 * the address is verified already (no mail to click) and the account has no password, only the identity link.
 */
@Service
public class SsoSignUps {

    public record Form(String company, String name) {}

    private final SsoAccounts accounts;
    private final SsoIdentities identities;
    private final AuditTrail audit;
    private final Clock clock;

    SsoSignUps(SsoAccounts accounts, SsoIdentities identities, AuditTrail audit, Clock clock) {
        this.accounts = accounts;
        this.identities = identities;
        this.audit = audit;
        this.clock = clock;
    }

    /** @throws io.team365.core.InvalidInput for a bad form; io.team365.core.Conflict if the address was taken since */
    public SignedInUser signUp(SsoSessions.PendingSignUp pending, Form form, AuditTrail.Actor requester) {
        Validation check = Validation.start();
        String company = check.text("company", form.company(), ClientManagement.MAX_NAME_LENGTH);
        String name = check.text("name", form.name(), 200);
        check.throwIfInvalid();
        ProviderClaims claims = pending.claims();
        SignUps.Result result = accounts.signUpVerified(company, name, claims.email(), requester, userId -> {
            identities.insert(userId, claims, clock.instant());
            TenantId tenant = TenantContext.requireTenant();
            AuditTrail.Actor actor =
                    new AuditTrail.Actor(userId, claims.email(), requester.ip(), requester.userAgent());
            audit.record(
                    tenant,
                    actor,
                    "identity.linked",
                    "user",
                    userId.toString(),
                    Map.of("provider", SsoSignIns.providerWord(claims), "via", "sign-up"));
            audit.record(
                    tenant,
                    actor,
                    "signin.sso",
                    "user",
                    userId.toString(),
                    Map.of("provider", SsoSignIns.providerWord(claims)));
        });
        SsoAccounts.Account account = accounts.findById(result.userId()).orElseThrow();
        return accounts.openIn(account, result.tenantId()).orElseThrow();
    }
}
