package io.team365.identity.internal.sso;

import io.team365.audit.AuditTrail;
import io.team365.core.TenantId;
import io.team365.identity.SignedInUser;
import io.team365.identity.internal.SignInCompletion;
import io.team365.identity.internal.SignInMethod;
import io.team365.identity.internal.SsoAccounts;
import io.team365.identity.internal.StepUp;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
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
    private final StepUp stepUp;

    /** When the provider last asked the person for their credentials in this session's sign-in (step-up). */
    private static final String AUTHENTICATED_AT = SsoSignInSuccess.class.getName() + ".authenticatedAt";

    /** How old the provider's sign-in may be and still confirm it is the person: the time to get through its form. */
    static final Duration REAUTHENTICATION_AGE = Duration.ofMinutes(5);

    SsoSignInSuccess(
            SsoSignIns signIns,
            SsoRegistrations registrations,
            SsoAccounts accounts,
            SignInCompletion completion,
            StepUp stepUp,
            Clock clock) {
        this.stepUp = stepUp;
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
        Optional<SsoSessions.ReauthIntent> reauthentication =
                SsoSessions.takeReauthentication(session, clock.instant());
        Optional<SsoSessions.LinkIntent> intent = SsoSessions.takeLinking(session, clock.instant());
        // whatever happens next, the provider's tokens and claims leave the session now
        forget(request, response);
        if (reauthentication.isPresent()) {
            reauthenticated(request, response, auth, reauthentication.get());
            return;
        }
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
            case SsoSignIns.SignedIn signedIn -> {
                noteFreshness(session, token);
                completeSignIn(request, response, signedIn.user());
            }
            case SsoSignIns.Linked linked -> {
                restore(request, response, linked.user());
                response.sendRedirect("/settings/security/identities?linked");
            }
            case SsoSignIns.NeedsSignUp needsSignUp -> {
                noteFreshness(session, token);
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
     * Step-up by signing in again: the session stays the person's whatever the provider says; it counts as a
     * confirmation only when the provider signed in an identity linked to this person, through the provider asked
     * for, and (OpenID Connect) authenticated them just now, so a provider that ignored {@code prompt=login} and
     * reused an old sign-in does not pass. Any other identity confirms nothing and signs nobody else in.
     */
    private void reauthenticated(
            HttpServletRequest request,
            HttpServletResponse response,
            Authentication auth,
            SsoSessions.ReauthIntent intent)
            throws IOException {
        restore(request, response, intent.user());
        if (!(auth instanceof OAuth2AuthenticationToken token)
                || !token.getAuthorizedClientRegistrationId().equals(intent.registrationId())) {
            response.sendRedirect(confirmPage(intent, "sso-failed"));
            return;
        }
        boolean same;
        try {
            ProviderClaims claims = ProviderClaims.of(
                    registrations.findByRegistrationId(intent.registrationId()), token.getPrincipal());
            same = signIns.isLinkedTo(claims, intent.user().userId());
        } catch (RuntimeException e) {
            log.warn("re-authentication through {} failed", intent.registrationId(), e);
            response.sendRedirect(confirmPage(intent, "sso-failed"));
            return;
        }
        if (!same) {
            response.sendRedirect(confirmPage(intent, "sso-other"));
            return;
        }
        if (!authenticatedJustNow(token)) {
            response.sendRedirect(confirmPage(intent, "sso-failed"));
            return;
        }
        stepUp.confirmed(request, intent.user(), "sso:" + intent.registrationId());
        response.sendRedirect(StepUp.safeNext(intent.next()));
    }

    /** The ID token's auth_time (required when max_age was asked for) within the last few minutes. */
    private boolean authenticatedJustNow(OAuth2AuthenticationToken token) {
        if (!(token.getPrincipal() instanceof OidcUser user) || user.getAuthenticatedAt() == null) {
            return false; // plain OAuth2 (no ID token) cannot say when the person signed in
        }
        Instant now = clock.instant();
        Instant at = user.getAuthenticatedAt();
        return !at.isBefore(now.minus(REAUTHENTICATION_AGE)) && !at.isAfter(now.plus(REAUTHENTICATION_AGE));
    }

    /** Back to the confirmation page, with the reason, keeping where the person was going. */
    static String confirmPage(SsoSessions.ReauthIntent intent, String error) {
        return StepUp.CONFIRM_PAGE + "?error=" + error + "&next="
                + URLEncoder.encode(StepUp.safeNext(intent.next()), StandardCharsets.UTF_8);
    }

    /**
     * Completes a sign-in like every other first factor: {@link SignInCompletion} asks for the second factor when the
     * person has one or their Client requires it, else signs them in under a new session id.
     */
    public void completeSignIn(HttpServletRequest request, HttpServletResponse response, SignedInUser user)
            throws IOException {
        completion.primaryFactorDone(request, response, user, SignInMethod.SSO);
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(AUTHENTICATED_AT) instanceof Instant at) {
            session.removeAttribute(AUTHENTICATED_AT);
            // a sign-in still owing its second factor is stamped when that is given
            if (completion.pending(request).isEmpty()
                    && !at.isBefore(clock.instant().minus(REAUTHENTICATION_AGE))) {
                // the provider asked for the person's credentials just now: as good as a password for step-up
                stepUp.reauthenticated(request);
            }
        }
    }

    /**
     * A provider may sign a person in from a session of its own without asking anything, so a single sign-on counts
     * as a recent confirmation (step-up) only when its ID token says the person authenticated just now.
     */
    private void noteFreshness(HttpSession session, OAuth2AuthenticationToken token) {
        if (authenticatedJustNow(token)) {
            session.setAttribute(AUTHENTICATED_AT, clock.instant());
        } else {
            session.removeAttribute(AUTHENTICATED_AT);
        }
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
