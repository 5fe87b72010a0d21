package io.team365.identity.internal.sso;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenDecoderFactory;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoderFactory;

/**
 * Single sign-on in the application's security chain: Spring Security's OAuth2 / OpenID Connect login with our
 * registrations, success and failure handling, and no token kept after the sign-in.
 */
@Configuration(proxyBeanMethods = false)
// Boot binds these only when it makes the registrations itself; ours replace its repository, so bind them here
@EnableConfigurationProperties(OAuth2ClientProperties.class)
public class SsoLogin {

    private final SsoRegistrations registrations;
    private final SsoSignInSuccess success;
    private final SsoSignInFailure failure;
    private final java.time.Clock clock;

    SsoLogin(
            SsoRegistrations registrations, SsoSignInSuccess success, SsoSignInFailure failure, java.time.Clock clock) {
        this.clock = clock;
        this.registrations = registrations;
        this.success = success;
        this.failure = failure;
    }

    /** Called once by the application's filter chain (SecurityConfiguration). */
    public void configure(HttpSecurity http) throws Exception {
        http.oauth2Login(login -> login.loginPage("/login")
                .clientRegistrationRepository(registrations)
                .authorizedClientRepository(new NothingKept())
                .authorizationEndpoint(endpoint ->
                        endpoint.authorizationRequestResolver(new ReauthenticationRequests(registrations, clock)))
                .successHandler(success)
                .failureHandler(failure));
    }

    /**
     * ID token decoders by registration, issuer and key set address: Spring's factory caches by registration id
     * alone, which would keep checking a Client's tokens against its old provider after the admin changed it.
     */
    @Bean
    JwtDecoderFactory<ClientRegistration> ssoIdTokenDecoders() {
        Map<String, JwtDecoder> decoders = new ConcurrentHashMap<>();
        return registration -> decoders.computeIfAbsent(
                registration.getRegistrationId() + "\n"
                        + registration.getProviderDetails().getIssuerUri() + "\n"
                        + registration.getProviderDetails().getJwkSetUri(),
                key -> new OidcIdTokenDecoderFactory().createDecoder(registration));
    }

    /** The access token is used once, to read the user-info, and then dropped: we act on nobody's behalf later. */
    static final class NothingKept implements OAuth2AuthorizedClientRepository {
        @Override
        @SuppressWarnings("unchecked")
        public <T extends OAuth2AuthorizedClient> T loadAuthorizedClient(
                String registrationId, Authentication principal, HttpServletRequest request) {
            return null;
        }

        @Override
        public void saveAuthorizedClient(
                OAuth2AuthorizedClient client,
                Authentication principal,
                HttpServletRequest request,
                HttpServletResponse response) {}

        @Override
        public void removeAuthorizedClient(
                String registrationId,
                Authentication principal,
                HttpServletRequest request,
                HttpServletResponse response) {}
    }
}
