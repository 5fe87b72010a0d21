package io.team365.mail.internal.limiteduse;

import io.team365.audit.AuditTrail;
import io.team365.core.Ids;
import io.team365.core.NotFound;
import io.team365.core.TenantId;
import io.team365.core.Validation;
import io.team365.identity.SignedInUser;
import io.team365.mail.internal.links.MailVisibility;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A user's approval for a named Team365 operator to read one specific message of their own mailbox, for a reason and
 * at most 30 days (privacy policy: no operator reads mail content without the user's approval of those messages).
 * Only the account's owner approves, lists and revokes; a Client-level operator grant opens no mail at all.
 */
@Service
public class OperatorApprovals {

    /** The longest an approval may run. */
    public static final Duration LONGEST = Duration.ofDays(30);

    /** An approval as its owner's settings page lists it. */
    public record Approval(
            UUID id,
            UUID messageId,
            UUID threadId,
            String subject,
            String operator,
            String reason,
            Instant approvedAt,
            Instant expiresAt,
            Instant revokedAt) {

        public String stateAt(Instant now) {
            return revokedAt != null ? "revoked" : expiresAt.isAfter(now) ? "live" : "expired";
        }
    }

    private final JdbcClient jdbc;
    private final MailVisibility visibility;
    private final AuditTrail audit;
    private final Clock clock;
    private final java.util.Set<String> operators;

    OperatorApprovals(
            JdbcClient jdbc,
            MailVisibility visibility,
            AuditTrail audit,
            Clock clock,
            @org.springframework.beans.factory.annotation.Value("${team365.operators:}") String operators) {
        this.operators = java.util.Arrays.stream(operators.split(","))
                .map(String::strip)
                .filter(e -> !e.isEmpty())
                .map(e -> e.toLowerCase(Locale.ROOT))
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
        this.jdbc = jdbc;
        this.visibility = visibility;
        this.audit = audit;
        this.clock = clock;
    }

    public Instant now() {
        return clock.instant();
    }

    /** The owner of the message's account lets {@code operator} read that message for {@code days} (1–30). */
    @Transactional
    public UUID approve(UUID messageId, String operator, String reason, Integer days, AuditTrail.Actor actor) {
        SignedInUser user = SignedInUser.require();
        MailVisibility.VisibleMessage message = visibility
                .find(messageId)
                .filter(m -> m.ownerId().equals(user.userId()))
                .orElseThrow(() -> new NotFound("message"));
        Validation check = Validation.start();
        String email = check.email("operator", operator);
        if (!check.hasErrors() && !operators.contains(email)) {
            // only Team365's own staff (team365.operators) can be let in; a typo must not hand mail to a stranger
            check.reject("operator", "mail.links.approval.not-an-operator");
        }
        String why = check.text("reason", reason, 500);
        if (days == null || days < 1 || days > LONGEST.toDays()) {
            check.reject("days", "mail.links.approval.days-invalid", LONGEST.toDays());
        }
        check.throwIfInvalid();
        Instant now = clock.instant();
        UUID id = Ids.newId();
        jdbc.sql("""
                        insert into mail_operator_approvals
                            (tenant_id, id, message_id, approved_by, operator, reason, approved_at, expires_at)
                        values (:tenant, :id, :message, :by, :operator, :reason, :at, :until)
                        """)
                .param("tenant", user.tenant().value())
                .param("id", id)
                .param("message", message.id())
                .param("by", user.userId())
                .param("operator", email.toLowerCase(Locale.ROOT))
                .param("reason", why)
                .param("at", Timestamp.from(now))
                .param("until", Timestamp.from(now.plus(Duration.ofDays(days))))
                .update();
        audit.record(
                user.tenant(),
                actor,
                "mail.operator-approved",
                "mail-message",
                message.id().toString(),
                Map.of("approval", id.toString(), "days", days));
        return id;
    }

    /** Ends an approval of the signed-in user's now; a second revoke changes nothing. */
    @Transactional
    public void revoke(UUID approvalId, AuditTrail.Actor actor) {
        SignedInUser user = SignedInUser.require();
        Instant revokedAt = jdbc.sql("""
                        select revoked_at from mail_operator_approvals where id = :id and approved_by = :me
                        """)
                .param("id", approvalId)
                .param("me", user.userId())
                .query((rs, n) -> {
                    Timestamp at = rs.getTimestamp(1);
                    return at == null ? Instant.EPOCH : at.toInstant();
                })
                .optional()
                .orElseThrow(() -> new NotFound("approval"));
        if (!revokedAt.equals(Instant.EPOCH)) {
            return;
        }
        jdbc.sql("update mail_operator_approvals set revoked_at = :at where id = :id and revoked_at is null")
                .param("id", approvalId)
                .param("at", Timestamp.from(clock.instant()))
                .update();
        audit.record(
                user.tenant(),
                actor,
                "mail.operator-approval-revoked",
                "mail-approval",
                approvalId.toString(),
                Map.of());
    }

    /** The signed-in user's approvals, newest first. */
    @Transactional(readOnly = true)
    public List<Approval> mine() {
        return jdbc.sql("""
                        select o.*, m.thread_id, m.subject from mail_operator_approvals o
                        join mail_messages m on m.tenant_id = o.tenant_id and m.id = o.message_id
                        where o.approved_by = :me
                        order by o.approved_at desc, o.id desc limit 200
                        """)
                .param("me", SignedInUser.require().userId())
                .query(OperatorApprovals::approval)
                .list();
    }

    /** A message a user approved for an operator, as the console lists it: ids, times and the Client only. */
    public record Approved(TenantId tenant, UUID approvalId, UUID messageId, Instant expiresAt, String clientName) {}

    /** The live approvals for {@code operatorEmail} across Clients, through the owner's function. */
    @Transactional(readOnly = true)
    public List<Approved> approvedFor(String operatorEmail) {
        return jdbc.sql("select * from mail_operator_approved(:operator, :at)")
                .param("operator", operatorEmail.toLowerCase(Locale.ROOT))
                .param("at", Timestamp.from(clock.instant()))
                .query((rs, n) -> new Approved(
                        new TenantId(rs.getObject("tenant_id", UUID.class)),
                        rs.getObject("id", UUID.class),
                        rs.getObject("message_id", UUID.class),
                        rs.getTimestamp("expires_at").toInstant(),
                        rs.getString("client_name")))
                .list();
    }

    private static Approval approval(ResultSet rs, int row) throws SQLException {
        Timestamp revoked = rs.getTimestamp("revoked_at");
        return new Approval(
                rs.getObject("id", UUID.class),
                rs.getObject("message_id", UUID.class),
                rs.getObject("thread_id", UUID.class),
                rs.getString("subject"),
                rs.getString("operator"),
                rs.getString("reason"),
                rs.getTimestamp("approved_at").toInstant(),
                rs.getTimestamp("expires_at").toInstant(),
                revoked == null ? null : revoked.toInstant());
    }
}
