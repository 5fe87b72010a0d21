package io.team365.identity.internal;

import io.team365.audit.AuditTrail;
import io.team365.identity.SignedInUser;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Email and password sign-in: throttled per account and address, Argon2id hashes, refused until the email address
 * is verified, and every outcome recorded (failures also in the audit trail of each of the person's Clients).
 */
@Component
class PasswordAuthenticationProvider implements AuthenticationProvider {

    /** Spent on unknown addresses too, so response time does not reveal which accounts exist. */
    private final String dummyHash;

    private final UserAccounts users;
    private final SignInThrottle throttle;
    private final PasswordEncoder encoder;
    private final WorkspaceSelector workspaces;
    private final AuditTrail audit;
    private final TransactionTemplate transaction;

    PasswordAuthenticationProvider(
            UserAccounts users,
            SignInThrottle throttle,
            PasswordEncoder encoder,
            WorkspaceSelector workspaces,
            AuditTrail audit,
            PlatformTransactionManager transactions) {
        this.users = users;
        this.throttle = throttle;
        this.encoder = encoder;
        this.workspaces = workspaces;
        this.audit = audit;
        this.transaction = new TransactionTemplate(transactions);
        this.dummyHash = encoder.encode("not a real password, only spends time");
    }

    @Override
    public Authentication authenticate(Authentication request) throws AuthenticationException {
        String email = String.valueOf(request.getName()).strip().toLowerCase(Locale.ROOT);
        String password = String.valueOf(request.getCredentials());
        String ip = request.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : "";
        if (email.length() > 254 || password.length() > PasswordPolicy.MAX_LENGTH * 4) {
            throw new BadCredentialsException("bad credentials");
        }
        Optional<Instant> blocked = throttle.blockedUntil(email, ip);
        if (blocked.isPresent()) {
            long minutes =
                    Math.max(1, Duration.between(Instant.now(), blocked.get()).toMinutes() + 1);
            throw new ThrottledException(minutes);
        }
        Optional<UserAccount> account = transaction.execute(status -> users.findByEmail(email));
        boolean matches = account.filter(a -> a.passwordHash() != null)
                .map(a -> encoder.matches(password, a.passwordHash()))
                .orElseGet(() -> spendTimeThenFail(password));
        if (!matches) {
            throttle.recordAttempt(email, ip, false);
            account.ifPresent(a -> recordFailure(a, ip));
            throw new BadCredentialsException("bad credentials");
        }
        UserAccount user = account.get();
        if (!user.emailVerified()) {
            throw new DisabledException("email not verified");
        }
        throttle.recordAttempt(email, ip, true);
        SignedInUser signedIn =
                workspaces.defaultWorkspace(user).orElseThrow(() -> new DisabledException("no membership"));
        audit.record(
                signedIn.tenant(),
                new AuditTrail.Actor(user.id(), user.email(), ip, null),
                "user.signed-in",
                "user",
                user.id().toString(),
                Map.of("method", "password"));
        return UsernamePasswordAuthenticationToken.authenticated(signedIn, null, RoleAuthorities.of(signedIn.role()));
    }

    private boolean spendTimeThenFail(String password) {
        encoder.matches(password, dummyHash);
        return false;
    }

    private void recordFailure(UserAccount user, String ip) {
        List<io.team365.core.TenantId> tenants = workspaces.tenantsOf(user.id());
        AuditTrail.Actor actor = new AuditTrail.Actor(user.id(), user.email(), ip, null);
        tenants.forEach(tenant -> audit.record(
                tenant,
                actor,
                "user.sign-in-failed",
                "user",
                user.id().toString(),
                Map.of("reason", "wrong password")));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    /** Too many failed attempts; carries how long to wait, for the message. */
    static class ThrottledException extends LockedException {
        private final long minutes;

        ThrottledException(long minutes) {
            super("too many failed sign-ins");
            this.minutes = minutes;
        }

        long minutes() {
            return minutes;
        }
    }
}
