package io.team365.identity.internal;

import io.team365.audit.AuditTrail;
import io.team365.core.Ids;
import io.team365.core.InvalidInput;
import io.team365.core.Validation;
import io.team365.tenancy.TenantContext;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Joining through an invitation link. A newcomer sets a name and password (the link proves the address, so it
 * counts as verified); someone who already has an account gains one more Client, confirming it is them with their
 * password or, whatever way they sign in (single sign-on, a passkey), by being signed in as that account.
 */
@Service
public class InvitationAcceptance {

    private final Invitations invitations;
    private final UserAccounts users;
    private final Memberships memberships;
    private final PasswordPolicy policy;
    private final PasswordEncoder encoder;
    private final AuditTrail audit;
    private final TransactionTemplate transaction;

    InvitationAcceptance(
            Invitations invitations,
            UserAccounts users,
            Memberships memberships,
            PasswordPolicy policy,
            PasswordEncoder encoder,
            AuditTrail audit,
            PlatformTransactionManager transactions) {
        this.invitations = invitations;
        this.users = users;
        this.memberships = memberships;
        this.policy = policy;
        this.encoder = encoder;
        this.audit = audit;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** What the invitation page asks of its visitor. */
    public enum Invitee {
        /** no account yet: a name and a password */
        NEWCOMER,
        /** signed in as the invited account: one click */
        SIGNED_IN,
        /** an account with a password, not signed in as it: that password */
        PASSWORD,
        /** an account without a password (single sign-on, passkeys), not signed in as it: sign in first */
        SIGN_IN_FIRST
    }

    public Invitee invitee(Invitations.Pending invitation, Optional<UUID> signedInAs) {
        Optional<UserAccount> account = transaction.execute(status -> users.findByEmail(invitation.email()));
        if (account.isEmpty()) {
            return Invitee.NEWCOMER;
        }
        if (signedInAs.filter(account.get().id()::equals).isPresent()) {
            return Invitee.SIGNED_IN;
        }
        return account.get().passwordHash() == null ? Invitee.SIGN_IN_FIRST : Invitee.PASSWORD;
    }

    /**
     * @param signedInAs the person of the visitor's session, if signed in: when it is the invited account, no
     *     password is asked (the session proved it); anyone else's session counts for nothing
     */
    public void accept(
            String secret, String name, String password, Optional<UUID> signedInAs, AuditTrail.Actor requester) {
        Invitations.Pending invitation =
                invitations.find(secret).orElseThrow(() -> InvalidInput.of("token", "invitation.invalid-link"));
        Optional<UserAccount> existing = transaction.execute(status -> users.findByEmail(invitation.email()));
        UUID userId;
        String hash = null;
        String displayName;
        if (existing.isPresent()) {
            UserAccount account = existing.get();
            boolean provenBySession = signedInAs.filter(account.id()::equals).isPresent();
            if (!provenBySession && account.passwordHash() == null) {
                throw InvalidInput.of("password", "invitation.sign-in-first");
            }
            if (!provenBySession && !encoder.matches(String.valueOf(password), account.passwordHash())) {
                throw InvalidInput.of("password", "invitation.wrong-password");
            }
            userId = account.id();
            displayName = account.name();
        } else {
            Validation check = Validation.start();
            displayName = check.text("name", name, 200);
            policy.violation(password, invitation.email(), displayName)
                    .ifPresent(key -> check.reject("password", key, PasswordPolicy.MIN_LENGTH));
            check.throwIfInvalid();
            userId = Ids.newId();
            hash = encoder.encode(password);
        }
        String newHash = hash;
        try {
            TenantContext.runAs(
                    invitation.tenant(),
                    userId,
                    () -> transaction.executeWithoutResult(status -> {
                        invitations.markAccepted(invitation, secret);
                        if (existing.isEmpty()) {
                            users.insert(userId, invitation.email(), displayName, newHash, true);
                        }
                        memberships.insert(invitation.tenant(), userId, invitation.role());
                        memberships.touch(invitation.tenant(), userId); // the next sign-in opens the new Client
                        audit.record(
                                invitation.tenant(),
                                new AuditTrail.Actor(userId, invitation.email(), requester.ip(), requester.userAgent()),
                                "invitation.accepted",
                                "invitation",
                                invitation.id().toString(),
                                Map.of("role", invitation.role().value()));
                    }));
        } catch (DuplicateKeyException raced) {
            // the same invitation, or another one to this address, was accepted at the same moment
            throw InvalidInput.of("token", "invitation.invalid-link");
        }
    }
}
