package io.team365.audit;

import io.team365.core.TenantId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Records and reads a Client's audit trail. Recording joins the caller's transaction, so an action and its audit
 * line are committed together or not at all.
 */
public interface AuditTrail {

    /** Who did it: a user, or nobody known (a failed sign-in by an unknown address). */
    record Actor(UUID userId, String email, String ip, String userAgent) {
        public static Actor system() {
            return new Actor(null, "system", null, null);
        }
    }

    void record(
            TenantId tenant, Actor actor, String action, String targetType, String targetId, Map<String, ?> details);

    /** The current tenant's entries, newest first: {@code limit} of them before the given entry id (null for the newest). */
    List<AuditEntry> recent(UUID before, int limit, String actionFilter, String targetId);

    /**
     * The current tenant's entries about any of the records (contact and lead ids of a data subject, for access
     * packages), newest first. Audit entries are kept for their retention period and are never erased or changed by
     * a data-subject request: they are the record of who accessed the subject's data.
     */
    List<AuditEntry> about(List<String> targetIds, UUID before, int limit);
}
