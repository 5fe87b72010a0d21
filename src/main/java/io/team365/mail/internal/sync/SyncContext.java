package io.team365.mail.internal.sync;

import io.team365.core.TenantId;
import io.team365.mail.internal.account.MailAccount;
import io.team365.mail.internal.mime.AttachmentSink;
import java.util.Set;
import java.util.UUID;

/** One account's sync in progress: whose it is, who holds it, what is blocked and where attachments go. */
record SyncContext(MailAccount account, String leaseOwner, Blocklist blocklist, AttachmentSink attachments) {

    TenantId tenant() {
        return account.tenant();
    }

    UUID accountId() {
        return account.id();
    }

    UUID ownerId() {
        return account.ownerId();
    }

    /** Addresses and domains never synced from this account. */
    record Blocklist(Set<String> patterns) {

        boolean blocks(String address) {
            if (address == null || patterns.isEmpty()) {
                return false;
            }
            String lower = address.toLowerCase(java.util.Locale.ROOT);
            if (patterns.contains(lower)) {
                return true;
            }
            int at = lower.lastIndexOf('@');
            String domain = at < 0 ? lower : lower.substring(at + 1);
            // the domain and its subdomains: "example.com" blocks "a@example.com" and "b@mail.example.com"
            for (String d = domain; !d.isEmpty(); ) {
                if (patterns.contains(d)) {
                    return true;
                }
                int dot = d.indexOf('.');
                d = dot < 0 ? "" : d.substring(dot + 1);
            }
            return false;
        }
    }
}
