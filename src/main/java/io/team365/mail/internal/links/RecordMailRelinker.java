package io.team365.mail.internal.links;

import io.team365.core.FieldChange;
import io.team365.core.FreeMail;
import io.team365.core.RecordChanged;
import io.team365.search.RecordKeys;
import io.team365.tenancy.TenantTransactions;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Mail synced before a record existed (or before it had that email or domain) gets linked when the record is created
 * or changed: a contact or lead with a new email, a company with a new domain or website, a contact that moved to
 * another company. After the change has committed, like the timeline; the event publication registry keeps the event
 * until this has run.
 */
@Component
class RecordMailRelinker {

    private static final Pattern ADDRESS = Pattern.compile("[^\\s,;<>\"\\[\\]()]+@[^\\s,;<>\"\\[\\]()]+");
    private static final Set<String> ADDRESS_FIELDS = Set.of("emails", "email");
    private static final Set<String> DOMAIN_FIELDS = Set.of("domain", "website");

    private final MailLinker linker;
    private final TenantTransactions tenants;

    RecordMailRelinker(MailLinker linker, TenantTransactions tenants) {
        this.linker = linker;
        this.tenants = tenants;
    }

    @Async
    @TransactionalEventListener
    void on(RecordChanged event) {
        if (!Set.of("contact", "lead", "company").contains(event.recordType())
                || !event.kind().equals(event.recordType() + ".created")
                        && !event.kind().equals(event.recordType() + ".updated")) {
            return;
        }
        Set<String> addresses = new LinkedHashSet<>();
        Set<String> domains = new LinkedHashSet<>();
        boolean moved = false;
        for (FieldChange change : event.changes()) {
            if (change.to() == null) {
                continue;
            }
            if (ADDRESS_FIELDS.contains(change.field())) {
                Matcher found = ADDRESS.matcher(change.to());
                while (found.find()) {
                    addresses.add(RecordKeys.emailKey(found.group()));
                }
            } else if (event.recordType().equals("company") && DOMAIN_FIELDS.contains(change.field())) {
                String domain = RecordKeys.domainKey(change.to());
                if (domain != null && !FreeMail.isFreeMail(domain.toLowerCase(Locale.ROOT))) {
                    domains.add(domain);
                }
            } else if (change.field().equals("companyId")) {
                moved = true;
            }
        }
        if (addresses.isEmpty() && domains.isEmpty() && !moved) {
            return;
        }
        tenants.run(event.tenant(), null, () -> linker.relink(event.tenant(), addresses, domains, event.recordId()));
    }
}
