package io.team365.identity.internal;

import io.team365.core.web.ProblemResponses;
import io.team365.identity.SignedInUser;
import io.team365.identity.internal.mfa.ClientMfaPolicy;
import io.team365.identity.internal.mfa.SecondFactors;
import io.team365.identity.internal.sso.SsoPolicy;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A Client that requires two factors: a signed-in member without one, app or passkey (the rule was switched on after they signed
 * in, or they switched to this Client) can reach nothing but the security settings, to enrol, and sign-out. Sign-in
 * itself already sends such members to enrolment ({@link SignInCompletion}). API tokens are not affected (ADR 0027).
 */
class SecondFactorRequiredFilter extends OncePerRequestFilter {

    /**
     * What such a member can still reach: the security page, enrolling an app or a passkey, the step-up confirmation
     * that enrolling asks for, their sessions, signing out or switching Client, and the static files those pages use.
     * Matched as Spring MVC routes (decoded, whole segments), so no other page shares a prefix with them.
     */
    private static final RequestMatcher ALLOWED = RequestRules.paths(
            "/settings/security",
            "/settings/security/totp/**",
            "/settings/security/passkeys/**",
            "/settings/security/confirm/**",
            "/settings/security/recovery-codes",
            "/settings/security/sessions/**",
            "/logout",
            "/switch-client",
            "/css/**",
            "/js/**",
            "/favicon.svg",
            "/error");

    private final ClientMfaPolicy policy;
    private final SecondFactors secondFactors;

    SecondFactorRequiredFilter(ClientMfaPolicy policy, SecondFactors secondFactors) {
        this.policy = policy;
        this.secondFactors = secondFactors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        SignedInUser user = SignedInUser.current().orElse(null);
        if (user == null
                || request.getAttribute(BearerTokenFilter.AUTHENTICATED_BY_TOKEN) != null
                || allowed(request)
                || signedInWithPasskey(request)
                // the Client's own provider enforces the Client's rule (and may not enrol factors for the person)
                || SsoPolicy.signedInThroughOwnProvider(request, user.tenant())
                || !policy.required(user.tenant())
                || secondFactors.any(user)) {
            chain.doFilter(request, response);
            return;
        }
        if (ProblemResponses.isApi(request)) {
            ProblemResponses.write(
                    response,
                    HttpStatus.FORBIDDEN,
                    "Your organisation requires two-factor authentication: set it up in Settings → Security.",
                    request.getRequestURI());
            return;
        }
        response.sendRedirect(request.getContextPath() + "/settings/security?required");
    }

    private static boolean allowed(HttpServletRequest request) {
        return ALLOWED.matches(request);
    }

    private static boolean signedInWithPasskey(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session != null
                && session.getAttribute(SignInCompletion.DEVICE) instanceof SignInCompletion.SessionDevice device
                && device.method() == SignInMethod.PASSKEY;
    }
}
