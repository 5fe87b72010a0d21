package io.team365.notifications.internal;

import io.team365.core.Ids;
import io.team365.core.TenantId;
import io.team365.notifications.OutboundEmail;
import io.team365.notifications.Outbox;
import io.team365.tenancy.TenantContext;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

@Service
class JdbcOutbox implements Outbox {

    private final JdbcClient jdbc;

    JdbcOutbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public UUID enqueue(TenantId tenant, OutboundEmail email) {
        if (!TenantContext.tenant().filter(tenant::equals).isPresent()) {
            throw new IllegalStateException("bind tenant " + tenant + " before queueing its mail");
        }
        UUID id = Ids.newId();
        jdbc.sql("""
                        insert into outbound_emails
                            (tenant_id, id, kind, recipient, subject, body_text, body_html, redact_after_send)
                        values (:tenant, :id, :kind, :recipient, :subject, :text, :html, :redact)
                        """)
                .param("tenant", tenant.value())
                .param("id", id)
                .param("kind", email.kind())
                .param("recipient", email.recipient())
                .param("subject", email.subject())
                .param("text", email.textBody())
                .param("html", email.htmlBody())
                .param("redact", email.redactAfterSending())
                .update();
        return id;
    }
}
