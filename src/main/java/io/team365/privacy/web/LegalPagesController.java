package io.team365.privacy.web;

import io.team365.core.NotFound;
import io.team365.core.TenantId;
import io.team365.privacy.NoticeVersion;
import io.team365.privacy.PrivacyNotices;
import io.team365.tenancy.Client;
import io.team365.tenancy.ClientManagement;
import io.team365.tenancy.TenantTransactions;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The public legal pages: Team365's privacy policy and each Client's privacy notice, the version in effect with its
 * text and every version with its date and summary. A Client's notice is public by nature, so the Client id in the
 * address is enough to read it (and nothing else of the Client but its name).
 */
@Controller
class LegalPagesController {

    private final PrivacyNotices notices;
    private final TenantTransactions transactions;
    private final ClientManagement clients;
    private final Clock clock;

    LegalPagesController(
            PrivacyNotices notices, TenantTransactions transactions, ClientManagement clients, Clock clock) {
        this.notices = notices;
        this.transactions = transactions;
        this.clients = clients;
        this.clock = clock;
    }

    @GetMapping("/legal/privacy")
    String policy(Model model) {
        List<NoticeVersion> history = notices.policyHistory();
        model.addAttribute("title", null);
        model.addAttribute("current", inEffect(history).orElse(null));
        model.addAttribute("history", history);
        model.addAttribute("today", today());
        return "privacy/legal";
    }

    @GetMapping("/legal/notices/{clientId}")
    String notice(@PathVariable String clientId, Model model) {
        TenantId tenant;
        try {
            tenant = new TenantId(UUID.fromString(clientId));
        } catch (IllegalArgumentException e) {
            throw new NotFound("client");
        }
        record Found(String name, List<NoticeVersion> history) {}
        Found found = transactions.call(
                tenant,
                null,
                () -> clients.find(tenant)
                        .map(Client::name)
                        .map(name -> new Found(name, notices.noticeHistory(tenant)))
                        .orElseThrow(() -> new NotFound("client")));
        model.addAttribute("title", found.name());
        model.addAttribute("current", inEffect(found.history()).orElse(null));
        model.addAttribute("history", found.history());
        model.addAttribute("today", today());
        return "privacy/legal";
    }

    /** The history is newest first, so the first version whose date has come is the one in effect. */
    private Optional<NoticeVersion> inEffect(List<NoticeVersion> history) {
        LocalDate today = today();
        return history.stream().filter(v -> !v.effectiveOn().isAfter(today)).findFirst();
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
