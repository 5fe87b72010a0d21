package io.team365.identity.internal.sso;

import io.team365.core.TenantId;
import io.team365.identity.Role;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.authentication.DisabledException;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * "Require SSO for members": a Client that requires it is entered only through its own provider, except by its
 * owners, who keep the password (and any platform provider) as the break-glass way in when the Client's provider is
 * down or misconfigured (ADR 0028).
 */
@Component
public class SsoPolicy {

    /** The Client whose own provider signed this session in. */
    static final String SIGNED_IN_VIA = SsoPolicy.class.getName() + ".via";

    private final ClientSsoSettings settings;

    SsoPolicy(ClientSsoSettings settings) {
        this.settings = settings;
    }

    /** Whether the person may enter the Client by another way than its own provider (a password, Google...). */
    public boolean allowsOtherSignIn(TenantId tenant, Role role) {
        return role == Role.OWNER
                || settings.find(tenant).map(p -> !p.requireSso()).orElse(true);
    }

    /**
     * Whether the current session may work in the Client. A session a Client's own provider signed in works in that
     * Client only: that provider vouches for its members there, not for the person's other Clients.
     */
    public boolean allowsInThisSession(TenantId tenant, Role role) {
        TenantId via = signedInVia();
        if (via != null) {
            return tenant.equals(via);
        }
        return allowsOtherSignIn(tenant, role);
    }

    /**
     * Whether this session was signed in through the given Client's own provider. That provider vouches for its
     * members in its Client only: such a session may not change how the person signs in (their password, second
     * factors, passkeys, linked sign-ins) nor act on the person as a whole, and the Client's two-factor rule is the
     * provider's to enforce.
     */
    public static boolean signedInThroughOwnProvider(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session != null && session.getAttribute(SIGNED_IN_VIA) instanceof TenantId;
    }

    public static boolean signedInThroughOwnProvider(HttpServletRequest request, TenantId tenant) {
        HttpSession session = request.getSession(false);
        return session != null && tenant.equals(session.getAttribute(SIGNED_IN_VIA));
    }

    /** A sign-in by any other way: the session no longer counts as the Client provider's. */
    public static void forgetOwnProvider(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(SIGNED_IN_VIA);
        }
    }

    private static TenantId signedInVia() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpSession session = attributes.getRequest().getSession(false);
            if (session != null && session.getAttribute(SIGNED_IN_VIA) instanceof TenantId tenant) {
                return tenant;
            }
        }
        return null;
    }

    /** A password sign-in by someone all of whose Clients require their own single sign-on. */
    public static class SsoRequiredException extends DisabledException {
        public SsoRequiredException() {
            super("single sign-on required");
        }
    }
}
