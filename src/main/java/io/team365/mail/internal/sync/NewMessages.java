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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
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
    private final JdbcClient jdbc;
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
            Clock clock,
            JdbcClient jdbc) {
        this.folders = folders;
        this.messages = messages;
        this.threads = threads;
        this.download = download;
        this.leases = leases;
        this.transactions = transactions;
        this.events = events;
        this.settings = settings;
        this.clock = clock;
        this.jdbc = jdbc;
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
        // the next batch is fetched and parsed while the previous one commits (ADR 0034)
        try (Commits commits = new Commits()) {
            for (int start = 0; start < pending.size(); ) {
                int end = Math.min(pending.size(), start + Math.max(1, settings.batchSize()));
                read += batch(sync, folder, server, pending.subList(start, end), commits);
                start = end;
            }
            commits.await();
        }
        return read;
    }

    /**
     * The batches' commits, on a thread of their own, one at a time and in order, while the sync thread fetches and
     * parses the next batch (ADR 0034): at most one batch commits while one more is read, so memory stays bounded
     * by two batches. A commit's failure surfaces on the sync thread at the next hand-over (or as soon as it is
     * seen), which then stops; an error of the sync thread first lets the commit in flight finish (a batch
     * committed is a batch the next sync does not fetch again), then surfaces. Either way the folder's last UID is
     * that of the last batch committed, so a sync stopped anywhere resumes as before.
     */
    private static final class Commits implements AutoCloseable {
        private final ExecutorService thread = Executors.newSingleThreadExecutor(
                Thread.ofVirtual().name("mail-sync-commit").factory());
        private Future<?> running;

        /** Hands a batch's commit over once the previous one is done (whose failure is thrown here). */
        void submit(Runnable commit) {
            await();
            running = thread.submit(commit);
        }

        /** Throws the failure of the commit in flight if it has already failed; never waits. */
        void check() {
            if (running != null && running.isDone()) {
                await();
            }
        }

        /** Waits for the commit in flight and throws its failure. */
        void await() {
            Future<?> commit = running;
            running = null;
            if (commit == null) {
                return;
            }
            boolean interrupted = false;
            try {
                while (true) {
                    try {
                        commit.get();
                        break;
                    } catch (InterruptedException e) {
                        // shutting down: the commit in flight still finishes its transaction
                        interrupted = true;
                    }
                }
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException failure) {
                    throw failure;
                }
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw new IllegalStateException(e.getCause());
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
            if (interrupted) {
                throw new IllegalStateException("sync interrupted");
            }
        }

        @Override
        public void close() {
            try {
                await();
            } finally {
                thread.shutdown();
            }
        }
    }

    private int batch(
            SyncContext sync, SyncFolders.Folder folder, IMAPFolder server, List<Message> batch, Commits commits)
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
            commits.check();
            if (bytes >= settings.batchBytes()) {
                List<Item> full = List.copyOf(items);
                long upTo = lastUid;
                commits.submit(() -> commit(sync, folder, full, upTo));
                items.clear();
                bytes = 0;
            }
        }
        List<Item> last = List.copyOf(items);
        long upTo = lastUid;
        commits.submit(() -> commit(sync, folder, last, upTo));
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

    /**
     * One transaction: the lease renewed, every message and location of the batch, the folder's last UID, in a fixed
     * number of statements (ADR 0034). It commits without waiting for its WAL flush: a commit lost in a crash also
     * loses the folder's last UID written with it, so the next sync fetches that batch again (ADR 0034).
     */
    private void commit(SyncContext sync, SyncFolders.Folder folder, List<Item> items, long lastUid) {
        transactions.run(sync.tenant(), sync.ownerId(), () -> {
            jdbc.sql("set local synchronous_commit = off").update();
            if (!leases.hold(sync.accountId(), sync.leaseOwner(), settings.lease())) {
                throw new LostLease();
            }
            List<SyncMessages.Incoming> fresh = new ArrayList<>();
            List<UUID> knownIds = new ArrayList<>();
            List<Boolean> seen = new ArrayList<>();
            List<Boolean> flagged = new ArrayList<>();
            List<Boolean> answered = new ArrayList<>();
            for (Item item : items) {
                if (item.known() == null) {
                    fresh.add(item.incoming());
                } else {
                    knownIds.add(item.known());
                    seen.add(item.flags().contains(Flags.Flag.SEEN));
                    flagged.add(item.flags().contains(Flags.Flag.FLAGGED));
                    answered.add(item.flags().contains(Flags.Flag.ANSWERED));
                }
            }
            List<SyncMessages.Stored> stored = messages.storeAll(sync.tenant(), sync.accountId(), fresh);
            List<UUID> created = new ArrayList<>();
            Set<UUID> touched = new LinkedHashSet<>();
            List<Long> uids = new ArrayList<>(items.size());
            List<UUID> located = new ArrayList<>(items.size());
            int next = 0;
            for (Item item : items) {
                UUID messageId = item.known();
                if (messageId == null) {
                    SyncMessages.Stored one = stored.get(next++);
                    messageId = one.id();
                    touched.add(one.thread());
                    if (one.created()) {
                        created.add(one.id());
                    }
                }
                uids.add(item.uid());
                located.add(messageId);
            }
            touched.addAll(messages.flagsAll(knownIds, seen, flagged, answered));
            messages.locateAll(sync.tenant(), folder.id(), uids, located);
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
