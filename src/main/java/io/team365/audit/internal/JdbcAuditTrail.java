package io.team365.audit.internal;

import io.team365.audit.AuditEntry;
import io.team365.audit.AuditTrail;
import io.team365.core.Ids;
import io.team365.core.TenantId;
import io.team365.tenancy.TenantContext;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

@Service
class JdbcAuditTrail implements AuditTrail {

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    private final TransactionTemplate ownTransaction;

    JdbcAuditTrail(JdbcClient jdbc, ObjectMapper json, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.json = json;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Joins the caller's transaction when it is bound to the same tenant, so the action and its audit line commit
     * together; otherwise (a failed sign-in, recorded in each of the person's Clients) commits on its own.
     */
    @Override
    public void record(
            TenantId tenant, Actor actor, String action, String targetType, String targetId, Map<String, ?> details) {
        boolean sameTenant = TenantContext.tenant().filter(tenant::equals).isPresent();
        if (sameTenant && TransactionSynchronizationManager.isActualTransactionActive()) {
            insert(tenant, actor, action, targetType, targetId, details);
            return;
        }
        TenantContext.runAs(
                tenant,
                actor.userId(),
                () -> ownTransaction.executeWithoutResult(
                        status -> insert(tenant, actor, action, targetType, targetId, details)));
    }

    private void insert(
            TenantId tenant, Actor actor, String action, String targetType, String targetId, Map<String, ?> details) {
        // stamped when written, not when the transaction began: the sealer skips entries far older than the chain's
        // head
        jdbc.sql("""
                        insert into audit_events
                            (tenant_id, id, occurred_at, actor_id, actor_email, action, target_type, target_id, details,
                             ip, user_agent)
                        values (:tenant, :id, clock_timestamp(), :actor, :email, :action, :targetType, :targetId,
                                cast(:details as jsonb), :ip, :userAgent)
                        """)
                .param("tenant", tenant.value())
                .param("id", Ids.newId())
                .param("actor", actor.userId())
                .param("email", actor.email())
                .param("action", action)
                .param("targetType", targetType)
                .param("targetId", targetId)
                .param("details", json.writeValueAsString(details == null ? Map.of() : details))
                .param("ip", actor.ip())
                .param("userAgent", truncate(actor.userAgent(), 400))
                .update();
    }

    @Override
    @Transactional(readOnly = true)
    public List<AuditEntry> recent(UUID before, int limit, String actionFilter, String targetId) {
        return jdbc.sql("""
                        select id, occurred_at, actor_id, actor_email, action, target_type, target_id, details, ip
                        from audit_events
                        where (cast(:before as uuid) is null or id < :before)
                          and (cast(:action as text) is null or action like :action || '%')
                          and (cast(:target as text) is null or target_id = :target)
                        order by id desc
                        limit :limit
                        """)
                .param("before", before)
                .param("action", actionFilter)
                .param("target", targetId)
                .param("limit", Math.min(Math.max(limit, 1), 200))
                .query(this::entry)
                .list();
    }

    @Override
    @Transactional(readOnly = true)
    public List<AuditEntry> about(List<String> targetIds, UUID before, int limit) {
        return targetIds.isEmpty() ? List.of() : recentAbout(before, limit, null, targetIds);
    }

    /** Like {@link #recent}, narrowed to entries about any of the given records. */
    @Transactional(readOnly = true)
    List<AuditEntry> recentAbout(UUID before, int limit, String actionFilter, List<String> targetIds) {
        return jdbc.sql("""
                        select id, occurred_at, actor_id, actor_email, action, target_type, target_id, details, ip
                        from audit_events
                        where (cast(:before as uuid) is null or id < :before)
                          and (cast(:action as text) is null or action like :action || '%')
                          and target_id = any(:targets)
                        order by id desc
                        limit :limit
                        """)
                .param("before", before)
                .param("action", actionFilter)
                .param("targets", targetIds.toArray(String[]::new))
                .param("limit", Math.min(Math.max(limit, 1), 200))
                .query(this::entry)
                .list();
    }

    private AuditEntry entry(ResultSet rs, int row) throws SQLException {
        return new AuditEntry(
                rs.getObject("id", UUID.class),
                rs.getTimestamp("occurred_at").toInstant(),
                rs.getObject("actor_id", UUID.class),
                rs.getString("actor_email"),
                rs.getString("action"),
                rs.getString("target_type"),
                rs.getString("target_id"),
                json.readValue(rs.getString("details"), new TypeReference<Map<String, Object>>() {}),
                rs.getString("ip"));
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
