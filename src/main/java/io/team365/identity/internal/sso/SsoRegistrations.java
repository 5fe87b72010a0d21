package io.team365.identity.internal.sso;

import io.team365.core.TenantId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientProperties;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientPropertiesMapper;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.stereotype.Component;

/**
 * Every sign-in option Spring Security may use: the platform's providers, from Spring Boot's standard
 * {@code spring.security.oauth2.client.*} properties (none at all is fine), and each Client's own provider, looked up
 * when a sign-in names {@code client-<tenant id>}. Being a bean of this type, it replaces Boot's in-memory one.
 */
@Component
public class SsoRegistrations implements ClientRegistrationRepository {

    private final Map<String, ClientRegistration> platform;
    private final ClientSsoSettings clients;

    SsoRegistrations(ObjectProvider<OAuth2ClientProperties> properties, ClientSsoSettings clients) {
        this.clients = clients;
        Map<String, ClientRegistration> configured = new LinkedHashMap<>();
        OAuth2ClientProperties bound = properties.getIfAvailable();
        if (bound != null) {
            new OAuth2ClientPropertiesMapper(bound)
                    .asClientRegistrations().values().stream()
                            .filter(r ->
                                    AuthorizationGrantType.AUTHORIZATION_CODE.equals(r.getAuthorizationGrantType()))
                            .filter(r -> !r.getRegistrationId().startsWith(ClientSsoProvider.REGISTRATION_PREFIX))
                            .forEach(r -> configured.put(r.getRegistrationId(), r));
        }
        this.platform = Map.copyOf(configured);
        this.platformOrder = List.copyOf(configured.values());
    }

    private final List<ClientRegistration> platformOrder;

    /** The platform's providers, in configuration order: the sign-in and sign-up buttons. */
    public List<ClientRegistration> platform() {
        return platformOrder;
    }

    public boolean isPlatform(String registrationId) {
        return platform.containsKey(registrationId);
    }

    @Override
    public ClientRegistration findByRegistrationId(String registrationId) {
        if (registrationId == null) {
            return null;
        }
        ClientRegistration found = platform.get(registrationId);
        if (found != null) {
            return found;
        }
        return tenantOf(registrationId).flatMap(clients::registration).orElse(null);
    }

    /** The Client whose own provider a registration id names, if it names one. */
    public static Optional<TenantId> tenantOf(String registrationId) {
        if (registrationId == null || !registrationId.startsWith(ClientSsoProvider.REGISTRATION_PREFIX)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new TenantId(
                    UUID.fromString(registrationId.substring(ClientSsoProvider.REGISTRATION_PREFIX.length()))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
