package io.team365.mail.internal.sync;

import io.team365.tenancy.TenantTransactions;
import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.springframework.stereotype.Component;

/**
 * Brings flags and deletions of a folder's stored messages up to date. With CONDSTORE (RFC 7162) only the messages
 * whose mod-sequence moved since the last sync are asked for; without it the flags of the most recent messages are
 * compared. Deletions come from comparing the server's UIDs with the stored locations (CONDSTORE without QRESYNC
 * does not report them). A message whose last location is gone is deleted; one that moved to another folder
 * already has its new location (new messages of every folder are read before any deletion), so its row survives.
 */
@Component
class FolderChanges {

    private final SyncFolders folders;
    private final SyncMessages messages;
    private final ThreadJoiner threads;
    private final SyncLeases leases;
    private final TenantTransactions transactions;
    private final MailSyncSettings settings;

    FolderChanges(
            SyncFolders folders,
            SyncMessages messages,
            ThreadJoiner threads,
            SyncLeases leases,
            TenantTransactions transactions,
            MailSyncSettings settings) {
        this.folders = folders;
        this.messages = messages;
        this.threads = threads;
        this.leases = leases;
        this.transactions = transactions;
        this.settings = settings;
    }

    /** Applies the folder's flag changes and deletions, and marks the folder synced. */
    void apply(SyncContext sync, SyncFolders.Folder folder, IMAPFolder server, boolean condstore)
            throws MessagingException {
        long lastUid = folder.lastUid();
        Map<Long, SyncFolders.Location> stored = new HashMap<>();
        for (SyncFolders.Location location :
                transactions.call(sync.tenant(), sync.ownerId(), () -> folders.locations(folder.id(), 1))) {
            stored.put(location.uid(), location);
        }
        Message[] onServer = lastUid == 0 ? new Message[0] : server.getMessagesByUID(1, lastUid);
        Set<Long> present = new HashSet<>();
        List<Message> existing = new ArrayList<>();
        for (Message message : onServer) {
            if (message != null) {
                present.add(server.getUID(message));
                existing.add(message);
            }
        }
        List<Long> gone = new ArrayList<>();
        for (Long uid : stored.keySet()) {
            if (!present.contains(uid)) {
                gone.add(uid);
            }
        }
        Message[] changed;
        if (condstore && folder.highestModseq() != null) {
            changed = server.getMessagesByUIDChangedSince(1, Math.max(1, lastUid), folder.highestModseq());
        } else {
            int from = Math.max(0, existing.size() - settings.flagWindow());
            changed = existing.subList(from, existing.size()).toArray(Message[]::new);
            FetchProfile flags = new FetchProfile();
            flags.add(FetchProfile.Item.FLAGS);
            server.fetch(changed, flags);
        }
        Map<UUID, Flags> updates = new HashMap<>();
        for (Message message : changed) {
            SyncFolders.Location location = stored.get(server.getUID(message));
            if (location == null) {
                continue;
            }
            Flags flags = message.getFlags();
            if (flags.contains(Flags.Flag.SEEN) != location.seen()
                    || flags.contains(Flags.Flag.FLAGGED) != location.flagged()
                    || flags.contains(Flags.Flag.ANSWERED) != location.answered()) {
                updates.put(location.messageId(), flags);
            }
        }
        Long modseq = condstore ? server.getHighestModSeq() : null;
        transactions.run(sync.tenant(), sync.ownerId(), () -> {
            if (!leases.hold(sync.accountId(), sync.leaseOwner(), settings.lease())) {
                throw new NewMessages.LostLease();
            }
            Set<UUID> touched = new LinkedHashSet<>();
            updates.forEach((id, flags) -> {
                UUID thread = messages.flags(
                        id,
                        flags.contains(Flags.Flag.SEEN),
                        flags.contains(Flags.Flag.FLAGGED),
                        flags.contains(Flags.Flag.ANSWERED));
                if (thread != null) {
                    touched.add(thread);
                }
            });
            if (!gone.isEmpty()) {
                touched.addAll(messages.deleteUnlocated(folders.removeLocations(folder.id(), gone)));
            }
            threads.refresh(touched);
            folders.synced(folder.id(), lastUid, modseq != null && modseq > 0 ? modseq : null);
        });
    }
}
