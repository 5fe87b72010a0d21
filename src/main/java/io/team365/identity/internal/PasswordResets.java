package io.team365.identity.internal;

import io.team365.core.InvalidInput;
import io.team365.core.TenantId;
import io.team365.notifications.Outbox;
import io.team365.tenancy.DatabaseLookups;
import io.team365.tenancy.TenantContext;
import java.time.Duration;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** "Forgot password": a one-hour link by email, then a new password that ends every session. */
@Service
public class PasswordResets {

    static final Duration VALIDITY = Duration.ofHours(1);

    private final OneTimeLinks links;
    private final UserAccounts users;
    private final IdentityMail mail;
    private final Outbox outbox;
    private final PasswordPolicy policy;
    private final PasswordEncoder encoder;
    private final UserSessions sessions;
    private final TransactionTemplate transaction;
    private final JdbcClient jdbc;
    private final SignInThrottle throttle;
    private final LinkMailer linkMailer;

    PasswordResets(
            OneTimeLinks links,
            UserAccounts users,
            IdentityMail mail,
            Outbox outbox,
            PasswordPolicy policy,
            PasswordEncoder encoder,
            UserSessions sessions,
            SignInThrottle throttle,
            LinkMailer linkMailer,
            PlatformTransactionManager transactions,
            JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.throttle = throttle;
        this.linkMailer = linkMailer;
        this.links = links;
        this.users = users;
        this.mail = mail;
        this.outbox = outbox;
        this.policy = policy;
        this.encoder = encoder;
        this.sessions = sessions;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Mails a link if the address has an account; the answer is the same either way, to not reveal accounts. */
    public void request(String email) {
        linkMailer.sendIfEligible(
                email,
                account -> true,
                OneTimeLinks.RESET_PASSWORD,
                VALIDITY,
                (account, secret) -> mail.passwordReset(account.email(), account.name(), secret));
    }

    public boolean isValid(String token) {
        return Boolean.TRUE.equals(transaction.execute(status -> links.isValid(token, OneTimeLinks.RESET_PASSWORD)));
    }

    /** Sets the new password; the link is used up only if the password is accepted. Ends every session. */
    public void reset(String token, String newPassword) {
        UUID userId = TenantContext.callAs(
                TenantId.PLATFORM,
                null,
                () -> transaction.execute(status -> {
                    UUID user = links.redeem(token, OneTimeLinks.RESET_PASSWORD)
                            .orElseThrow(() -> InvalidInput.of("token", "reset.invalid-link"));
                    DatabaseLookups.asUser(jdbc, user);
                    UserAccount account = users.findById(user).orElseThrow();
                    policy.violation(newPassword, account.email(), account.name())
                            .ifPresent(key -> {
                                throw InvalidInput.of("password", key, PasswordPolicy.MIN_LENGTH);
                            });
                    users.changePassword(user, encoder.encode(newPassword));
                    users.markEmailVerified(user);
                    links.cancelAll(user);
                    throttle.reset(account.email());
                    outbox.enqueue(TenantId.PLATFORM, mail.passwordChanged(account.email(), account.name()));
                    return user;
                }));
        sessions.endAll(userId, null);
    }
}
