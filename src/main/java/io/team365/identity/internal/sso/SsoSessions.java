package io.team365.identity.internal.sso;

import io.team365.identity.SignedInUser;
import jakarta.servlet.http.HttpSession;
import java.io.Serial;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What a sign-in through a provider leaves in the session between requests: the intent to link (started from
 * Settings), the intent to re-authenticate (step-up) and a verified identity waiting for the sign-up form. Both expire after ten minutes; neither holds a
 * token.
 */
public final class SsoSessions {

    static final Duration VALIDITY = Duration.ofMinutes(10);
    private static final String LINKING = SsoSessions.class.getName() + ".linking";
    private static final String PENDING = SsoSessions.class.getName() + ".pending";
    private static final String REAUTH = SsoSessions.class.getName() + ".reauthentication";

    private SsoSessions() {}

    /** A signed-in person asked to link another provider. */
    record LinkIntent(SignedInUser user, String registrationId, Instant since) implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;
    }

    /** A provider vouched for an address nobody has signed up with; the sign-up form finishes the job. */
    public record PendingSignUp(ProviderClaims claims, Instant since) implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;

        public String email() {
            return claims.email();
        }

        public String name() {
            return claims.name() == null ? "" : claims.name();
        }

        public String registrationId() {
            return claims.registrationId();
        }
    }

    static void startLinking(HttpSession session, SignedInUser user, String registrationId, Instant now) {
        session.removeAttribute(REAUTH);
        session.setAttribute(LINKING, new LinkIntent(user, registrationId, now));
    }

    /** The intent to link, removed from the session: it serves one sign-in only. */
    static Optional<LinkIntent> takeLinking(HttpSession session, Instant now) {
        if (session == null) {
            return Optional.empty();
        }
        Object value = session.getAttribute(LINKING);
        session.removeAttribute(LINKING);
        return value instanceof LinkIntent intent
                        && intent.since().plus(VALIDITY).isAfter(now)
                ? Optional.of(intent)
                : Optional.empty();
    }

    /** A signed-in person confirms it is them (step-up) by signing in again with a provider linked to them. */
    record ReauthIntent(SignedInUser user, String registrationId, String next, Instant since) implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;
    }

    static void startReauthentication(
            HttpSession session, SignedInUser user, String registrationId, String next, Instant now) {
        session.removeAttribute(LINKING);
        session.setAttribute(REAUTH, new ReauthIntent(user, registrationId, next, now));
    }

    /** The re-authentication under way, left in place (the authorization request asks the provider to sign in anew). */
    static Optional<ReauthIntent> peekReauthentication(HttpSession session, Instant now) {
        if (session == null || !(session.getAttribute(REAUTH) instanceof ReauthIntent intent)) {
            return Optional.empty();
        }
        return intent.since().plus(VALIDITY).isAfter(now) ? Optional.of(intent) : Optional.empty();
    }

    /** The re-authentication under way, removed from the session: it serves one provider answer only. */
    static Optional<ReauthIntent> takeReauthentication(HttpSession session, Instant now) {
        Optional<ReauthIntent> intent = peekReauthentication(session, now);
        if (session != null) {
            session.removeAttribute(REAUTH);
        }
        return intent;
    }

    static void holdSignUp(HttpSession session, ProviderClaims claims, Instant now) {
        session.setAttribute(PENDING, new PendingSignUp(claims, now));
    }

    public static Optional<PendingSignUp> pendingSignUp(HttpSession session, Instant now) {
        if (session == null) {
            return Optional.empty();
        }
        Object value = session.getAttribute(PENDING);
        if (value instanceof PendingSignUp pending
                && pending.since().plus(VALIDITY).isAfter(now)) {
            return Optional.of(pending);
        }
        session.removeAttribute(PENDING);
        return Optional.empty();
    }

    public static void dropSignUp(HttpSession session) {
        session.removeAttribute(PENDING);
    }
}
