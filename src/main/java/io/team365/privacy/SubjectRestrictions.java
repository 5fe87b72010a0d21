package io.team365.privacy;

import io.team365.audit.AuditTrail;
import io.team365.core.NotFound;
import io.team365.core.ProcessingRestrictions;
import io.team365.core.TenantId;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Processing restrictions of data subjects' contacts and leads: recorded by a restriction request, checked by the
 * record modules (through {@link ProcessingRestrictions}) before any change, lifted by an admin. Callers run with the
 * Client bound.
 */
@Service
public class SubjectRestrictions implements ProcessingRestrictions {

    public static final Set<String> TYPES = Set.of("contact", "lead");

    private final JdbcClient jdbc;
    private final AuditTrail audit;

    SubjectRestrictions(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @Override
    public boolean isRestricted(String recordType, UUID recordId) {
        return TYPES.contains(recordType)
                && jdbc.sql("select exists (select 1 from processing_restrictions where record_type = :type"
                                + " and record_id = :id)")
                        .param("type", recordType)
                        .param("id", recordId)
                        .query(Boolean.class)
                        .single();
    }

    /** Which of the records are restricted, in one query (for bulk work such as imports). */
    @Override
    public java.util.Set<UUID> restrictedAmong(String recordType, java.util.Collection<UUID> recordIds) {
        if (!TYPES.contains(recordType) || recordIds.isEmpty()) {
            return java.util.Set.of();
        }
        return new java.util.HashSet<>(
                jdbc.sql("select record_id from processing_restrictions where record_type = :type"
                                + " and record_id = any(:ids)")
                        .param("type", recordType)
                        .param("ids", recordIds.toArray(UUID[]::new))
                        .query(UUID.class)
                        .list());
    }

    /** Restricts the record (again: restricting twice keeps the first); audited with ids only. */
    @Transactional
    public void restrict(TenantId tenant, String recordType, UUID recordId, UUID requestId, AuditTrail.Actor actor) {
        if (!TYPES.contains(recordType)) {
            throw new IllegalArgumentException("only contacts and leads are restricted: " + recordType);
        }
        jdbc.sql("""
                        insert into processing_restrictions (tenant_id, record_type, record_id, request_id, restricted_by)
                        values (:tenant, :type, :id, :request, :by) on conflict do nothing
                        """)
                .param("tenant", tenant.value())
                .param("type", recordType)
                .param("id", recordId)
                .param("request", requestId)
                .param("by", actor.userId())
                .update();
        audit.record(
                tenant,
                actor,
                "subject.restricted",
                recordType,
                recordId.toString(),
                requestId == null ? Map.of() : Map.of("requestId", requestId.toString()));
    }

    /** Lifts the restriction; {@link NotFound} when the record is not restricted. */
    @Transactional
    public void lift(TenantId tenant, String recordType, UUID recordId, AuditTrail.Actor actor) {
        int lifted = TYPES.contains(recordType) && recordId != null
                ? jdbc.sql("delete from processing_restrictions where record_type = :type and record_id = :id")
                        .param("type", recordType)
                        .param("id", recordId)
                        .update()
                : 0;
        if (lifted == 0) {
            throw new NotFound("restriction");
        }
        audit.record(tenant, actor, "subject.restriction-lifted", recordType, recordId.toString(), Map.of());
    }
}
