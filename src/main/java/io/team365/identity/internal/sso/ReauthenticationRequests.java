package io.team365.identity.internal.sso;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.Optional;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;

/**
 * Builds the request that sends a browser to its provider. Normally Spring's; when the session is confirming it is
 * the person (step-up) through that provider, the request also says {@code prompt=login} and {@code max_age=0}
 * (OpenID Connect Core 3.1.2.1): the provider must ask for the person's credentials again rather than reuse its own
 * session, and report when it did in the ID token's {@code auth_time}, which {@link SsoSignInSuccess} checks.
 */
final class ReauthenticationRequests implements OAuth2AuthorizationRequestResolver {

    static final String BASE_URI = "/oauth2/authorization";

    private final DefaultOAuth2AuthorizationRequestResolver plain;
    private final DefaultOAuth2AuthorizationRequestResolver reauthenticating;
    private final Clock clock;

    ReauthenticationRequests(ClientRegistrationRepository registrations, Clock clock) {
        this.clock = clock;
        this.plain = new DefaultOAuth2AuthorizationRequestResolver(registrations, BASE_URI);
        this.reauthenticating = new DefaultOAuth2AuthorizationRequestResolver(registrations, BASE_URI);
        this.reauthenticating.setAuthorizationRequestCustomizer(builder -> builder.additionalParameters(parameters -> {
            parameters.put("prompt", "login");
            parameters.put("max_age", "0");
        }));
    }

    @Override
    public OAuth2AuthorizationRequest resolve(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return reauthenticationFor(request)
                .filter(registrationId -> path.equals(BASE_URI + "/" + registrationId))
                .map(registrationId -> reauthenticating.resolve(request))
                .orElseGet(() -> plain.resolve(request));
    }

    @Override
    public OAuth2AuthorizationRequest resolve(HttpServletRequest request, String clientRegistrationId) {
        return reauthenticationFor(request)
                .filter(registrationId -> registrationId.equals(clientRegistrationId))
                .map(registrationId -> reauthenticating.resolve(request, clientRegistrationId))
                .orElseGet(() -> plain.resolve(request, clientRegistrationId));
    }

    private Optional<String> reauthenticationFor(HttpServletRequest request) {
        return SsoSessions.peekReauthentication(request.getSession(false), clock.instant())
                .map(SsoSessions.ReauthIntent::registrationId);
    }
}
