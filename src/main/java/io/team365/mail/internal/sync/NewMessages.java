package io.team365.mail.internal.sync;

import io.team365.mail.internal.mime.ParsedMessage;
import io.team365.tenancy.TenantTransactions;
import jakarta.mail.Address;
import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.search.ComparisonTerm;
import jakarta.mail.search.ReceivedDateTerm;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Reads a folder's new messages: on the first sync those received in the account's sync window (SEARCH SINCE),
 * afterwards those above the folder's last UID. Messages are fetched in batches (envelope, flags, size and UID in
 * one command, then the bodies of the ones not stored yet, several per command: {@link BatchBodies}), and each batch is committed in one transaction together with the folder's new last
 * UID, so a sync that stops anywhere resumes after the last committed batch, neither losing nor repeating a message.
 */
@Component
public class NewMessages {

    /** Thrown by the test hook: the sync dies mid-batch, as a killed server would. */
    static final class SimulatedCrash extends RuntimeException {
        SimulatedCrash() {
            super("simulated crash", null, false, false);
        }
    }

    /** The worker no longer holds the account (its lease ran out and another took it over). */
    static final class LostLease extends RuntimeException {
        LostLease() {
            super("lease lost", null, false, false);
        }
    }

    private record Item(long uid, UUID known, SyncMessages.Incoming incoming, Flags flags) {}

    private final SyncFolders folders;
    private final SyncMessages messages;
    private final ThreadJoiner threads;
    private final MessageDownload download;
    private final SyncLeases leases;
    private final TenantTransactions transactions;
    private final ApplicationEventPublisher events;
    private final MailSyncSettings settings;
    private final Clock clock;
    /** Test hook: messages left before a simulated crash; 0 when disarmed. */
    private final AtomicInteger crashIn = new AtomicInteger();

    NewMessages(
            SyncFolders folders,
            SyncMessages messages,
            ThreadJoiner threads,
            MessageDownload download,
            SyncLeases leases,
            TenantTransactions transactions,
            ApplicationEventPublisher events,
            MailSyncSettings settings,
            Clock clock) {
        this.folders = folders;
        this.messages = messages;
        this.threads = threads;
        this.download = download;
        this.leases = leases;
        this.transactions = transactions;
        this.events = events;
        this.settings = settings;
        this.clock = clock;
    }

    /** For tests: the next sync dies after reading {@code count} more messages, before their batch commits. */
    public void crashAfter(int count) {
        crashIn.set(count);
    }

    /** Stores the folder's new messages; returns how many were read. */
    int read(SyncContext sync, SyncFolders.Folder folder, IMAPFolder server) throws MessagingException, IOException {
        long lastUid = folder.lastUid();
        List<Message> pending = new ArrayList<>();
        if (!folder.initialDone()) {
            Date since = Date.from(
                    clock.instant().minus(Duration.ofDays(sync.account().syncDays())));
            Message[] found = server.search(new ReceivedDateTerm(ComparisonTerm.GE, since));
            FetchProfile uids = new FetchProfile();
            uids.add(UIDFolder.FetchProfileItem.UID);
            server.fetch(found, uids);
            pending.addAll(Arrays.asList(found));
        } else {
            pending.addAll(Arrays.asList(server.getMessagesByUID(lastUid + 1, UIDFolder.MAXUID)));
        }
        final long after = lastUid;
        pending.removeIf(m -> m == null || uid(server, m) <= after);
        pending.sort(Comparator.comparingLong(m -> uid(server, m)));
        int read = 0;
        for (int start = 0; start < pending.size(); ) {
            int end = Math.min(pending.size(), start + Math.max(1, settings.batchSize()));
            read += batch(sync, folder, server, pending.subList(start, end));
            start = end;
        }
        return read;
    }

