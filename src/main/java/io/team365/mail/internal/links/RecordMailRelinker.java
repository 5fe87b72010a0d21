package io.team365.mail.internal.links;

import io.team365.core.FieldChange;
import io.team365.core.FreeMail;
import io.team365.core.RecordChanged;
import io.team365.search.RecordKeys;
import io.team365.tenancy.TenantTransactions;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Mail synced before a record existed (or before it had that email or domain) gets linked when the record is created,
 * changed or restored from the trash: a contact or lead with a new email, a company with a new domain or website, a
 * contact that moved to another company. An email (or domain) taken off a record takes the links that came only
 * through it (ADR 0032). After the change has committed, like the timeline; the event publication registry keeps the event
 * until this has run.
 */
@Component
class RecordMailRelinker {

    private static final Pattern ADDRESS = Pattern.compile("[^\\s,;<>\"\\[\\]()]+@[^\\s,;<>\"\\[\\]()]+");
    private static final Set<String> ADDRESS_FIELDS = Set.of("emails", "email");
    private static final Set<String> DOMAIN_FIELDS = Set.of("domain", "website");

    private final MailLinker linker;
    private final RecordKeys keys;
    private final TenantTransactions tenants;

    RecordMailRelinker(MailLinker linker, RecordKeys keys, TenantTransactions tenants) {
        this.linker = linker;
        this.keys = keys;
        this.tenants = tenants;
    }

    @Async
    @TransactionalEventListener
    void on(RecordChanged event) {
        if (!Set.of("contact", "lead", "company").contains(event.recordType())) {
            return;
        }
        String kind = event.kind().substring(event.kind().indexOf('.') + 1);
        if (kind.equals("restored")) {
            restored(event);
            return;
        }
        if (!kind.equals("created") && !kind.equals("updated")) {
            return;
        }
        Set<String> addresses = new LinkedHashSet<>();
        Set<String> domains = new LinkedHashSet<>();
        Set<String> goneAddresses = new LinkedHashSet<>();
        Set<String> goneDomains = new LinkedHashSet<>();
        boolean moved = false;
        for (FieldChange change : event.changes()) {
            if (ADDRESS_FIELDS.contains(change.field())) {
                Set<String> before = addresses(change.from());
                Set<String> after = addresses(change.to());
                addresses.addAll(after);
                before.removeAll(after);
                goneAddresses.addAll(before);
            } else if (event.recordType().equals("company") && DOMAIN_FIELDS.contains(change.field())) {
                String before = domain(change.from());
                String after = domain(change.to());
                if (after != null) {
                    domains.add(after);
                }
                if (before != null && !before.equals(after)) {
                    goneDomains.add(before);
                }
            } else if (change.field().equals("companyId") && change.to() != null) {
                moved = true;
            }
        }
        // a domain given up in one field may still be the company's through the other (website and domain)
        goneDomains.removeAll(domains);
        if (!goneAddresses.isEmpty() || !goneDomains.isEmpty()) {
            tenants.run(event.tenant(), null, () -> linker.unlinkGone(event.tenant(), goneAddresses, goneDomains));
        }
        if (addresses.isEmpty() && domains.isEmpty() && !moved) {
            return;
        }
        tenants.run(event.tenant(), null, () -> linker.relink(event.tenant(), addresses, domains, event.recordId()));
    }

    /**
     * A record back from the trash: mail that arrived while it was there (when it had no keys) is linked now, as for
     * a new record, from the keys it has again.
     */
    private void restored(RecordChanged event) {
        tenants.run(event.tenant(), null, () -> {
            List<String> addresses = event.recordType().equals("company")
                    ? List.of()
                    : keys.keysOf(event.tenant(), event.recordType(), event.recordId(), RecordKeys.Kind.EMAIL);
            List<String> domains = event.recordType().equals("company")
                    ? keys.keysOf(event.tenant(), "company", event.recordId(), RecordKeys.Kind.DOMAIN).stream()
                            .filter(d -> !FreeMail.isFreeMail(d.toLowerCase(Locale.ROOT)))
                            .toList()
                    : List.of();
            linker.relink(event.tenant(), addresses, domains, event.recordId());
        });
    }

    private static Set<String> addresses(String text) {
        Set<String> found = new LinkedHashSet<>();
        if (text != null) {
            Matcher matcher = ADDRESS.matcher(text);
            while (matcher.find()) {
                found.add(RecordKeys.emailKey(matcher.group()));
            }
        }
        return found;
    }

    private static String domain(String text) {
        if (text == null) {
            return null;
        }
        String domain = RecordKeys.domainKey(text);
        return domain == null || FreeMail.isFreeMail(domain.toLowerCase(Locale.ROOT)) ? null : domain;
    }
}
