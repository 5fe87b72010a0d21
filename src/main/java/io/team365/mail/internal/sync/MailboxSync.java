package io.team365.mail.internal.sync;

import io.team365.mail.internal.account.MailAccount;
import io.team365.mail.internal.account.MailAccountStore;
import io.team365.mail.internal.connect.FolderRoles;
import io.team365.mail.internal.connect.MailLogin;
import io.team365.mail.internal.connect.MailSessions;
import io.team365.tenancy.TenantTransactions;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.eclipse.angus.mail.imap.ResyncData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Syncs one claimed account: signs in, records the folders the server has (with their roles), then for every folder
 * to sync checks UIDVALIDITY and reads its new messages; only when every folder's new messages are in does it apply
 * flag changes and deletions, so a message moved between folders is seen in its new place before it disappears from
 * the old one and keeps its row. Each step commits on its own (ADR 0022).
 */
@Component
class MailboxSync {

    private final MailAccountStore accounts;
    private final MailSessions sessions;
    private final SyncFolders folders;
    private final SyncMessages messages;
    private final ThreadJoiner threads;
    private final NewMessages newMessages;
    private final FolderChanges changes;
    private final AttachmentBlobs blobs;
    private final TenantTransactions transactions;
    private final JdbcClient jdbc;

    MailboxSync(
            MailAccountStore accounts,
            MailSessions sessions,
            SyncFolders folders,
            SyncMessages messages,
            ThreadJoiner threads,
            NewMessages newMessages,
            FolderChanges changes,
            AttachmentBlobs blobs,
            TenantTransactions transactions,
            JdbcClient jdbc) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.folders = folders;
        this.messages = messages;
        this.threads = threads;
        this.newMessages = newMessages;
        this.changes = changes;
        this.blobs = blobs;
        this.transactions = transactions;
        this.jdbc = jdbc;
    }

    /** Syncs the account; throws what went wrong for the worker to record. */
    void sync(SyncLeases.Claim claim, String leaseOwner) throws MessagingException, IOException {
        MailAccount account = transactions
                .call(claim.tenant(), claim.ownerId(), () -> accounts.find(claim.accountId()))
                .orElseThrow(() -> new IllegalStateException("account gone"));
        MailLogin login = transactions.call(claim.tenant(), claim.ownerId(), () -> accounts.login(account));
        Set<String> blocked = transactions.call(
                claim.tenant(),
                claim.ownerId(),
                () -> new HashSet<>(jdbc.sql("select pattern from mail_blocklist where account_id = :account")
                        .param("account", account.id())
                        .query(String.class)
                        .list()));
        SyncContext sync = new SyncContext(
                account, leaseOwner, new SyncContext.Blocklist(Set.copyOf(blocked)), blobs.sinkFor(account.tenant()));
        if (account.imap() == null) {
            throw new IllegalStateException("account has no IMAP server");
        }
        try (Store store = sessions.openStore(account.imap(), login)) {
            discover(sync, store);
            boolean condstore = store instanceof IMAPStore imap && imap.hasCapability("CONDSTORE");
            List<SyncFolders.Folder> toSync =
                    transactions.call(sync.tenant(), sync.ownerId(), () -> folders.ofAccount(account.id())).stream()
                            .filter(SyncFolders.Folder::sync)
                            .toList();
            List<UUID> renumbered = new ArrayList<>();
            // one pipeline for all folders: a folder's last batches commit while the next one is fetched
            try (NewMessages.Pipeline pipeline = newMessages.pipeline()) {
                for (SyncFolders.Folder folder : toSync) {
                    readNew(sync, store, folder, condstore, renumbered, pipeline);
                }
                pipeline.finish();
            }
            if (!renumbered.isEmpty()) {
                // what a renumbered folder held and the re-read did not find again is gone from the server
                transactions.run(
                        sync.tenant(), sync.ownerId(), () -> threads.refresh(messages.deleteUnlocated(renumbered)));
            }
            for (SyncFolders.Folder stale :
                    transactions.call(sync.tenant(), sync.ownerId(), () -> folders.ofAccount(account.id()))) {
                if (stale.sync()) {
                    applyChanges(sync, store, stale, condstore);
                }
            }
        }
    }

    private void discover(SyncContext sync, Store store) throws MessagingException {
        List<String[]> found = new ArrayList<>();
        for (Folder folder : store.getDefaultFolder().list("*")) {
            if ((folder.getType() & Folder.HOLDS_MESSAGES) == 0) {
                continue;
            }
            String[] attributes = folder instanceof IMAPFolder imap ? imap.getAttributes() : new String[0];
            if (attributes != null && List.of(attributes).stream().anyMatch(a -> a.equalsIgnoreCase("\\Noselect"))) {
                continue;
            }
            found.add(new String[] {
                folder.getFullName(), FolderRoles.of(folder.getFullName(), folder.getSeparator(), attributes)
            });
        }
        transactions.run(sync.tenant(), sync.ownerId(), () -> {
            for (String[] folder : found) {
                folders.discovered(sync.tenant(), sync.accountId(), folder[0], folder[1]);
            }
            // folders deleted on the server: their mail goes like deleted mail unless it is also elsewhere
            List<String> names = found.stream().map(f -> f[0]).toList();
            threads.refresh(messages.deleteUnlocated(folders.removeMissing(sync.accountId(), names)));
        });
    }

    private void readNew(
            SyncContext sync,
            Store store,
            SyncFolders.Folder folder,
            boolean condstore,
            List<UUID> renumbered,
            NewMessages.Pipeline pipeline)
            throws MessagingException, IOException {
        IMAPFolder server = (IMAPFolder) store.getFolder(folder.name());
        if (!server.exists()) {
            return;
        }
        open(server, condstore);
        try {
            long validity = server.getUIDValidity();
            long uidNext = server.getUIDNext();
            SyncFolders.Folder current = folder;
            boolean wasRenumbered = folder.uidvalidity() != null && folder.uidvalidity() != validity;
            if (folder.uidvalidity() == null || folder.uidvalidity() != validity) {
                renumbered.addAll(transactions.call(
                        sync.tenant(), sync.ownerId(), () -> folders.renumbered(folder.id(), validity)));
                current = new SyncFolders.Folder(
                        folder.id(), folder.name(), folder.role(), true, validity, 0, null, false);
            }
            newMessages.read(sync, current, server, wasRenumbered, pipeline);
            if (!current.initialDone() && uidNext > 1) {
                // everything below UIDNEXT as of opening was either read or is older than the sync window; said
                // once the folder's batches have committed, so a sync stopped before then reads them again
                pipeline.afterCommits(() -> transactions.run(
                        sync.tenant(), sync.ownerId(), () -> folders.advance(folder.id(), uidNext - 1)));
            }
        } finally {
            close(server);
        }
    }

    private void applyChanges(SyncContext sync, Store store, SyncFolders.Folder folder, boolean condstore)
            throws MessagingException {
        IMAPFolder server = (IMAPFolder) store.getFolder(folder.name());
        if (!server.exists()) {
            return;
        }
        open(server, condstore);
        try {
            if (folder.uidvalidity() != null && folder.uidvalidity() == server.getUIDValidity()) {
                changes.apply(sync, folder, server, condstore);
            }
        } finally {
            close(server);
        }
    }

    /** Read-only (EXAMINE): the sync never changes the mailbox, not even the \Seen flag. */
    private static void open(IMAPFolder server, boolean condstore) throws MessagingException {
        if (condstore) {
            server.open(Folder.READ_ONLY, ResyncData.CONDSTORE);
        } else {
            server.open(Folder.READ_ONLY);
        }
    }

    private static void close(IMAPFolder server) {
        try {
            if (server.isOpen()) {
                server.close(false);
            }
        } catch (MessagingException ignored) {
            // the connection is going away anyway; the next sync opens it again
        }
    }
}
