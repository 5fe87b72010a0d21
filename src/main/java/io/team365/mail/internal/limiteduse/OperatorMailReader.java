package io.team365.mail.internal.limiteduse;

import io.team365.audit.AuditTrail;
import io.team365.core.TenantId;
import io.team365.identity.SignedInUser;
import io.team365.tenancy.TenantTransactions;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The one way a Team365 operator reads mail content: one message, under a live approval its owner gave to that
 * operator by email. Any other message, an expired or revoked approval, or another operator's approval reads nothing
 * (the caller answers 404). Every read is written to the Client's audit trail as {@code operator.mail.read} with the
 * approval and message ids, never the content, in the transaction that read it.
 */
@Service
public class OperatorMailReader {

    /** What the operator sees of an approved message. */
    public record ApprovedMessage(
            UUID approvalId,
            UUID messageId,
            Instant expiresAt,
            String reason,
            String subject,
            String fromAddress,
            String toAddresses,
            Instant receivedAt,
            String bodyText) {}

    private final JdbcClient jdbc;
    private final TenantTransactions tenants;
    private final AuditTrail audit;
    private final Clock clock;

    OperatorMailReader(JdbcClient jdbc, TenantTransactions tenants, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.tenants = tenants;
        this.audit = audit;
        this.clock = clock;
    }

    public Optional<ApprovedMessage> read(TenantId tenant, UUID approvalId, AuditTrail.Actor operator) {
        SignedInUser self = SignedInUser.require();
        String email = self.email().toLowerCase(Locale.ROOT);
        Instant now = clock.instant();
        return tenants.call(tenant, self.userId(), () -> {
            Optional<ApprovedMessage> found = jdbc.sql("""
                            select o.id as approval_id, o.expires_at, o.reason, m.id as message_id, m.subject,
                                   m.from_address, m.to_addresses::text as to_text, m.received_at, m.body_text
                            from mail_operator_approvals o
                            join mail_messages m on m.tenant_id = o.tenant_id and m.id = o.message_id
                            where o.id = :approval and o.operator = :operator and o.revoked_at is null
                              and o.approved_at <= :now and o.expires_at > :now
                            """)
                    .param("approval", approvalId)
                    .param("operator", email)
                    .param("now", Timestamp.from(now))
                    .query((rs, n) -> new ApprovedMessage(
                            rs.getObject("approval_id", UUID.class),
                            rs.getObject("message_id", UUID.class),
                            rs.getTimestamp("expires_at").toInstant(),
                            rs.getString("reason"),
                            rs.getString("subject"),
                            rs.getString("from_address"),
                            rs.getString("to_text"),
                            rs.getTimestamp("received_at").toInstant(),
                            rs.getString("body_text")))
                    .optional();
            found.ifPresent(message -> audit.record(
                    tenant,
                    operator,
                    "operator.mail.read",
                    "mail-message",
                    message.messageId().toString(),
                    Map.of(
                            "approval",
                            message.approvalId().toString(),
                            "message",
                            message.messageId().toString())));
            return found;
        });
    }
}
