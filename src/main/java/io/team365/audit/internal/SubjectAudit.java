package io.team365.audit.internal;

import io.team365.audit.AuditEntry;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit entries about a data subject: entries whose target is one of the Client's contacts or leads holding the
 * email address. Audit rows never store the address itself, so it is resolved to record ids at query time, by the
 * same rule as the registry's subject rows ({@code emails} holds lower-cased {@code {"address": …}} objects).
 */
@Service
public class SubjectAudit {

    private final JdbcClient jdbc;
    private final JdbcAuditTrail trail;

    SubjectAudit(JdbcClient jdbc, JdbcAuditTrail trail) {
        this.jdbc = jdbc;
        this.trail = trail;
    }

    @Transactional(readOnly = true)
    public List<AuditEntry> about(String email, UUID before, int limit, String action) {
        String address = email.strip().toLowerCase(Locale.ROOT);
        List<String> ids =
                jdbc.sql("""
                        select id::text from contacts
                        where emails @> jsonb_build_array(jsonb_build_object('address', cast(:email as text)))
                        union all
                        select id::text from leads
                        where emails @> jsonb_build_array(jsonb_build_object('address', cast(:email as text)))
                        """).param("email", address).query(String.class).list();
        if (ids.isEmpty()) {
            return List.of();
        }
        return trail.recentAbout(before, limit, action, ids);
    }
}
