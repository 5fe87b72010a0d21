package io.team365.privacy.subjects;

import io.team365.audit.AuditTrail;
import io.team365.core.TenantId;
import io.team365.identity.SignedInUser;
import io.team365.privacy.SubjectObjections;
import io.team365.privacy.SubjectRestrictions;
import io.team365.privacy.SuppressionList;
import io.team365.privacy.internal.ErasureOutcome;
import io.team365.privacy.internal.SubjectData;
import io.team365.privacy.internal.SubjectRecords;
import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Data-subject requests carried out from the personal-data registry: every module's {@code SubjectRows} say where
 * the subject's rows are, its {@code PersonalField}s what they hold and what erasure does (ADR 0009). The audit trail
 * gets ids and counts only.
 */
@Service
public class SubjectEngine implements SubjectData {

    private final SubjectFinder finder;
    private final AccessPackage packages;
    private final Eraser eraser;
    private final SuppressionList suppressions;
    private final SubjectRestrictions restrictions;
    private final SubjectObjections objections;
    private final AuditTrail audit;

    SubjectEngine(
            SubjectFinder finder,
            AccessPackage packages,
            Eraser eraser,
            SuppressionList suppressions,
            SubjectRestrictions restrictions,
            SubjectObjections objections,
            AuditTrail audit) {
        this.finder = finder;
        this.packages = packages;
        this.eraser = eraser;
        this.suppressions = suppressions;
        this.restrictions = restrictions;
        this.objections = objections;
        this.audit = audit;
    }

    @Override
    @Transactional(readOnly = true)
    public SubjectRecords find(TenantId tenant, String email) {
        return finder.find(tenant, email);
    }

    @Override
    @Transactional
    public void writePackage(TenantId tenant, SubjectRecords subject, UUID requestId, OutputStream zip)
            throws IOException {
        Map<String, Integer> rows = packages.write(finder.identify(tenant, subject), requestId, zip);
        audit.record(
                tenant,
                actor(),
                "subject.package-built",
                "privacy-request",
                String.valueOf(requestId),
                Map.of(
                        "tables",
                        rows.size(),
                        "rows",
                        rows.values().stream().mapToInt(Integer::intValue).sum()));
    }

    @Override
    @Transactional
    public ErasureOutcome erase(TenantId tenant, SubjectRecords found, UUID requestId) {
        // A Client erases its records about the person; a member's own account is closed by them, with its own checks
        // (step-up, last owner), never as a side effect of a request about their email.
        SubjectRecords subject = new SubjectRecords(found.emails(), found.contactIds(), found.leadIds(), List.of());
        SubjectIdentity identity = finder.identify(tenant, subject);
        ErasureOutcome outcome = eraser.erase(identity);
        identity.emails().forEach(email -> suppressions.suppress(tenant, email, requestId));
        identity.phones().forEach(phone -> suppressions.suppress(tenant, phone, requestId));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("deleted", outcome.deleted());
        details.put("anonymised", outcome.anonymised());
        details.put("contacts", subject.contactIds().size());
        details.put("leads", subject.leadIds().size());
        // a replay of an earlier erasure (a restored backup) has no request of its own
        String target = requestId == null ? "replay" : requestId.toString();
        audit.record(tenant, actor(), "subject.erased", "privacy-request", target, details);
        return outcome;
    }

    @Override
    @Transactional
    public void restrict(TenantId tenant, SubjectRecords subject, UUID requestId) {
        AuditTrail.Actor actor = actor();
        subject.contactIds().forEach(id -> restrictions.restrict(tenant, "contact", id, requestId, actor));
        subject.leadIds().forEach(id -> restrictions.restrict(tenant, "lead", id, requestId, actor));
    }

    @Override
    @Transactional
    public void object(TenantId tenant, SubjectRecords subject, UUID requestId) {
        AuditTrail.Actor actor = actor();
        subject.contactIds().forEach(id -> objections.object(tenant, id, requestId, actor));
    }

    /** The signed-in user who executes the request, or the system (a job replaying erasures). */
    private static AuditTrail.Actor actor() {
        return SignedInUser.current()
                .map(u -> new AuditTrail.Actor(u.userId(), u.email(), null, null))
                .orElse(AuditTrail.Actor.system());
    }
}
