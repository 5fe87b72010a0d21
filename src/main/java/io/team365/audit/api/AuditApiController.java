package io.team365.audit.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.team365.audit.AuditEntry;
import io.team365.audit.AuditTrail;
import io.team365.audit.ChainVerification;
import io.team365.audit.internal.AuditChain;
import io.team365.audit.internal.SubjectAudit;
import io.team365.core.InvalidInput;
import io.team365.core.web.ListPage;
import io.team365.tenancy.TenantContext;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Audit")
class AuditApiController {

    private final AuditTrail audit;
    private final SubjectAudit subjects;
    private final AuditChain chain;

    AuditApiController(AuditTrail audit, SubjectAudit subjects, AuditChain chain) {
        this.audit = audit;
        this.subjects = subjects;
        this.chain = chain;
    }

    @GetMapping("/api/v1/audit")
    @Operation(
            summary = "The Client's audit trail, newest first; the cursor is the last entry's id;"
                    + " recordId narrows it to one record, subjectEmail to the contacts and leads with that address")
    ListPage<AuditEntry> list(
            @RequestParam(defaultValue = "50") int limit,
            @RequestParam(required = false) UUID cursor,
            @RequestParam(name = "filter[action]", required = false) String action,
            @RequestParam(required = false) String recordId,
            @RequestParam(required = false) String subjectEmail) {
        if (action != null && (action.length() > 64 || action.chars().anyMatch(c -> c < 0x20))) {
            throw InvalidInput.of("filter[action]", "validation.too-long", 64);
        }
        if (recordId != null && recordId.length() > 100) {
            throw InvalidInput.of("recordId", "validation.too-long", 100);
        }
        if (subjectEmail != null
                && (subjectEmail.isBlank()
                        || subjectEmail.length() > 254
                        || !subjectEmail.contains("@")
                        || subjectEmail.chars().anyMatch(c -> c < 0x20))) {
            throw InvalidInput.of("subjectEmail", "audit.subject-email-invalid");
        }
        if (subjectEmail != null && recordId != null) {
            throw InvalidInput.of("subjectEmail", "audit.record-or-subject");
        }
        int size = Math.min(Math.max(limit, 1), 200);
        List<AuditEntry> entries = subjectEmail != null
                ? subjects.about(subjectEmail, cursor, size + 1, action)
                : audit.recent(cursor, size + 1, action, recordId);
        boolean more = entries.size() > size;
        List<AuditEntry> page = more ? entries.subList(0, size) : entries;
        return new ListPage<>(page, more ? page.getLast().id().toString() : null);
    }

    @GetMapping("/api/v1/audit/verification")
    @Operation(
            summary = "Seals the entries waiting for it, then recomputes the Client's audit hash chain and reports"
                    + " the first altered, removed or out-of-order entry")
    ChainVerification verification() {
        chain.seal(TenantContext.requireTenant());
        return chain.verify();
    }
}
