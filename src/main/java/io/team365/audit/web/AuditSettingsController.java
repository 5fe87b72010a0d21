package io.team365.audit.web;

import io.team365.audit.AuditEntry;
import io.team365.audit.AuditTrail;
import io.team365.audit.ChainVerification;
import io.team365.audit.internal.AuditChain;
import io.team365.tenancy.TenantContext;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Settings → Audit trail, for the Client's admins: newest first, 50 a page, filter by kind of action. */
@Controller
class AuditSettingsController {

    static final int PAGE_SIZE = 50;

    private final AuditTrail audit;
    private final AuditChain chain;

    AuditSettingsController(AuditTrail audit, AuditChain chain) {
        this.audit = audit;
        this.chain = chain;
    }

    /** "Verify the chain": seals what waits, recomputes the chain, and shows the result above the newest entries. */
    @PostMapping("/settings/audit/verification")
    String verify(Model model) {
        chain.seal(TenantContext.requireTenant());
        ChainVerification result = chain.verify();
        model.addAttribute("verification", result);
        return list(null, null, model);
    }

    @GetMapping("/settings/audit")
    String list(
            @RequestParam(required = false) UUID before, @RequestParam(required = false) String action, Model model) {
        String filter = action == null
                        || action.isBlank()
                        || action.length() > 64
                        || action.chars().anyMatch(c -> c < 0x20)
                ? null
                : action.strip();
        List<AuditEntry> entries = audit.recent(before, PAGE_SIZE + 1, filter, null);
        boolean more = entries.size() > PAGE_SIZE;
        List<AuditEntry> page = more ? entries.subList(0, PAGE_SIZE) : entries;
        model.addAttribute("entries", page);
        model.addAttribute("action", filter == null ? "" : filter);
        model.addAttribute("nextBefore", more ? page.getLast().id().toString() : null);
        if (!model.containsAttribute("verification")) {
            model.addAttribute("verification", null);
        }
        return "settings/audit";
    }
}
