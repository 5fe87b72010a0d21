package io.team365.identity.internal;

import io.team365.audit.AuditTrail;
import io.team365.identity.SignedInUser;
import io.team365.identity.internal.mfa.Authenticators;
import io.team365.identity.internal.mfa.SecondFactorThrottle;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Step-up re-authentication: sensitive actions (email, password, two-factor and passkey settings, new API tokens,
 * downloading all one's data) need a sign-in or a confirmation within the last {@link #WINDOW}, so someone at an
 * unlocked screen cannot take the account over. {@link StepUpFilter} enforces it by path; the confirmation page
 * calls {@link #confirmWithPassword} or {@link #confirmWithCode}.
 */
@Component
public class StepUp {

    public static final Duration WINDOW = Duration.ofMinutes(10);
    public static final String CONFIRM_PAGE = "/settings/security/confirm";
    static final String REAUTHENTICATED_AT = StepUp.class.getName() + ".at";

    public enum Outcome {
        CONFIRMED,
        WRONG,
        THROTTLED
    }

    private final Clock clock;
    private final UserAccounts users;
    private final PasswordEncoder encoder;
    private final SignInThrottle throttle;
    private final Authenticators authenticators;
    private final SecondFactorThrottle codeThrottle;
    private final TransactionTemplate transaction;
    private final AuditTrail audit;

    StepUp(
            Clock clock,
            UserAccounts users,
            PasswordEncoder encoder,
            SignInThrottle throttle,
            Authenticators authenticators,
            SecondFactorThrottle codeThrottle,
            PlatformTransactionManager transactions,
            AuditTrail audit) {
        this.audit = audit;
        this.clock = clock;
        this.users = users;
        this.encoder = encoder;
        this.throttle = throttle;
        this.authenticators = authenticators;
        this.codeThrottle = codeThrottle;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Stamps the session at sign-in: the person has just proved who they are (the sign-in is audited itself). */
    public void reauthenticated(HttpServletRequest request) {
        request.getSession(true).setAttribute(REAUTHENTICATED_AT, clock.instant());
    }

    /**
     * A signed-in person confirmed who they are with the given factor ({@code password}, {@code totp},
     * {@code passkey} or {@code sso:<provider>}): stamps the session and records it, so the trail shows what
     * vouched for the sensitive action that follows.
     */
    public void confirmed(HttpServletRequest request, SignedInUser user, String factor) {
        reauthenticated(request);
        audit.record(
                user.tenant(),
                new AuditTrail.Actor(
                        user.userId(), user.email(), request.getRemoteAddr(), request.getHeader("User-Agent")),
                "identity.confirmed",
                "user",
                user.userId().toString(),
                Map.of("factor", factor));
    }

    /** Drops the session's stamp. */
    public void forget(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(REAUTHENTICATED_AT);
        }
    }

    /** Whether this session proved who it is recently enough for a sensitive action. */
    public boolean isRecent(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null || !(session.getAttribute(REAUTHENTICATED_AT) instanceof Instant at)) {
            return false;
        }
        // a stamp from a node whose clock runs a little ahead is still a recent one
        return at.plus(WINDOW).isAfter(clock.instant());
    }

    /** The password again; wrong guesses count towards the same limits as sign-in. */
    public Outcome confirmWithPassword(HttpServletRequest request, SignedInUser user, String password) {
        if (password == null || password.isEmpty() || password.length() > PasswordPolicy.MAX_LENGTH * 4) {
            return Outcome.WRONG;
        }
        UserAccount account =
                transaction.execute(status -> users.findById(user.userId())).orElseThrow();
        SignInThrottle.Attempt attempt = throttle.begin(account.email(), request.getRemoteAddr());
        if (attempt.blocked()) {
            return Outcome.THROTTLED;
        }
        if (account.passwordHash() == null || !encoder.matches(password, account.passwordHash())) {
            return Outcome.WRONG;
        }
        throttle.succeeded(attempt);
        confirmed(request, user, "password");
        return Outcome.CONFIRMED;
    }

    /** A code from the authenticator app (a used code stays used: the same replay rule as at sign-in). */
    public Outcome confirmWithCode(HttpServletRequest request, SignedInUser user, String code) {
        // counted as wrong before it is checked, under a lock per person, so parallel guesses cannot outrun the limit
        if (codeThrottle.begin(user).blocked()) {
            return Outcome.THROTTLED;
        }
        if (!authenticators.verify(user, code)) {
            return Outcome.WRONG;
        }
        codeThrottle.succeeded(user);
        confirmed(request, user, "totp");
        return Outcome.CONFIRMED;
    }

    /**
     * Where to go after confirming: a path of this site only. Anything with a scheme or a host, a protocol-relative
     * {@code //host}, backslashes or control characters falls back to the security page.
     */
    public static String safeNext(String next) {
        String fallback = "/settings/security";
        if (next == null || next.isBlank() || next.length() > 2000) {
            return fallback;
        }
        if (!next.startsWith("/")
                || next.startsWith("//")
                || next.contains("\\")
                || next.chars().anyMatch(c -> c < 0x21 || c == 0x7f)) {
            return fallback;
        }
        try {
            URI uri = new URI(next);
            if (uri.getScheme() != null || uri.getRawAuthority() != null || uri.getRawPath() == null) {
                return fallback;
            }
        } catch (URISyntaxException e) {
            return fallback;
        }
        return next;
    }
}
