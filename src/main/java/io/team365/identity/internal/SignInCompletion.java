package io.team365.identity.internal;

import io.team365.audit.AuditTrail;
import io.team365.identity.SignedInUser;
import io.team365.identity.internal.mfa.ClientMfaPolicy;
import io.team365.identity.internal.mfa.DeviceSummary;
import io.team365.identity.internal.mfa.SecondFactors;
import io.team365.identity.internal.sso.SsoPolicy;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.Serial;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * The one place that decides whether a sign-in is complete. Every first factor (password form, single sign-on,
 * passkey) ends in {@link #primaryFactorDone}: a person with an authenticator app or a passkey, or in a Client that requires two
 * factors, is left <em>pending</em> — the session holds no Authentication at all, only {@link PendingSecondFactor},
 * so every existing rule treats it as signed out — and is sent to the second-factor page (or to enrolment). Only
 * {@link #complete} puts a signed-in person into the session.
 */
@Component
public class SignInCompletion {

    /** Session attribute: a first factor passed, the second still owed. */
    public static final String PENDING = SignInCompletion.class.getName() + ".pending";
    /** Session attribute: the device, method and time of sign-in, for the sessions list. */
    public static final String DEVICE = SignInCompletion.class.getName() + ".device";

    /** A pending sign-in expires: the second factor is asked for now, not tomorrow on a shared computer. */
    static final Duration PENDING_LIFETIME = Duration.ofMinutes(10);

    public static final String SECOND_FACTOR_PAGE = "/login/second-factor";
    public static final String ENROLMENT_PAGE = "/login/second-factor/enrol";

    /**
     * Who passed the first factor, how and when; {@code enrolmentRequired}: their Client requires two factors and
     * they have none yet, so they must set one up before anything else.
     */
    public record PendingSecondFactor(SignedInUser user, SignInMethod method, Instant since, boolean enrolmentRequired)
            implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;
    }

    /** What the sessions list shows of a session: never the raw User-Agent, never the address. */
    public record SessionDevice(String device, SignInMethod method, Instant signedInAt) implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;
    }

    private final SecondFactors secondFactors;
    private final ClientMfaPolicy policy;
    private final StepUp stepUp;
    private final AuditTrail audit;
    private final Clock clock;
    private final HttpSessionSecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
    private final SavedRequestAwareAuthenticationSuccessHandler redirect;

    SignInCompletion(
            SecondFactors secondFactors, ClientMfaPolicy policy, StepUp stepUp, AuditTrail audit, Clock clock) {
        this.secondFactors = secondFactors;
        this.policy = policy;
        this.stepUp = stepUp;
        this.audit = audit;
        this.clock = clock;
        this.redirect = new SavedRequestAwareAuthenticationSuccessHandler();
        this.redirect.setRequestCache(SecurityConfiguration.requestCache());
        this.redirect.setDefaultTargetUrl("/app");
    }

    /**
     * The person passed a first factor. Called by the password form's success handler, and by SSO and passkey
     * sign-in. Whatever the caller's filter already put into the security context and session is taken out first:
     * the decision is made here.
     */
    public void primaryFactorDone(
            HttpServletRequest request, HttpServletResponse response, SignedInUser user, SignInMethod method)
            throws IOException {
        signOutOfThisRequest(request, response);
        // an authenticator app or a passkey: either is a second factor the person can give now
        boolean hasAuthenticator = secondFactors.any(user);
        // a Client's own provider enforces that Client's two-factor rule itself; and its word must never let anyone
        // enrol a second factor for the person (a factor is the person's, for all their Clients)
        boolean clientRequires = policy.required(user.tenant())
                && !(method == SignInMethod.SSO && SsoPolicy.signedInThroughOwnProvider(request, user.tenant()));
        if (method != SignInMethod.PASSKEY && (hasAuthenticator || clientRequires)) {
            HttpSession session = request.getSession(true);
            session.setAttribute(PENDING, new PendingSecondFactor(user, method, clock.instant(), !hasAuthenticator));
            request.changeSessionId();
            response.sendRedirect(request.getContextPath() + (hasAuthenticator ? SECOND_FACTOR_PAGE : ENROLMENT_PAGE));
            return;
        }
        complete(request, response, user, method);
    }

    /** Drops a half-finished sign-in (a complete one by another way replaces it). */
    public void abandonPending(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(PENDING);
        }
    }

    /** The pending sign-in of this session, if there is one and it has not expired. */
    public Optional<PendingSecondFactor> pending(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null || !(session.getAttribute(PENDING) instanceof PendingSecondFactor pending)) {
            return Optional.empty();
        }
        if (pending.since().plus(PENDING_LIFETIME).isBefore(clock.instant())) {
            session.removeAttribute(PENDING);
            return Optional.empty();
        }
        return Optional.of(pending);
    }

    /**
     * The second factor was right (or enrolment done): the pending sign-in becomes a signed-in session. Does not
     * respond: the caller redirects (to /app, or shows the new recovery codes first).
     */
    public void secondFactorDone(
            HttpServletRequest request, HttpServletResponse response, PendingSecondFactor pending, String factor) {
        signIn(request, response, pending.user(), pending.method());
        stepUp.reauthenticated(request); // the second factor was given just now
        SignedInUser user = pending.user();
        // the first factor is audited by its own flow (user.signed-in, signin.sso, signin.passkey); this is the second
        audit.record(
                user.tenant(),
                new AuditTrail.Actor(
                        user.userId(), user.email(), request.getRemoteAddr(), request.getHeader("User-Agent")),
                "signin.second-factor",
                "user",
                user.userId().toString(),
                java.util.Map.of("method", pending.method().value(), "factor", factor));
    }

    /**
     * Signs the person in without asking for anything more, and redirects to the page they wanted (or /app). For
     * callers that already have every factor; others go through {@link #primaryFactorDone}.
     */
    public void complete(
            HttpServletRequest request, HttpServletResponse response, SignedInUser user, SignInMethod method)
            throws IOException {
        signIn(request, response, user, method);
        redirectAfterSignIn(request, response);
    }

    /** Sends a newly signed-in person to the page they asked for before signing in, or to /app. */
    public void redirectAfterSignIn(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            redirect.onAuthenticationSuccess(
                    request, response, SecurityContextHolder.getContext().getAuthentication());
        } catch (jakarta.servlet.ServletException e) {
            throw new IOException(e);
        }
    }

    /**
     * Puts the signed-in person into the security context and the session, under a new session id (a session
     * planted before sign-in is worthless afterwards), and notes the device and the time for the sessions list and
     * for step-up. Does not respond: the caller decides where to go.
     */
    public void signIn(
            HttpServletRequest request, HttpServletResponse response, SignedInUser user, SignInMethod method) {
        HttpSession session = request.getSession(true);
        session.removeAttribute(PENDING);
        request.changeSessionId();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(RoleAuthoritiesAccess.authenticated(user));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        Instant now = clock.instant();
        request.getSession()
                .setAttribute(
                        DEVICE, new SessionDevice(DeviceSummary.of(request.getHeader("User-Agent")), method, now));
        if (method == SignInMethod.SSO) {
            stepUp.forget(request); // an older confirmation in this browser is not this sign-in's
        } else {
            SsoPolicy.forgetOwnProvider(request);
            // a password or a passkey was just given; a provider may have signed the person in without asking
            // anything (its own session was still open), so single sign-on counts for step-up only when it says it
            // authenticated the person just now (SsoSignInSuccess) or a second factor follows
            stepUp.reauthenticated(request);
        }
    }

    /** Removes any Authentication the first factor's filter already saved: a pending session must have none. */
    private void signOutOfThisRequest(HttpServletRequest request, HttpServletResponse response) {
        SecurityContextHolder.clearContext();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
            session.removeAttribute(PENDING);
        }
    }
}
