package io.team365.identity.internal;

import io.team365.audit.AuditTrail;
import io.team365.identity.SignedInUser;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.dao.DataAccessException;
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
    private final Semaphore hashingSlots =
            new Semaphore(Math.max(2, Runtime.getRuntime().availableProcessors() * 2));

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
        if (email.length() > 254 || password.length() > PasswordPolicy.MAX_LENGTH * 4 || hasControlCharacters(email)) {
            throw new BadCredentialsException("bad credentials");
        }
        SignInThrottle.Attempt attempt;
        try {
            attempt = throttle.begin(email, ip);
        } catch (DataAccessException busy) {
            throw new ThrottledException(1); // a burst on this account or address: its lock was not free in time
        }
        if (attempt.blocked()) {
            long minutes = Math.max(
                    1, Duration.between(Instant.now(), attempt.blockedUntil()).toMinutes() + 1);
            throw new ThrottledException(minutes);
        }
        Optional<UserAccount> account = transaction.execute(status -> users.findByEmail(email));
        boolean matches = hashing(
                attempt,
                () -> account.filter(a -> a.passwordHash() != null)
                        .map(a -> encoder.matches(password, a.passwordHash()))
                        .orElseGet(() -> spendTimeThenFail(password)));
        if (!matches) {
            account.ifPresent(a -> recordFailure(a, ip));
            throw new BadCredentialsException("bad credentials");
        }
        UserAccount user = account.get();
        throttle.succeeded(attempt); // the right password is no guess, verified address or not
        if (!user.emailVerified()) {
            throw new DisabledException("email not verified");
        }
        SignedInUser signedIn = workspaces.defaultWorkspace(user).orElseThrow(NoWorkspaceException::new);
        audit.record(
                signedIn.tenant(),
                new AuditTrail.Actor(user.id(), user.email(), ip, null),
                "user.signed-in",
                "user",
                user.id().toString(),
                Map.of("method", "password"));
        return UsernamePasswordAuthenticationToken.authenticated(signedIn, null, RoleAuthorities.of(signedIn.role()));
    }

    /**
     * Argon2id takes 16 MiB and tens of milliseconds per check; a few at a time per core keeps a flood of sign-ins
     * from exhausting memory. Callers beyond that wait briefly, then are told to try again.
     */
    private boolean hashing(SignInThrottle.Attempt attempt, java.util.function.Supplier<Boolean> check) {
        boolean acquired;
        try {
            acquired = hashingSlots.tryAcquire(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            acquired = false;
        }
        if (!acquired) {
            throttle.withdraw(attempt);
            throw new ThrottledException(1);
        }
        try {
            return check.get();
        } finally {
            hashingSlots.release();
        }
    }

    private static boolean hasControlCharacters(String value) {
        return value.chars().anyMatch(c -> c < 0x20 || c == 0x7f);
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

    /** The password is right but the person belongs to no Client any more (removed from the last one). */
    static class NoWorkspaceException extends DisabledException {
        NoWorkspaceException() {
            super("no membership");
        }
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
