package io.team365.identity.internal.sso;

import io.team365.audit.AuditTrail;
import io.team365.core.TenantId;
import io.team365.identity.SignedInUser;
import io.team365.identity.internal.SignInCompletion;
import io.team365.identity.internal.SignInMethod;
import io.team365.identity.internal.SsoAccounts;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * Where a provider's sign-in lands once Spring Security has checked it (state, nonce, ID token signature, issuer,
 * audience, expiry). Spring's own authentication (which holds the ID token) never stays in the session: it is
 * replaced by the Team365 sign-in, by the signed-in person's own (linking), or by nothing.
 */
@Component
public class SsoSignInSuccess implements AuthenticationSuccessHandler {

    private static final Logger log = LoggerFactory.getLogger(SsoSignInSuccess.class);

    private final SsoSignIns signIns;
    private final SsoRegistrations registrations;
    private final SsoAccounts accounts;
    private final Clock clock;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
    private final SignInCompletion completion;

    SsoSignInSuccess(
            SsoSignIns signIns,
            SsoRegistrations registrations,
            SsoAccounts accounts,
            SignInCompletion completion,
            Clock clock) {
        this.signIns = signIns;
        this.registrations = registrations;
        this.accounts = accounts;
        this.clock = clock;
        this.completion = completion;
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response, Authentication auth)
            throws IOException, ServletException {
        HttpSession session = request.getSession();
        Optional<SsoSessions.LinkIntent> intent = SsoSessions.takeLinking(session, clock.instant());
        // whatever happens next, the provider's tokens and claims leave the session now
        forget(request, response);
        if (!(auth instanceof OAuth2AuthenticationToken token)) {
            response.sendRedirect("/login?sso=failed");
            return;
        }
        ClientRegistration registration = registrations.findByRegistrationId(token.getAuthorizedClientRegistrationId());
        TenantId clientTenant = SsoRegistrations.tenantOf(token.getAuthorizedClientRegistrationId())
                .orElse(null);
        if (intent.isEmpty()) {
            // which Client's own provider signed this session in: that Client, if it requires SSO, may be entered
            if (clientTenant == null) {
                session.removeAttribute(SsoPolicy.SIGNED_IN_VIA);
            } else {
                session.setAttribute(SsoPolicy.SIGNED_IN_VIA, clientTenant);
            }
        }
        SsoSignIns.Outcome outcome;
        try {
            ProviderClaims claims = ProviderClaims.of(registration, token.getPrincipal());
            AuditTrail.Actor requester =
                    new AuditTrail.Actor(null, null, request.getRemoteAddr(), request.getHeader("User-Agent"));
            outcome = signIns.resolve(claims, intent.orElse(null), clientTenant, requester);
        } catch (RuntimeException e) {
            log.warn("single sign-on through {} failed", token.getAuthorizedClientRegistrationId(), e);
            outcome = new SsoSignIns.Refused("provider");
        }
        switch (outcome) {
            case SsoSignIns.SignedIn signedIn -> completeSignIn(request, response, signedIn.user());
            case SsoSignIns.Linked linked -> {
                restore(request, response, linked.user());
                response.sendRedirect("/settings/security/identities?linked");
            }
            case SsoSignIns.NeedsSignUp needsSignUp -> {
                SsoSessions.holdSignUp(session, needsSignUp.claims(), clock.instant());
                response.sendRedirect("/signup/sso");
            }
            case SsoSignIns.Refused refused -> {
                session.removeAttribute(SsoPolicy.SIGNED_IN_VIA);
                if (intent.isPresent()) {
                    restore(request, response, intent.get().user());
                    response.sendRedirect("/settings/security/identities?error=" + refused.reason());
                } else {
                    response.sendRedirect("/login?sso=" + refused.reason());
                }
            }
        }
    }

    /**
     * Completes a sign-in like every other first factor: {@link SignInCompletion} asks for the second factor when the
     * person has one or their Client requires it, else signs them in under a new session id.
     */
    public void completeSignIn(HttpServletRequest request, HttpServletResponse response, SignedInUser user)
            throws IOException {
        completion.primaryFactorDone(request, response, user, SignInMethod.SSO);
    }

    private Authentication restore(HttpServletRequest request, HttpServletResponse response, SignedInUser user) {
        Authentication authentication = accounts.authenticated(user);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        return authentication;
    }

    private void forget(HttpServletRequest request, HttpServletResponse response) {
        SecurityContext empty = SecurityContextHolder.createEmptyContext();
        SecurityContextHolder.setContext(empty);
        contexts.saveContext(empty, request, response);
    }
}
