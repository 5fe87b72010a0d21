package io.team365.privacy;

import io.team365.audit.AuditTrail;
import io.team365.core.TenantId;
import io.team365.privacy.internal.ConsentLedger;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A data subject's objection to marketing and tracking: every purpose the Client asks consent for is withdrawn in the
 * consent ledger (method {@code api}, noted as an objection), and the objection is kept so a purpose added later
 * starts withdrawn for them too. Callers run with the Client bound.
 */
@Service
public class SubjectObjections {

    /** The note on the ledger entries an objection makes. */
    public static final String NOTE = "objection";

    private final JdbcClient jdbc;
    private final ConsentLedger ledger;
    private final AuditTrail audit;

    SubjectObjections(JdbcClient jdbc, ConsentLedger ledger, AuditTrail audit) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.audit = audit;
    }

    @Transactional
    public void object(TenantId tenant, UUID contactId, UUID requestId, AuditTrail.Actor actor) {
        jdbc.sql("""
                        insert into subject_objections (tenant_id, contact_id, request_id) values (:tenant, :contact, :request)
                        on conflict do nothing
                        """)
                .param("tenant", tenant.value())
                .param("contact", contactId)
                .param("request", requestId)
                .update();
        for (ConsentPurpose purpose : ledger.purposes(tenant)) {
            withdraw(tenant, contactId, purpose.key(), actor.userId());
        }
        audit.record(
                tenant,
                actor,
                "subject.objected",
                "contact",
                contactId.toString(),
                requestId == null ? Map.of() : Map.of("requestId", requestId.toString()));
    }

    public boolean hasObjected(UUID contactId) {
        return jdbc.sql("select exists (select 1 from subject_objections where contact_id = :contact)")
                .param("contact", contactId)
                .query(Boolean.class)
                .single();
    }

    /**
     * A purpose was added to the Client's list: everyone who objected starts withdrawn from it. The purposes editor
     * calls this in the transaction that adds the purpose; returns how many were withdrawn.
     */
    @Transactional
    public int purposeAdded(TenantId tenant, String purposeKey) {
        List<UUID> objectors = jdbc.sql("select contact_id from subject_objections order by contact_id")
                .query(UUID.class)
                .list();
        objectors.forEach(contact -> withdraw(tenant, contact, purposeKey, null));
        return objectors.size();
    }

    private void withdraw(TenantId tenant, UUID contactId, String purpose, UUID by) {
        ledger.append(tenant, contactId, purpose, false, "api", null, Map.of("note", NOTE), by);
    }
}
