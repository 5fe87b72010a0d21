package io.team365.identity.internal;

import io.team365.audit.AuditTrail;
import io.team365.core.Conflict;
import io.team365.core.Ids;
import io.team365.core.TenantId;
import io.team365.core.Validation;
import io.team365.identity.Role;
import io.team365.notifications.Outbox;
import io.team365.tenancy.ClientManagement;
import io.team365.tenancy.TenantContext;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Sign-up: a new Client, its owner, and the email that verifies the owner's address, all or nothing. */
@Service
public class SignUps {

    public record Form(String company, String name, String email, String password) {}

    public record Result(TenantId tenantId, UUID userId) {}

    static final Duration VERIFICATION_VALIDITY = Duration.ofHours(48);

    private final ClientManagement clients;
    private final UserAccounts users;
    private final Memberships memberships;
    private final OneTimeLinks links;
    private final IdentityMail mail;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final PasswordPolicy passwordPolicy;
    private final PasswordEncoder passwordEncoder;
    private final TransactionTemplate transaction;

    SignUps(
            ClientManagement clients,
            UserAccounts users,
            Memberships memberships,
            OneTimeLinks links,
            IdentityMail mail,
            Outbox outbox,
            AuditTrail audit,
            PasswordPolicy passwordPolicy,
            PasswordEncoder passwordEncoder,
            PlatformTransactionManager transactions) {
        this.clients = clients;
        this.users = users;
        this.memberships = memberships;
        this.links = links;
        this.mail = mail;
        this.outbox = outbox;
        this.audit = audit;
        this.passwordPolicy = passwordPolicy;
        this.passwordEncoder = passwordEncoder;
        this.transaction = new TransactionTemplate(transactions);
    }

    public Result signUp(Form form, AuditTrail.Actor requester) {
        Validation check = Validation.start();
        String company = check.text("company", form.company(), ClientManagement.MAX_NAME_LENGTH);
        String name = check.text("name", form.name(), 200);
        String email = check.email("email", form.email());
        passwordPolicy
                .violation(form.password(), email, name)
                .ifPresent(key -> check.reject("password", key, PasswordPolicy.MIN_LENGTH));
        check.throwIfInvalid();

        TenantId tenant = clients.newId();
        UUID userId = Ids.newId();
        String hash = passwordEncoder.encode(form.password());
        try {
            return TenantContext.callAs(
                    tenant,
                    userId,
                    () -> transaction.execute(status -> {
                        if (users.findByEmail(email).isPresent()) {
                            throw new Conflict("email", "signup.email-taken");
                        }
                        clients.create(tenant, company);
                        users.insert(userId, email, name, hash, false);
                        memberships.insert(tenant, userId, Role.OWNER);
                        String secret = links.issue(userId, OneTimeLinks.VERIFY_EMAIL, VERIFICATION_VALIDITY);
                        outbox.enqueue(tenant, mail.verification(email, name, secret));
                        AuditTrail.Actor actor =
                                new AuditTrail.Actor(userId, email, requester.ip(), requester.userAgent());
                        audit.record(
                                tenant, actor, "client.created", "client", tenant.toString(), Map.of("name", company));
                        return new Result(tenant, userId);
                    }));
        } catch (DuplicateKeyException raced) {
            throw new Conflict("email", "signup.email-taken");
        }
    }
}
