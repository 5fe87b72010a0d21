package io.team365.notifications.internal;

import io.team365.core.TenantId;
import io.team365.core.personaldata.PersonalField;
import io.team365.core.retention.RetentionPolicy;
import io.team365.core.retention.RetentionTarget;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.Period;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A Client's sent mail (invitations, notifications), kept for support questions ("did the invitation go out?"),
 * 30 days by default and at most 90 (a technical log). Pending and failed mail is the sender's business.
 */
@Component
class SentMailRetention implements RetentionTarget {

    private static final RetentionPolicy POLICY = new RetentionPolicy(
            "mail.sent",
            PersonalField.Category.COMMUNICATION_CONTENT,
            "delete",
            Period.ofDays(30),
            Period.ofDays(1),
            Period.ofDays(90),
            false);

    @Override
    public RetentionPolicy policy() {
        return POLICY;
    }

    private static final String SENT_BEFORE = "status = 'sent' and sent_at < :cutoff";

    private final JdbcClient jdbc;

    SentMailRetention(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long count(TenantId tenant, Instant cutoff) {
        return jdbc.sql("select count(*) from outbound_emails where tenant_id = :tenant and " + SENT_BEFORE)
                .param("tenant", tenant.value())
                .param("cutoff", Timestamp.from(cutoff))
                .query(Long.class)
                .single();
    }

    @Override
    public long apply(TenantId tenant, Instant cutoff) {
        return jdbc.sql("delete from outbound_emails where tenant_id = :tenant and " + SENT_BEFORE)
                .param("tenant", tenant.value())
                .param("cutoff", Timestamp.from(cutoff))
                .update();
    }
}
