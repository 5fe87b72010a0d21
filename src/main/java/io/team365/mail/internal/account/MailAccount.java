package io.team365.mail.internal.account;

import io.team365.core.TenantId;
import io.team365.mail.internal.connect.MailServer;
import java.time.Instant;
import java.util.UUID;

/** A connected mailbox as stored, without its secrets (which {@link MailAccountStore#login} opens when needed). */
public record MailAccount(
        TenantId tenant,
        UUID id,
        UUID ownerId,
        Provider provider,
        String email,
        String displayName,
        String username,
        MailServer imap,
        MailServer smtp,
        Sharing sharing,
        int syncDays,
        String signatureHtml,
        String status,
        String lastError,
        Instant lastSyncedAt,
        Instant createdAt,
        int version,
        boolean teamMaySend) {

    /** An account whose team members may not send from it (the default). */
    public MailAccount(
            TenantId tenant,
            UUID id,
            UUID ownerId,
            Provider provider,
            String email,
            String displayName,
            String username,
            MailServer imap,
            MailServer smtp,
            Sharing sharing,
            int syncDays,
            String signatureHtml,
            String status,
            String lastError,
            Instant lastSyncedAt,
            Instant createdAt,
            int version) {
        this(
                tenant,
                id,
                ownerId,
                provider,
                email,
                displayName,
                username,
                imap,
                smtp,
                sharing,
                syncDays,
                signatureHtml,
                status,
                lastError,
                lastSyncedAt,
                createdAt,
                version,
                false);
    }

    /**
     * Whether {@code user} may send from this mailbox: its owner always; a team member only when the mailbox is
     * shared with the team and its owner allowed members to send from it (ADR 0032).
     */
    public boolean maySendAs(UUID user) {
        return ownerId.equals(user) || (sharing == Sharing.TEAM && teamMaySend);
    }

    public enum Provider {
        IMAP,
        GMAIL,
        MICROSOFT;

        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        /** The value of {@code mail_messages.source} for mail from this provider (Limited Use marking). */
        public String source() {
            return key();
        }
    }

    public enum Sharing {
        PRIVATE,
        TEAM
    }
}
