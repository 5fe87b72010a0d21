package io.team365.identity.internal;

import io.team365.identity.SignedInUser;
import io.team365.identity.internal.sso.SsoPolicy;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A session signed in through a Client's own provider works in that Client, and only there: the provider vouches for
 * its members in its Client, not for the person. So such a session cannot change how the person signs in (password,
 * email, app, recovery codes, passkeys, linked sign-ins), nor act on the person as a whole (download all their data,
 * close the account) unless this Client is all they belong to. Otherwise whoever runs a Client's provider could sign
 * in as a member, add their own passkey or Google link, and with it open the member's other Clients (ADR 0028,
 * update). Ending sessions only takes access away, and stays open to it.
 */
class OwnProviderSessionFilter extends OncePerRequestFilter {

    static final String NOTICE_PAGE = "/settings/security?own-provider";

    private static final RequestMatcher PERSONAL = RequestRules.paths(
            "/settings/password/**",
            "/settings/email/**",
            "/settings/security/totp/**",
            "/settings/security/recovery-codes/**",
            "/settings/security/passkeys/**",
            "/settings/security/identities/**");

    /**
     * Acting on the person as a whole: allowed only to someone whose one Client is this one (then the provider's
     * Client is all there is of them, and a person it made must be able to leave: the right to erasure).
     */
    private static final RequestMatcher WHOLE_PERSON =
            RequestRules.paths("/settings/account/download", "/settings/account/close");

    private final WorkspaceSelector workspaces;

    OwnProviderSessionFilter(WorkspaceSelector workspaces) {
        this.workspaces = workspaces;
    }

    private boolean inOtherClients() {
        SignedInUser user = SignedInUser.require();
        return workspaces.tenantsOf(user.userId()).stream().anyMatch(tenant -> !tenant.equals(user.tenant()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!RequestRules.changesSomething(request)
                || SignedInUser.current().isEmpty()
                || request.getAttribute(BearerTokenFilter.AUTHENTICATED_BY_TOKEN) != null
                || !SsoPolicy.signedInThroughOwnProvider(request)
                || !(PERSONAL.matches(request) || (WHOLE_PERSON.matches(request) && inOtherClients()))) {
            chain.doFilter(request, response);
            return;
        }
        RequestRules.turnAway(
                request,
                response,
                "You signed in through your organisation's single sign-on: to change how you sign in, sign in with"
                        + " your own password, passkey or provider.",
                NOTICE_PAGE);
    }
}
