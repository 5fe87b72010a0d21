package io.team365.identity.internal;

import io.team365.audit.AuditTrail;
import io.team365.core.Conflict;
import io.team365.core.InvalidInput;
import io.team365.core.TenantId;
import io.team365.identity.AccountClosure;
import io.team365.identity.Actors;
import io.team365.identity.MemberLeaving;
import io.team365.identity.Role;
import io.team365.identity.SignedInUser;
import io.team365.identity.internal.passkeys.Passkeys;
import io.team365.notifications.Outbox;
import io.team365.tenancy.Client;
import io.team365.tenancy.ClientManagement;
import io.team365.tenancy.TenantTransactions;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Closes a person's account. Row-level security lets a membership be deleted only inside its Client, so the work is
 * one transaction per Client (leave it: records lose their owner, tokens and team places go with the membership,
 * the audit trail records it) and a last one for the account itself. A failure part-way leaves a person who can
 * simply close again: every step skips what is already gone.
 */
@Service
class AccountClosing implements AccountClosure {

    private final UserAccounts users;
    private final Memberships memberships;
    private final PasswordEncoder encoder;
    private final UserSessions sessions;
    private final TenantTransactions transactions;
    private final ClientManagement clients;
    private final ApplicationEventPublisher events;
    private final AuditTrail audit;
    private final Outbox outbox;
    private final IdentityMail mail;
    private final JdbcClient jdbc;
    private final SignInThrottle throttle;
    private final Passkeys passkeys;
    private final StepUp stepUp;

    AccountClosing(
            UserAccounts users,
            Memberships memberships,
            PasswordEncoder encoder,
            UserSessions sessions,
            TenantTransactions transactions,
            ClientManagement clients,
            ApplicationEventPublisher events,
            AuditTrail audit,
            Outbox outbox,
            IdentityMail mail,
            JdbcClient jdbc,
            SignInThrottle throttle,
            Passkeys passkeys,
            StepUp stepUp) {
        this.stepUp = stepUp;
        this.throttle = throttle;
        this.passkeys = passkeys;
        this.users = users;
        this.memberships = memberships;
        this.encoder = encoder;
        this.sessions = sessions;
        this.transactions = transactions;
        this.clients = clients;
        this.events = events;
        this.audit = audit;
        this.outbox = outbox;
        this.mail = mail;
        this.jdbc = jdbc;
    }

    @Override
    public List<String> soleOwnerOf(SignedInUser user) {
        List<String> names = new ArrayList<>();
        for (Memberships.Row membership : membershipsOf(user)) {
            if (membership.role() == Role.OWNER && ownerCount(membership.tenant(), user.userId()) <= 1) {
                names.add(clients.find(membership.tenant()).map(Client::name).orElse(""));
            }
        }
        return names;
    }

    @Override
    public Proof proof(SignedInUser user, HttpServletRequest request) {
        UserAccount account = users.findById(user.userId()).orElseThrow();
        if (account.passwordHash() != null) {
            return Proof.PASSWORD;
        }
        return stepUp.isRecent(request) ? Proof.CONFIRMED : Proof.CONFIRM_FIRST;
    }

    @Override
    public void close(SignedInUser user, String password, HttpServletRequest request) {
        AuditTrail.Actor actor = Actors.of(request);
        UserAccount account = users.findById(user.userId()).orElseThrow();
        if (account.passwordHash() == null) {
            // someone who signs in only with single sign-on or a passkey has no password to type: a confirmation in
            // this session within the step-up window (a passkey, or signing in again with their provider) is the
            // proof instead, so they can be erased like everyone else
            if (!stepUp.isRecent(request)) {
                throw InvalidInput.of("password", "account.close.confirm-first");
            }
        } else {
            checkPassword(account, password, actor);
        }
        if (!soleOwnerOf(user).isEmpty()) {
            throw new Conflict("password", "account.close.last-owner");
        }
        for (Memberships.Row membership : membershipsOf(user)) {
            leave(membership.tenant(), user.userId(), actor);
        }
        transactions.run(TenantId.PLATFORM, user.userId(), () -> {
            passkeys.removeAll(user.userId());
            jdbc.sql("delete from users where id = :id")
                    .param("id", user.userId())
                    .update();
            outbox.enqueue(TenantId.PLATFORM, mail.accountClosed(account.email(), account.name()));
        });
        sessions.endAll(user.userId(), null);
    }

    /**
     * The password again is the proof that the person, not someone at their unlocked screen, closes the account:
     * guesses count towards the same limits as sign-in.
     */
    private void checkPassword(UserAccount account, String password, AuditTrail.Actor actor) {
        if (password == null || password.isEmpty()) {
            throw InvalidInput.of("password", "validation.required");
        }
        SignInThrottle.Attempt attempt = throttle.begin(account.email(), actor.ip() == null ? "unknown" : actor.ip());
        if (attempt.blocked()) {
            throw InvalidInput.of("password", "account.close.throttled");
        }
        if (!encoder.matches(password, account.passwordHash())) {
            throw InvalidInput.of("password", "account.close.password-wrong");
        }
        throttle.succeeded(attempt);
    }

    private List<Memberships.Row> membershipsOf(SignedInUser user) {
        return transactions.call(user.tenant(), user.userId(), () -> memberships.ofUser(user.userId()));
    }

    private int ownerCount(TenantId tenant, UUID userId) {
        return transactions.call(tenant, userId, () -> memberships.lockOwners(tenant));
    }

    /** Leaves one Client, checking again under lock that it keeps an owner. */
    private void leave(TenantId tenant, UUID userId, AuditTrail.Actor actor) {
        transactions.run(tenant, userId, () -> {
            int owners = memberships.lockOwners(tenant);
            Role role = memberships.lockRole(tenant, userId).orElse(null);
            if (role == null) {
                return;
            }
            if (role == Role.OWNER && owners <= 1) {
                throw new Conflict("password", "account.close.last-owner");
            }
            events.publishEvent(new MemberLeaving(tenant, userId));
            memberships.delete(tenant, userId);
            audit.record(tenant, actor, "user.account-closed", "user", userId.toString(), Map.of("role", role.value()));
        });
    }
}
