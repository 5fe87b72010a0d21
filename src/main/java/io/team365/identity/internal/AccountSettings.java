package io.team365.identity.internal;

import io.team365.audit.AuditTrail;
import io.team365.core.InvalidInput;
import io.team365.core.Validation;
import io.team365.identity.SignedInUser;
import io.team365.notifications.Outbox;
import java.time.ZoneId;
import java.util.Map;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** A signed-in person's own account: profile and password. */
@Service
public class AccountSettings {

    public record Profile(String name, String email, String timeZone) {}

    private final UserAccounts users;
    private final PasswordPolicy policy;
    private final PasswordEncoder encoder;
    private final UserSessions sessions;
    private final IdentityMail mail;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final OneTimeLinks links;
    private final TransactionTemplate transaction;

    AccountSettings(
            UserAccounts users,
            PasswordPolicy policy,
            PasswordEncoder encoder,
            UserSessions sessions,
            IdentityMail mail,
            Outbox outbox,
            AuditTrail audit,
            OneTimeLinks links,
            PlatformTransactionManager transactions) {
        this.links = links;
        this.transaction = new TransactionTemplate(transactions);
        this.users = users;
        this.policy = policy;
        this.encoder = encoder;
        this.sessions = sessions;
        this.mail = mail;
        this.outbox = outbox;
        this.audit = audit;
    }

    public Profile profile(SignedInUser user) {
        UserAccount account = users.findById(user.userId()).orElseThrow();
        return new Profile(account.name(), account.email(), account.timeZone());
    }

    @Transactional
    public String updateProfile(SignedInUser user, String nameInput, String timeZoneInput) {
        Validation check = Validation.start();
        String name = check.text("name", nameInput, 200);
        String typed = timeZoneInput == null || timeZoneInput.isBlank() ? "UTC" : timeZoneInput.strip();
        String timeZone = ZoneId.getAvailableZoneIds().stream()
                .filter(zone -> zone.equalsIgnoreCase(typed))
                .findFirst()
                .orElse(null);
        if (timeZone == null) {
            check.reject("timeZone", "validation.time-zone");
        }
        check.throwIfInvalid();
        UserAccount account = users.findById(user.userId()).orElseThrow();
        users.updateProfile(user.userId(), name, account.locale(), timeZone);
        return name;
    }

    /**
     * Changes the password after checking the current one. Open reset links stop working; after the commit every
     * other session of the person ends (Spring Session uses a connection of its own, so not inside this one).
     */
    public void changePassword(
            SignedInUser user, String current, String next, String keepSessionId, AuditTrail.Actor actor) {
        UserAccount account = users.findById(user.userId()).orElseThrow();
        if (current == null || account.passwordHash() == null || !encoder.matches(current, account.passwordHash())) {
            throw InvalidInput.of("currentPassword", "password.current-wrong");
        }
        if (next != null && encoder.matches(next, account.passwordHash())) {
            throw InvalidInput.of("newPassword", "password.same");
        }
        policy.violation(next, account.email(), account.name()).ifPresent(key -> {
            throw InvalidInput.of("newPassword", key, PasswordPolicy.MIN_LENGTH);
        });
        String hash = encoder.encode(next);
        transaction.executeWithoutResult(status -> {
            users.changePassword(user.userId(), hash);
            links.cancelAll(user.userId());
            outbox.enqueue(user.tenant(), mail.passwordChanged(account.email(), account.name()));
            audit.record(
                    user.tenant(),
                    actor,
                    "user.password-changed",
                    "user",
                    user.userId().toString(),
                    Map.of());
        });
        sessions.endAll(user.userId(), keepSessionId);
    }
}
