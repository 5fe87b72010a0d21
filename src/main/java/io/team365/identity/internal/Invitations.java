package io.team365.identity.internal;

import io.team365.audit.AuditTrail;
import io.team365.core.Conflict;
import io.team365.core.Ids;
import io.team365.core.InvalidInput;
import io.team365.core.NotFound;
import io.team365.core.TenantId;
import io.team365.core.Validation;
import io.team365.identity.Invitation;
import io.team365.identity.Role;
import io.team365.identity.SignedInUser;
import io.team365.notifications.Outbox;
import io.team365.tenancy.ClientManagement;
import io.team365.tenancy.DatabaseLookups;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Owners and admins invite people by email; the link is valid for 7 days and works once. */
@Service
public class Invitations {

    static final Duration VALIDITY = Duration.ofDays(7);

    /** What the invitee sees before accepting. */
    public record Pending(TenantId tenant, UUID id, String email, Role role, String clientName) {}

    private final JdbcClient jdbc;
    private final Memberships memberships;
    private final ClientManagement clients;
    private final IdentityMail mail;
    private final Outbox outbox;
    private final AuditTrail audit;

    Invitations(
            JdbcClient jdbc,
            Memberships memberships,
            ClientManagement clients,
            IdentityMail mail,
            Outbox outbox,
            AuditTrail audit) {
        this.jdbc = jdbc;
        this.memberships = memberships;
        this.clients = clients;
        this.mail = mail;
        this.outbox = outbox;
        this.audit = audit;
    }

    @Transactional
    public UUID invite(SignedInUser inviter, String emailInput, String roleInput, AuditTrail.Actor actor) {
        Validation check = Validation.start();
        String email = check.email("email", emailInput);
        Role role = Role.parse(roleInput == null ? "" : roleInput).orElse(null);
        if (role == null) {
            check.reject("role", "validation.role");
        } else if (role == Role.OWNER && inviter.role() != Role.OWNER) {
            check.reject("role", "team.only-owner-grants-owner");
        }
        check.throwIfInvalid();
        boolean alreadyMember = memberships.members(inviter.tenant()).stream()
                .anyMatch(m -> m.email().equals(email));
        if (alreadyMember) {
            throw new Conflict("email", "team.already-member");
        }
        jdbc.sql("update invitations set revoked_at = now() where email = :email and accepted_at is null"
                        + " and revoked_at is null returning id")
                .param("email", email)
                .query(UUID.class)
                .list()
                .forEach(replaced -> audit.record(
                        inviter.tenant(),
                        actor,
                        "invitation.revoked",
                        "invitation",
                        replaced.toString(),
                        Map.of("reason", "replaced by a new invitation")));
        String secret = SecretTokens.newSecret();
        UUID id = Ids.newId();
        jdbc.sql("""
                        insert into invitations (tenant_id, id, email, role, invited_by, token_hash, expires_at)
                        values (:tenant, :id, :email, :role, :by, :hash, now() + make_interval(secs => :seconds))
                        """)
                .param("tenant", inviter.tenant().value())
                .param("id", id)
                .param("email", email)
                .param("role", role.value())
                .param("by", inviter.userId())
                .param("hash", SecretTokens.hash(secret))
                .param("seconds", (double) VALIDITY.toSeconds())
                .update();
        String clientName = clients.find(inviter.tenant()).orElseThrow().name();
        outbox.enqueue(inviter.tenant(), mail.invitation(email, inviter.name(), clientName, secret));
        audit.record(
                inviter.tenant(), actor, "invitation.sent", "invitation", id.toString(), Map.of("role", role.value()));
        return id;
    }

    public List<Invitation> list() {
        return jdbc.sql("""
                        select i.id, i.email, i.role, coalesce(u.name, ''), i.created_at, i.expires_at,
                               case when i.accepted_at is not null then 'accepted'
                                    when i.revoked_at is not null then 'revoked'
                                    when i.expires_at < now() then 'expired' else 'pending' end
                        from invitations i left join users u on u.id = i.invited_by
                        where i.tenant_id = app_tenant_id()
                        order by i.created_at desc limit 200
                        """)
                .query((rs, n) -> new Invitation(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        Role.of(rs.getString(3)),
                        rs.getString(4),
                        rs.getTimestamp(5).toInstant(),
                        rs.getTimestamp(6).toInstant(),
                        rs.getString(7)))
                .list();
    }

    @Transactional
    public void revoke(SignedInUser admin, UUID id, AuditTrail.Actor actor) {
        int changed = jdbc.sql("update invitations set revoked_at = now() where id = :id and accepted_at is null"
                        + " and revoked_at is null")
                .param("id", id)
                .update();
        if (changed == 0) {
            throw new NotFound("invitation");
        }
        audit.record(admin.tenant(), actor, "invitation.revoked", "invitation", id.toString(), Map.of());
    }

    /** The open invitation behind a link; needs a transaction, as the lookup lasts for it. */
    @Transactional
    public Optional<Pending> find(String secret) {
        if (secret == null || secret.isBlank() || secret.length() > 100) {
            return Optional.empty();
        }
        DatabaseLookups.byTokenHash(jdbc, SecretTokens.hash(secret));
        return jdbc.sql("""
                        select tenant_id, id, email, role from invitations
                        where token_hash = :hash and accepted_at is null and revoked_at is null and expires_at > now()
                        """)
                .param("hash", SecretTokens.hash(secret))
                .query((rs, n) -> new Pending(
                        new TenantId(rs.getObject(1, UUID.class)),
                        rs.getObject(2, UUID.class),
                        rs.getString(3),
                        Role.of(rs.getString(4)),
                        ""))
                .optional()
                .map(p -> new Pending(
                        p.tenant(),
                        p.id(),
                        p.email(),
                        p.role(),
                        clients.find(p.tenant()).map(c -> c.name()).orElse("")));
    }

    /** Marks the invitation accepted; the caller adds the membership in the same transaction. */
    void markAccepted(Pending invitation, String secret) {
        DatabaseLookups.byTokenHash(jdbc, SecretTokens.hash(secret));
        int changed = jdbc.sql("update invitations set accepted_at = now() where token_hash = :hash"
                        + " and accepted_at is null and revoked_at is null and expires_at > now()")
                .param("hash", SecretTokens.hash(secret))
                .update();
        if (changed == 0) {
            throw InvalidInput.of("token", "invitation.invalid-link");
        }
    }
}
