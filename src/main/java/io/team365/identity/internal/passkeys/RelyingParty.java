package io.team365.identity.internal.passkeys;

import io.team365.identity.SignedInUser;
import java.net.URI;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.webauthn.api.AuthenticatorSelectionCriteria;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRpEntity;
import org.springframework.security.web.webauthn.api.ResidentKeyRequirement;
import org.springframework.security.web.webauthn.api.UserVerificationRequirement;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;
import org.springframework.security.web.webauthn.management.Webauthn4JRelyingPartyOperations;

/**
 * Team365 as a WebAuthn relying party. The id (a registrable domain) and the origins a browser may sign for come
 * from {@code team365.passkeys.rp-id} and {@code team365.passkeys.allowed-origins}; unset, both follow the public
 * base URL, so a passkey made on one address cannot be used through another. User verification is required, at
 * registration and at sign-in: a passkey then proves possession and a PIN or biometric, two factors in one.
 */
@Configuration(proxyBeanMethods = false)
class RelyingParty {

    static final String NAME = "Team365";

    @Bean
    WebAuthnRelyingPartyOperations relyingPartyOperations(
            PasskeyUserEntities users,
            PasskeyCredentials credentials,
            @Value("${team365.public-base-url}") String baseUrl,
            @Value("${team365.passkeys.rp-id:}") String rpId,
            @Value("${team365.passkeys.allowed-origins:}") String allowedOrigins) {
        var operations = new Webauthn4JRelyingPartyOperations(
                users,
                credentials,
                PublicKeyCredentialRpEntity.builder()
                        .id(rpId(rpId, baseUrl))
                        .name(NAME)
                        .build(),
                origins(allowedOrigins, baseUrl));
        operations.setCustomizeCreationOptions(options -> {
            options.authenticatorSelection(AuthenticatorSelectionCriteria.builder()
                    .residentKey(ResidentKeyRequirement.REQUIRED)
                    .userVerification(UserVerificationRequirement.REQUIRED)
                    .build());
            // Spring names a person's first passkey user by the principal name (the user id); the authenticator
            // should show the person's name instead
            SignedInUser.current()
                    .map(user -> users.findByUsername(user.getName()))
                    .ifPresent(options::user);
        });
        operations.setCustomizeRequestOptions(
                options -> options.userVerification(UserVerificationRequirement.REQUIRED));
        return operations;
    }

    static String rpId(String configured, String baseUrl) {
        if (configured != null && !configured.isBlank()) {
            return configured.strip();
        }
        String host = URI.create(baseUrl.strip()).getHost();
        if (host == null) {
            throw new IllegalStateException("team365.public-base-url has no host; set team365.passkeys.rp-id");
        }
        return host;
    }

    static Set<String> origins(String configured, String baseUrl) {
        if (configured != null && !configured.isBlank()) {
            return Arrays.stream(configured.split(","))
                    .map(String::strip)
                    .filter(origin -> !origin.isEmpty())
                    .map(RelyingParty::origin)
                    .collect(Collectors.toCollection(LinkedHashSet::new));
        }
        return Set.of(origin(baseUrl));
    }

    /** An origin is scheme, host and port only: the base URL's path, if any, is not part of it. */
    private static String origin(String url) {
        URI uri = URI.create(url.strip());
        if (uri.getScheme() == null || uri.getHost() == null) {
            throw new IllegalStateException("not an origin: " + url);
        }
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
    }
}
