package io.team365.identity.internal.sso;

import io.team365.identity.SignedInUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * A provider's sign-in that Spring Security refused: an unknown or replayed state, a wrong nonce, an ID token that is
 * expired, wrongly signed or for someone else, an error from the provider. The person learns only that it failed
 * (the log has the reason); someone who was linking from Settings stays signed in.
 */
@Component
class SsoSignInFailure implements AuthenticationFailureHandler {

    private static final Logger log = LoggerFactory.getLogger(SsoSignInFailure.class);

    private final Clock clock;

    SsoSignInFailure(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void onAuthenticationFailure(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        String code = failure instanceof OAuth2AuthenticationException oauth
                ? oauth.getError().getErrorCode()
                : "other";
        log.info("single sign-on refused: {} ({})", code, failure.getMessage());
        var reauthentication = SsoSessions.takeReauthentication(request.getSession(false), clock.instant());
        boolean linking = SsoSessions.takeLinking(request.getSession(false), clock.instant())
                .isPresent();
        if (reauthentication.isPresent() && stillSignedIn(request)) {
            response.sendRedirect(SsoSignInSuccess.confirmPage(reauthentication.get(), "sso-failed"));
        } else if (linking && stillSignedIn(request)) {
            response.sendRedirect("/settings/security/identities?error=failed");
        } else {
            response.sendRedirect("/login?sso=failed");
        }
    }

    /** The filter cleared only this thread's context; the session still holds the person who started linking. */
    private static boolean stillSignedIn(HttpServletRequest request) {
        var session = request.getSession(false);
        return session != null
                && session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY)
                        instanceof SecurityContext context
                && context.getAuthentication() != null
                && context.getAuthentication().getPrincipal() instanceof SignedInUser;
    }
}