    private int batch(SyncContext sync, SyncFolders.Folder folder, IMAPFolder server, List<Message> batch)
            throws MessagingException, IOException {
        FetchProfile profile = new FetchProfile();
        profile.add(FetchProfile.Item.ENVELOPE);
        profile.add(FetchProfile.Item.FLAGS);
        profile.add(FetchProfile.Item.SIZE);
        profile.add(UIDFolder.FetchProfileItem.UID);
        Message[] array = batch.toArray(Message[]::new);
        server.fetch(array, profile);
        Map<Message, String> ids = new HashMap<>();
        for (Message message : array) {
            String id = messageId(message);
            if (id != null) {
                ids.put(message, id);
            }
        }
        Map<String, UUID> known = transactions.call(
                sync.tenant(), sync.ownerId(), () -> messages.existing(sync.accountId(), ids.values()));
        Set<Message> blocked = new HashSet<>();
        List<Message> wanted = new ArrayList<>();
        for (Message message : array) {
            String id = ids.get(message);
            if (blocked(sync, message)) {
                blocked.add(message);
            } else if (id == null || !known.containsKey(id)) {
                wanted.add(message);
            }
        }
        // the bodies to download come several per command, not one round trip each (ADR 0030)
        BatchBodies bodies = new BatchBodies(server, download, wanted, settings.inMemoryLimit(), settings.batchBytes());
        List<Item> items = new ArrayList<>();
        long bytes = 0;
        long lastUid = folder.lastUid();
        for (Message message : array) {
            long uid = server.getUID(message);
            lastUid = Math.max(lastUid, uid);
            if (blocked.contains(message)) {
                continue;
            }
            String id = ids.get(message);
            if (id != null && known.containsKey(id)) {
                items.add(new Item(uid, known.get(id), null, message.getFlags()));
            } else {
                items.add(new Item(uid, null, incoming(sync, folder, message, bodies), message.getFlags()));
                bytes += Math.max(0, message.getSize());
            }
            if (crashIn.get() > 0 && crashIn.decrementAndGet() == 0) {
                throw new SimulatedCrash();
            }
            if (bytes >= settings.batchBytes()) {
                commit(sync, folder, items, lastUid);
                items.clear();
                bytes = 0;
            }
        }
        commit(sync, folder, items, lastUid);
        return array.length;
    }

    private SyncMessages.Incoming incoming(
            SyncContext sync, SyncFolders.Folder folder, Message message, BatchBodies bodies)
            throws MessagingException, IOException {
        ParsedMessage parsed = bodies.read(message, sync.attachments());
        Flags flags = message.getFlags();
        Date received = message.getReceivedDate() != null ? message.getReceivedDate() : message.getSentDate();
        boolean fromAccount = parsed.from() != null
                && sync.account().email().equalsIgnoreCase(parsed.from().address());
        return new SyncMessages.Incoming(
                parsed,
                received == null ? clock.instant() : received.toInstant(),
                Math.max(0, message.getSize()),
                flags.contains(Flags.Flag.SEEN),
                flags.contains(Flags.Flag.FLAGGED),
                flags.contains(Flags.Flag.ANSWERED),
                "sent".equals(folder.role()) || fromAccount ? "outbound" : "inbound",
                sync.account().provider().source());
    }

    /** One transaction: the lease renewed, every message and location of the batch, the folder's last UID. */
    private void commit(SyncContext sync, SyncFolders.Folder folder, List<Item> items, long lastUid) {
        transactions.run(sync.tenant(), sync.ownerId(), () -> {
            if (!leases.hold(sync.accountId(), sync.leaseOwner(), settings.lease())) {
                throw new LostLease();
            }
            List<UUID> created = new ArrayList<>();
            Set<UUID> touched = new LinkedHashSet<>();
            for (Item item : items) {
                UUID messageId = item.known();
                if (messageId == null) {
                    SyncMessages.Stored stored = messages.store(sync.tenant(), sync.accountId(), item.incoming());
                    messageId = stored.id();
                    touched.add(stored.thread());
                    if (stored.created()) {
                        created.add(stored.id());
                    }
                } else {
                    UUID thread = messages.flags(
                            messageId,
                            item.flags().contains(Flags.Flag.SEEN),
                            item.flags().contains(Flags.Flag.FLAGGED),
                            item.flags().contains(Flags.Flag.ANSWERED));
                    if (thread != null) {
                        touched.add(thread);
                    }
                }
                messages.locate(sync.tenant(), folder.id(), item.uid(), messageId, null);
            }
            threads.refresh(touched);
            folders.advance(folder.id(), lastUid);
            if (!created.isEmpty()) {
                events.publishEvent(new MessagesStored(sync.tenant(), sync.accountId(), List.copyOf(created)));
            }
        });
    }

    private static boolean blocked(SyncContext sync, Message message) throws MessagingException {
        if (sync.blocklist().patterns().isEmpty()) {
            return false;
        }
        for (Address[] addresses : List.of(
                nonNull(message.getFrom()),
                nonNull(message.getRecipients(Message.RecipientType.TO)),
                nonNull(message.getRecipients(Message.RecipientType.CC)))) {
            for (Address address : addresses) {
                if (address instanceof InternetAddress internet
                        && sync.blocklist().blocks(internet.getAddress())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Address[] nonNull(Address[] addresses) {
        return addresses == null ? new Address[0] : addresses;
    }

    private static String messageId(Message message) throws MessagingException {
        // from the envelope already fetched, without another round trip
        String raw = message instanceof jakarta.mail.internet.MimeMessage mime ? mime.getMessageID() : null;
        if (raw == null) {
            return null;
        }
        String id = raw.trim();
        if (id.startsWith("<") && id.endsWith(">")) {
            id = id.substring(1, id.length() - 1);
        }
        return id.isBlank() ? null : id;
    }

    private static long uid(IMAPFolder server, Message message) {
        try {
            return server.getUID(message);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
