package io.team365.identity.internal;

import io.team365.core.web.ProblemResponses;
import io.team365.identity.Role;
import io.team365.identity.SignedInUser;
import io.team365.identity.internal.sso.SsoPolicy;
import io.team365.tenancy.TenantContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Binds the signed-in person's Client to the request, so every query runs under that tenant's row-level
 * security. For browser sessions it re-reads the role on each request: a demotion or removal takes effect at
 * once, not at the next sign-in. Likewise "require single sign-on": a member's session that the Client's own
 * provider did not sign in ends at its next request once the rule is on (owners keep theirs, as at sign-in).
 */
class TenantBindingFilter extends OncePerRequestFilter {

    private final Memberships memberships;
    private final OperatorAccounts operators;
    private final SsoPolicy ssoPolicy;
    private final SecurityContextRepository sessionContexts = new HttpSessionSecurityContextRepository();

    TenantBindingFilter(Memberships memberships, OperatorAccounts operators, SsoPolicy ssoPolicy) {
        this.memberships = memberships;
        this.operators = operators;
        this.ssoPolicy = ssoPolicy;
    }

    /** Error pages render the signed-in layout too, so they need the tenant bound as well. */
    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof SignedInUser signedIn)) {
            chain.doFilter(request, response);
            return;
        }
        SignedInUser user = signedIn;
        if (request.getAttribute(BearerTokenFilter.AUTHENTICATED_BY_TOKEN) == null) {
            Optional<Role> role = TenantContext.callAs(
                    signedIn.tenant(),
                    signedIn.userId(),
                    () -> memberships.roleOf(signedIn.tenant(), signedIn.userId()));
            if (role.isEmpty()) {
                signOut(request);
                chain.doFilter(request, response);
                return;
            }
            if (!ssoPolicy.allowsInThisSession(signedIn.tenant(), role.get())) {
                // the Client requires its own single sign-on (switched on after this session signed in another way,
                // or a session its provider did not sign in): it ends here, owners excepted (break-glass)
                signOut(request);
                refuseSsoRequired(request, response);
                return;
            }
            Role effective = role.get();
            if (effective == Role.OWNER && SsoPolicy.signedInThroughOwnProvider(request)) {
                // the Client's provider is configured by its admins: its word never makes anyone an owner, or an admin
                // could sign in as the owner and take the Client over; owners use their own sign-in for that
                effective = Role.ADMIN;
            }
            if (effective != user.role()) {
                user = user.withRole(effective);
                replace(user, request, response);
            }
            if (operators.includes(user.email())) {
                asOperator(user);
            }
        }
        TenantContext.bind(user.tenant(), user.userId());
        try {
            chain.doFilter(request, response);
        } finally {
            TenantContext.clear();
        }
    }

    private void replace(SignedInUser user, HttpServletRequest request, HttpServletResponse response) {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, RoleAuthorities.of(user.role())));
        SecurityContextHolder.setContext(context);
        sessionContexts.saveContext(context, request, response);
    }

    /**
     * Team365 staff get ROLE_OPERATOR for this request only (never saved in the session), so taking someone off the
     * operator list takes effect at once.
     */
    private static void asOperator(SignedInUser user) {
        var authorities = new java.util.ArrayList<org.springframework.security.core.GrantedAuthority>(
                RoleAuthorities.of(user.role()));
        authorities.add(new org.springframework.security.core.authority.SimpleGrantedAuthority("ROLE_OPERATOR"));
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, authorities));
        SecurityContextHolder.setContext(context);
    }

    /** Pages go to the sign-in page, which says why; the API answers 401 with a problem. */
    private static void refuseSsoRequired(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (ProblemResponses.isApi(request)) {
            response.setHeader("WWW-Authenticate", "Bearer");
            ProblemResponses.write(
                    response,
                    HttpStatus.UNAUTHORIZED,
                    "Your organisation requires you to sign in through its own single sign-on; this session has ended.",
                    request.getRequestURI());
            return;
        }
        response.sendRedirect(request.getContextPath() + "/login?sso=required");
    }

    /** Removed from the Client: the session ends, and the request goes on as anonymous. */
    private static void signOut(HttpServletRequest request) {
        SecurityContextHolder.clearContext();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
    }
}
