package io.team365.identity.internal;

import io.team365.audit.AuditTrail;
import io.team365.core.web.ProblemResponses;
import io.team365.identity.SignedInUser;
import io.team365.identity.internal.passkeys.ChallengeAge;
import io.team365.identity.internal.sso.SsoPolicy;
import io.team365.tenancy.TenantContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.NullSecurityContextRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationFilter;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;

/**
 * Passwordless sign-in with a passkey, through Spring Security's WebAuthn support ({@code POST
 * /webauthn/authenticate/options}, then {@code POST /login/webauthn}). Spring verifies the assertion and names the
 * person (the WebAuthn user name is the Team365 user id); this decides whether they may enter (verified email, a
 * Client to work in) and finishes the sign-in as the password form does: the Client used last, a new session id,
 * the audit trail. The browser called with fetch, so the answer is JSON naming where to go.
 *
 * <p>The same assertion serves two more purposes: during a pending sign-in (password or SSO done) it is the second
 * factor, and in a signed-in session it is the step-up confirmation; in both it must be the session's own person.
 *
 * <p>It ends in {@link SignInCompletion#signIn}, not {@code primaryFactorDone}: a verified passkey owes no second
 * factor, and the answer must stay JSON rather than a redirect.
 */
@Component
public class PasskeySignIn implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

    private final UserAccounts users;
    private final WorkspaceSelector workspaces;
    private final AuditTrail audit;
    private final ChallengeAge challenges;
    private final SignInCompletion completion;
    private final StepUp stepUp;
    private final HttpSessionSecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
    private final HttpSessionRequestCache savedRequests = new HttpSessionRequestCache();
    private final HttpSessionCsrfTokenRepository csrfTokens = new HttpSessionCsrfTokenRepository();

    PasskeySignIn(
            UserAccounts users,
            WorkspaceSelector workspaces,
            AuditTrail audit,
            ChallengeAge challenges,
            SignInCompletion completion,
            StepUp stepUp) {
        this.completion = completion;
        this.stepUp = stepUp;
        this.challenges = challenges;
        this.users = users;
        this.workspaces = workspaces;
        this.audit = audit;
    }

    /** Turns on WebAuthn in the application's filter chain, with the endpoints Spring provides. */
    void configure(HttpSecurity http) throws Exception {
        // not a bean: a UserDetailsService bean would be offered to the password sign-in too
        http.setSharedObject(UserDetailsService.class, this::passkeyOwner);
        http.addFilterBefore(challenges.stampIssuedOptions(), BasicAuthenticationFilter.class);
        http.webAuthn(webAuthn -> webAuthn.disableDefaultRegistrationPage(true)
                .withObjectPostProcessor(new ObjectPostProcessor<WebAuthnAuthenticationFilter>() {
                    @Override
                    public <O extends WebAuthnAuthenticationFilter> O postProcess(O filter) {
                        // Spring would keep its own Authentication in the session; ours replaces it on success
                        filter.setSecurityContextRepository(new NullSecurityContextRepository());
                        filter.setRequestOptionsRepository(challenges.requestOptions());
                        filter.setAuthenticationSuccessHandler(PasskeySignIn.this);
                        filter.setAuthenticationFailureHandler(PasskeySignIn.this);
                        return filter;
                    }
                }));
    }

    /** Called by Spring with the user name of the verified passkey's owner: may they sign in at all? */
    UserDetails passkeyOwner(String username) {
        UserAccount account = account(username).orElseThrow(() -> new UsernameNotFoundException("no such user"));
        if (!account.emailVerified()) {
            throw new DisabledException("email not verified");
        }
        if (workspaces.tenantsOf(account.id()).isEmpty()) {
            throw new DisabledException("no membership");
        }
        return User.withUsername(username).password("").authorities(List.of()).build();
    }

    @Override
    public void onAuthenticationSuccess(
            HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException {
        Optional<SignInCompletion.PendingSecondFactor> pending = completion.pending(request);
        if (pending.isPresent() && (askedAsSecondFactor(request) || ownedBy(pending.get(), authentication))) {
            secondFactor(request, response, pending.get(), authentication.getName());
            return;
        }
        if (pending.isPresent()) {
            // the sign-in page's own passkey button, after someone typed a password and left the second step: a
            // passkey is both factors, so its owner signs in afresh and the half-finished sign-in is dropped
            completion.abandonPending(request);
        }
        Optional<SignedInUser> signedIn = signedInSession(request);
        if (signedIn.isPresent()) {
            confirmStepUp(request, response, signedIn.get(), authentication.getName());
            return;
        }
        Optional<SignedInUser> user = account(authentication.getName()).flatMap(workspaces::defaultWorkspace);
        if (user.isEmpty()) {
            // the membership went between the check and now
            SecurityContextHolder.clearContext();
            onAuthenticationFailure(request, response, new DisabledException("no membership"));
            return;
        }
        complete(request, response, user.get());
    }

    /** The second-factor page's button asks with {@code ?pending}; the sign-in page's does not. */
    private static boolean askedAsSecondFactor(HttpServletRequest request) {
        return request.getParameter("pending") != null;
    }

    private static boolean ownedBy(SignInCompletion.PendingSecondFactor pending, Authentication passkey) {
        return pending.user().userId().toString().equals(passkey.getName());
    }

    /**
     * A password or single sign-on passed and a second factor is owed: a passkey of that same person completes the
     * pending sign-in (as the person and Client of the first factor). Anyone else's passkey is refused, signs nobody
     * in and leaves the pending sign-in as it was, so the person can still give their own factor.
     */
    private void secondFactor(
            HttpServletRequest request,
            HttpServletResponse response,
            SignInCompletion.PendingSecondFactor pending,
            String passkeyOwner)
            throws IOException {
        SecurityContextHolder.clearContext();
        if (pending.enrolmentRequired() || !pending.user().userId().toString().equals(passkeyOwner)) {
            refuse(request, response, "This passkey is not yours: use a passkey of the account you are signing in to.");
            return;
        }
        completion.secondFactorDone(request, response, pending, "passkey");
        csrfTokens.saveToken(null, request, response);
        answer(response, savedTarget(request, response));
    }

    /**
     * A signed-in person confirms it is them before a sensitive action (step-up) with one of their passkeys; the
     * session stays signed in as it was. Someone else's passkey is refused and changes nothing: it must never swap
     * the person of a session.
     */
    private void confirmStepUp(
            HttpServletRequest request, HttpServletResponse response, SignedInUser user, String passkeyOwner)
            throws IOException {
        // the filter put the passkey's Authentication into this thread only; the session's own person stays
        SecurityContextHolder.getContext().setAuthentication(RoleAuthoritiesAccess.authenticated(user));
        if (!user.userId().toString().equals(passkeyOwner)) {
            refuse(request, response, "This passkey is not yours: confirm with a passkey of the signed-in account.");
            return;
        }
        stepUp.confirmed(request, user, "passkey");
        csrfTokens.saveToken(null, request, response);
        answer(response, StepUp.safeNext(request.getParameter("next")));
    }

    /** The person this session is signed in as, from the session (the filter replaced this thread's context). */
    private static Optional<SignedInUser> signedInSession(HttpServletRequest request) {
        var session = request.getSession(false);
        if (session != null
                && session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY)
                        instanceof org.springframework.security.core.context.SecurityContext context
                && context.getAuthentication() != null
                && context.getAuthentication().getPrincipal() instanceof SignedInUser user) {
            return Optional.of(user);
        }
        return Optional.empty();
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, String detail) throws IOException {
        ProblemResponses.write(response, HttpStatus.UNAUTHORIZED, detail, request.getRequestURI());
    }

    private String savedTarget(HttpServletRequest request, HttpServletResponse response) {
        SavedRequest saved = savedRequests.getRequest(request, response);
        savedRequests.removeRequest(request, response);
        return saved == null ? "/app" : saved.getRedirectUrl();
    }

    private static void answer(HttpServletResponse response, String target) throws IOException {
        response.setStatus(HttpStatus.OK.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"authenticated\":true,\"redirectUrl\":\"" + jsonEscape(target) + "\"}");
    }

    /**
     * A passkey with user verification is two factors, so {@link SignInCompletion} signs the person in at once (new
     * session id, device, step-up stamp); the answer stays JSON because the browser called with fetch.
     */
    private void complete(HttpServletRequest request, HttpServletResponse response, SignedInUser user)
            throws IOException {
        completion.signIn(request, response, user, SignInMethod.PASSKEY);
        csrfTokens.saveToken(
                null, request, response); // a new CSRF token for the signed-in session, as after a password
        audit.record(
                user.tenant(),
                new AuditTrail.Actor(
                        user.userId(), user.email(), request.getRemoteAddr(), request.getHeader("User-Agent")),
                "signin.passkey",
                "user",
                user.userId().toString(),
                Map.of("method", "passkey"));
        answer(response, savedTarget(request, response));
    }

    /**
     * JSON problem details: 400 when the body was no credential at all, 403 when every Client of the passkey's owner
     * requires its own single sign-on, 401 for a passkey that is unknown, removed,
     * answers another challenge or origin, or belongs to someone who may not sign in now. Which of these it was is
     * not said: it would tell a prober which credential ids exist.
     */
    @Override
    public void onAuthenticationFailure(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        if (unreadable(exception)) {
            ProblemResponses.write(
                    response,
                    HttpStatus.BAD_REQUEST,
                    "The request body is not a WebAuthn credential (JSON).",
                    request.getRequestURI());
            return;
        }
        if (exception instanceof SsoPolicy.SsoRequiredException) {
            // the passkey was the person's own and verified: saying why is safe, and tells them the way that works
            ProblemResponses.write(
                    response,
                    HttpStatus.FORBIDDEN,
                    "Your organisation requires you to sign in with its single sign-on: use \"Sign in with SSO\".",
                    request.getRequestURI());
            return;
        }
        ProblemResponses.write(
                response,
                HttpStatus.UNAUTHORIZED,
                "This passkey could not sign you in. Try again, or sign in with your email and password.",
                request.getRequestURI());
    }

    private static boolean unreadable(Throwable exception) {
        for (Throwable cause = exception.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof HttpMessageNotReadableException || cause instanceof JacksonException) {
                return true;
            }
        }
        return false;
    }

    private Optional<UserAccount> account(String username) {
        UUID id;
        try {
            id = UUID.fromString(username);
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
        return TenantContext.callAs(null, id, () -> users.findById(id));
    }

    private static String jsonEscape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
