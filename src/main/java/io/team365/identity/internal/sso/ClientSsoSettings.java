package io.team365.identity.internal.sso;

import io.team365.audit.AuditTrail;
import io.team365.core.InvalidInput;
import io.team365.core.TenantId;
import io.team365.core.Validation;
import io.team365.identity.SignedInUser;
import io.team365.tenancy.TenantCrypto;
import io.team365.tenancy.TenantTransactions;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.stereotype.Service;

/**
 * A Client's own OpenID Connect provider (Settings → Sign-in): saved only after its discovery document checks out,
 * the client secret sealed with the Client's data key, and the switch that makes members sign in through it.
 */
@Service
public class ClientSsoSettings {

    static final String SECRET_PURPOSE = "sso.client-secret";
    private static final int MAX_SECRET_LENGTH = 1000;

    /** The page's form; a blank secret keeps the stored one. */
    public record Form(String issuer, String clientId, String clientSecret, boolean requireSso, boolean allowJoin) {}

    /** What the settings page shows: never the secret, only whether there is one. */
    public record View(
            String issuer,
            String clientId,
            boolean hasSecret,
            boolean requireSso,
            boolean allowJoin,
            String redirectUri) {}

    private final ClientSsoProviders providers;
    private final Discovery discovery;
    private final TenantCrypto crypto;
    private final TenantTransactions transactions;
    private final AuditTrail audit;
    private final Clock clock;
    private final String publicBaseUrl;

    ClientSsoSettings(
            ClientSsoProviders providers,
            Discovery discovery,
            TenantCrypto crypto,
            TenantTransactions transactions,
            AuditTrail audit,
            Clock clock,
            @Value("${team365.public-base-url}") String publicBaseUrl) {
        this.providers = providers;
        this.discovery = discovery;
        this.crypto = crypto;
        this.transactions = transactions;
        this.audit = audit;
        this.clock = clock;
        this.publicBaseUrl =
                publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl;
    }

    /** The address to register at the provider as the redirect (callback) URI. */
    public String redirectUri(TenantId tenant) {
        return publicBaseUrl + "/login/oauth2/code/" + ClientSsoProvider.registrationIdOf(tenant);
    }

    /** The link members use to sign in through the Client's provider (shared by the admin). */
    public String signInLink(TenantId tenant) {
        return publicBaseUrl + "/login/sso/" + tenant;
    }

    public Optional<View> view(SignedInUser admin) {
        return find(admin.tenant())
                .map(p -> new View(
                        p.issuer(),
                        p.clientId(),
                        p.sealedSecret().length > 0,
                        p.requireSso(),
                        p.allowJoin(),
                        redirectUri(admin.tenant())));
    }

    Optional<ClientSsoProvider> find(TenantId tenant) {
        return transactions.call(tenant, null, () -> providers.find(tenant));
    }

    public void save(SignedInUser admin, Form form, AuditTrail.Actor actor) {
        TenantId tenant = admin.tenant();
        Optional<ClientSsoProvider> before = find(tenant);
        Validation check = Validation.start();
        String clientId = check.text("clientId", form.clientId(), 255);
        String secret = form.clientSecret() == null ? "" : form.clientSecret().strip();
        if (secret.isEmpty() && before.isEmpty()) {
            check.reject("clientSecret", "validation.required");
        } else if (secret.length() > MAX_SECRET_LENGTH || secret.chars().anyMatch(c -> c < 0x20)) {
            check.reject("clientSecret", "validation.too-long", MAX_SECRET_LENGTH);
        }
        String issuer;
        try {
            issuer = discovery.normalise(form.issuer());
        } catch (InvalidInput invalid) {
            check.reject("issuer", invalid.errors().get(0).messageKey());
            issuer = null;
        }
        check.throwIfInvalid();
        // the network call happens only for an otherwise valid form, and outside any transaction
        Discovery.Discovered discovered = discovery.discover(issuer);
        byte[] sealed = secret.isEmpty()
                ? before.orElseThrow().sealedSecret()
                : crypto.encrypt(tenant, SECRET_PURPOSE, secret.getBytes(StandardCharsets.UTF_8));
        ClientSsoProvider provider = new ClientSsoProvider(
                tenant,
                discovered.issuer(),
                clientId,
                sealed,
                discovered.endpoints(),
                form.requireSso(),
                form.allowJoin(),
                clock.instant());
        boolean requiredBefore = before.map(ClientSsoProvider::requireSso).orElse(false);
        transactions.run(tenant, admin.userId(), () -> {
            providers.save(provider);
            audit.record(
                    tenant,
                    actor,
                    "client.sso.configured",
                    "client",
                    tenant.toString(),
                    Map.of("secretChanged", !secret.isEmpty(), "allowJoin", form.allowJoin()));
            if (requiredBefore != form.requireSso()) {
                audit.record(
                        tenant,
                        actor,
                        "client.sso.required",
                        "client",
                        tenant.toString(),
                        Map.of("required", form.requireSso()));
            }
        });
    }

    public void remove(SignedInUser admin, AuditTrail.Actor actor) {
        TenantId tenant = admin.tenant();
        transactions.run(tenant, admin.userId(), () -> {
            Optional<ClientSsoProvider> before = providers.find(tenant);
            if (before.isPresent() && providers.delete(tenant)) {
                audit.record(tenant, actor, "client.sso.removed", "client", tenant.toString(), Map.of());
                if (before.get().requireSso()) {
                    audit.record(
                            tenant,
                            actor,
                            "client.sso.required",
                            "client",
                            tenant.toString(),
                            Map.of("required", false));
                }
            }
        });
    }

    /** The Client's provider as Spring Security signs in with it; the secret is unsealed only here. */
    Optional<ClientRegistration> registration(TenantId tenant) {
        return find(tenant)
                .map(p -> ClientRegistration.withRegistrationId(p.registrationId())
                        .clientId(p.clientId())
                        .clientSecret(new String(
                                crypto.decrypt(tenant, SECRET_PURPOSE, p.sealedSecret()), StandardCharsets.UTF_8))
                        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                        .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                        .redirectUri(redirectUri(tenant))
                        .scope("openid", "email", "profile")
                        .authorizationUri(p.endpoints().authorizationUri())
                        .tokenUri(p.endpoints().tokenUri())
                        .jwkSetUri(p.endpoints().jwkSetUri())
                        .userInfoUri(p.endpoints().userInfoUri())
                        .userNameAttributeName(IdTokenClaimNames.SUB)
                        .issuerUri(p.issuer())
                        .clientName("client")
                        .build());
    }
}
