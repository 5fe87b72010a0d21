package io.team365.identity.internal.sso;

import io.team365.core.TenantId;
import java.time.Instant;

/** A Client's own OpenID Connect provider as stored; the secret stays sealed until a sign-in needs it. */
public record ClientSsoProvider(
        TenantId tenant,
        String issuer,
        String clientId,
        byte[] sealedSecret,
        Discovery.Endpoints endpoints,
        boolean requireSso,
        boolean allowJoin,
        Instant updatedAt) {

    public static final String REGISTRATION_PREFIX = "client-";

    public String registrationId() {
        return registrationIdOf(tenant);
    }

    public static String registrationIdOf(TenantId tenant) {
        return REGISTRATION_PREFIX + tenant;
    }
}
