package io.team365.mail.internal.sync;

import io.team365.core.database.GrowingTables;
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
import jakarta.mail.util.SharedByteArrayInputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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

    /** The tables a batch writes to. */
    private static final String[] SYNC_TABLES = {
        "mail_messages",
        "mail_threads",
        "mail_locations",
        "mail_participants",
        "mail_message_refs",
        "mail_attachments",
        "mail_links"
    };

    private record Item(long uid, UUID known, SyncMessages.Incoming incoming, Flags flags) {}

    /** A new message fetched but maybe not parsed yet: parsing happens on the parse stage (ADR 0034). */
    @FunctionalInterface
    private interface Pending {
        SyncMessages.Incoming parse() throws MessagingException, IOException;
    }

    /** An item whose message may still need parsing. */
    private record Fetched(long uid, UUID known, Pending pending, Flags flags) {}

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
    private final GrowingTables growing;
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
            JdbcClient jdbc,
            GrowingTables growing) {
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
        this.growing = growing;
    }

    /** For tests: the next sync dies after reading {@code count} more messages, before their batch commits. */
    public void crashAfter(int count) {
        crashIn.set(count);
    }

    /**
     * Stores the folder's new messages; returns how many were read. {@code renumbered}: the folder's UIDs changed
     * (UIDVALIDITY), so what it holds is mostly stored already.
     */
    int read(SyncContext sync, SyncFolders.Folder folder, IMAPFolder server, boolean renumbered, Pipeline pipeline)
            throws MessagingException, IOException {
        long lastUid = folder.lastUid();
        List<Message> pending = new ArrayList<>();
        FolderRead progress = new FolderRead(
                folder.initialDone() || renumbered || "all".equals(folder.role()), Math.max(1, settings.batchSize()));
        if (!folder.initialDone()) {
            Date since = Date.from(
                    clock.instant().minus(Duration.ofDays(sync.account().syncDays())));
            Message[] found = server.search(new ReceivedDateTerm(ComparisonTerm.GE, since));
            FetchProfile listing = new FetchProfile();
            listing.add(UIDFolder.FetchProfileItem.UID);
            if (!progress.checkFirst) {
                // what fetching bodies first needs besides the bodies, for the whole folder in one command
                listing.add(FetchProfile.Item.SIZE);
                listing.add(FetchProfile.Item.FLAGS);
                listing.add(IMAPFolder.FetchProfileItem.INTERNALDATE);
            }
            server.fetch(found, listing);
            pending.addAll(Arrays.asList(found));
        } else {
            pending.addAll(Arrays.asList(server.getMessagesByUID(lastUid + 1, UIDFolder.MAXUID)));
        }
        final long after = lastUid;
        pending.removeIf(m -> m == null || uid(server, m) <= after);
        pending.sort(Comparator.comparingLong(m -> uid(server, m)));
        int read = 0;
        // the next batch is fetched while the previous one is parsed and the one before commits (ADR 0034)
        try {
            for (int start = 0; start < pending.size(); ) {
                int end = Math.min(pending.size(), start + Math.max(1, settings.batchSize()));
                progress.reconsider();
                read += batch(
                        sync, folder, server, pending.subList(start, end), progress, pipeline.parses, pipeline.commits);
                start = end;
            }
        } catch (ParseFailure failure) {
            throw failure.rethrow();
        }
        return read;
    }

    /** The parse and commit stages of an account's sync, kept from one folder to the next (ADR 0034). */
    Pipeline pipeline() {
        return new Pipeline();
    }

    /**
     * The stages behind the sync thread for a whole account, so that a folder's last batches are parsed and committed
     * while the next folder is fetched. Work handed to {@link #afterCommits} runs on the commit stage once everything
     * handed over before it has committed.
     */
    static final class Pipeline implements AutoCloseable {
        private final Stage commits = new Stage("mail-sync-commit", false);
        private final Stage parses = new Stage("mail-sync-parse", true);

        /** Runs {@code work} once every batch handed over so far has been parsed and committed. */
        void afterCommits(Runnable work) throws MessagingException, IOException {
            try {
                parses.submit(() -> commits.submit(work));
            } catch (ParseFailure failure) {
                throw failure.rethrow();
            }
        }

        /** Waits until everything handed over is committed; throws the first failure. */
        void finish() throws MessagingException, IOException {
            try {
                parses.await();
                commits.await();
            } catch (ParseFailure failure) {
                throw failure.rethrow();
            }
        }

        /** Lets what was handed over finish (a batch committed is a batch the next sync does not fetch again). */
        @Override
        public void close() {
            try (commits) {
                parses.close();
            }
        }
    }

    /**
     * How a folder's new messages are fetched (ADR 0034). Check first: their envelopes, then the bodies of those not
     * stored yet (the Message-ID tells) and not blocked. Fetch first: the bodies at once, with the size, flags and
     * date listed for the whole folder beforehand, the blocklist checked on the headers before anything is stored,
     * and a message found stored already kept as it is. A folder's first read fetches first, since almost all it holds
     * is new; once a quarter of what it brings turns out stored already (a folder of copies, Gmail's All Mail), the
     * read checks first from then on. Later reads (a few new messages, often moved ones), renumbered folders and
     * All Mail always check first.
     */
    private static final class FolderRead {
        private boolean checkFirst;
        /** Fetched first and written by the commit stage: how many were new and how many were stored already. */
        private final AtomicInteger stored = new AtomicInteger();

        private final AtomicInteger storedBefore = new AtomicInteger();
        /** How many must have been committed before the read judges: a batch. */
        private final int enough;

        FolderRead(boolean checkFirst, int enough) {
            this.checkFirst = checkFirst;
            this.enough = enough;
        }

        void reconsider() {
            int before = storedBefore.get();
            int seen = stored.get() + before;
            if (!checkFirst && seen >= enough && before * 4 > seen) {
                checkFirst = true;
            }
        }
    }

    /**
     * One stage of a folder's read, on a thread of its own, one batch at a time and in order (ADR 0034): the sync
     * thread fetches a batch and hands it to the parse stage, which parses it and hands it to the commit stage. A
     * hand-over waits until the stage is done with the previous batch, so at most three batches are in memory (one
     * fetched, one parsed, one committing). A stage's failure surfaces at the next hand-over (or as soon as the sync
     * thread sees it), and everything stops; an error of the sync thread first lets the batches already handed over
     * finish (a batch committed is a batch the next sync does not fetch again), then surfaces. Either way the
     * folder's last UID is that of the last batch committed, so a sync stopped anywhere resumes as before.
     */
    private static final class Stage implements AutoCloseable {
        private final ExecutorService thread;
        /** A second thread that takes half of each batch's work, for a stage that is CPU-bound (parsing). */
        private final ExecutorService helper;

        private volatile Future<?> running;

        Stage(String name, boolean helped) {
            thread = Executors.newSingleThreadExecutor(
                    Thread.ofPlatform().name(name).daemon(true).factory());
            helper = helped
                    ? Executors.newSingleThreadExecutor(
                            Thread.ofPlatform().name(name + "-2").daemon(true).factory())
                    : null;
        }

        /**
         * Runs {@code work} on the list's second half on the helper thread and on its first half on the calling
         * one, and returns both results in the list's order; a failure of either is thrown as it was thrown.
         */
        <T, R> List<R> inHalves(List<T> list, java.util.function.Function<List<T>, List<R>> work) {
            if (helper == null || list.size() < 2) {
                return work.apply(list);
            }
            int half = list.size() / 2;
            Future<List<R>> second = helper.submit(() -> work.apply(list.subList(half, list.size())));
            List<R> result;
            try {
                result = new ArrayList<>(work.apply(list.subList(0, half)));
            } catch (RuntimeException | Error failure) {
                // the helper's half is let finish first: nothing of a failed batch goes on being stored after it
                awaitQuietly(second);
                throw failure;
            }
            boolean interrupted = false;
            try {
                while (true) {
                    try {
                        result.addAll(second.get());
                        return result;
                    } catch (InterruptedException e) {
                        interrupted = true; // the helper's half still finishes: it may be storing attachments
                    }
                }
            } catch (ExecutionException e) {
                throw thrownBy(e);
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        /** What the work threw, as it threw it (an unchecked exception or an error). */
        private static RuntimeException thrownBy(ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                return failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            return new IllegalStateException(e.getCause());
        }

        private static void awaitQuietly(Future<?> work) {
            boolean interrupted = false;
            while (true) {
                try {
                    work.get();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException ignored) {
                    break; // the first failure is the one reported
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }

        /** Hands a batch over once the previous one is done (whose failure is thrown here). */
        void submit(Runnable work) {
            await();
            running = thread.submit(work);
        }

        /** Throws the failure of the batch in flight if it has already failed; never waits. */
        void check() {
            if (running != null && running.isDone()) {
                await();
            }
        }

        /** Waits for the batch in flight and throws its failure. */
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
                        // shutting down: the batch in flight still finishes (a commit, its transaction)
                        interrupted = true;
                    }
                }
            } catch (ExecutionException e) {
                throw thrownBy(e);
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
                if (helper != null) {
                    helper.shutdown();
                }
            }
        }
    }

    private int batch(
            SyncContext sync,
            SyncFolders.Folder folder,
            IMAPFolder server,
            List<Message> batch,
            FolderRead progress,
            Stage parses,
            Stage commits)
            throws MessagingException, IOException {
        Message[] array = batch.toArray(Message[]::new);
        boolean checkFirst = progress.checkFirst;
        Map<Message, String> ids = new HashMap<>();
        Map<String, UUID> known = Map.of();
        Set<Message> blocked = new HashSet<>();
        List<Message> wanted = new ArrayList<>(List.of(array));
        if (checkFirst) {
            // envelopes first: the bodies of messages stored already or blocked are not downloaded
            FetchProfile profile = new FetchProfile();
            profile.add(FetchProfile.Item.ENVELOPE);
            profile.add(FetchProfile.Item.FLAGS);
            profile.add(FetchProfile.Item.SIZE);
            profile.add(UIDFolder.FetchProfileItem.UID);
            server.fetch(array, profile);
            for (Message message : array) {
                String id = messageId(message);
                if (id != null) {
                    ids.put(message, id);
                }
            }
            known = transactions.call(
                    sync.tenant(), sync.ownerId(), () -> messages.existing(sync.accountId(), ids.values()));
            wanted.clear();
            for (Message message : array) {
                String id = ids.get(message);
                if (blocked(sync, message)) {
                    blocked.add(message);
                } else if (id == null || !known.containsKey(id)) {
                    wanted.add(message);
                }
            }
        }
        // the bodies to download come several per command, not one round trip each (ADR 0030)
        BatchBodies bodies = new BatchBodies(server, download, wanted, settings.inMemoryLimit(), settings.batchBytes());
        List<Fetched> items = new ArrayList<>();
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
                items.add(new Fetched(uid, known.get(id), null, message.getFlags()));
            } else {
                // fetched first, a large message's envelope is checked against the blocklist before its download
                Pending pending = fetch(sync, folder, message, bodies, !checkFirst);
                if (pending != null) {
                    items.add(new Fetched(uid, null, pending, message.getFlags()));
                    bytes += Math.max(0, message.getSize());
                }
            }
            bytes = next(sync, folder, items, bytes, lastUid, progress, parses, commits);
        }
        handOver(sync, folder, List.copyOf(items), lastUid, progress, parses, commits);
        return array.length;
    }

    /** After each message: the crash hook, a stage's failure, and a hand-over once the batch's bytes are reached. */
    private long next(
            SyncContext sync,
            SyncFolders.Folder folder,
            List<Fetched> items,
            long bytes,
            long lastUid,
            FolderRead progress,
            Stage parses,
            Stage commits) {
        if (crashIn.get() > 0 && crashIn.decrementAndGet() == 0) {
            throw new SimulatedCrash();
        }
        parses.check();
        if (bytes < settings.batchBytes()) {
            return bytes;
        }
        handOver(sync, folder, List.copyOf(items), lastUid, progress, parses, commits);
        items.clear();
        return 0;
    }

    /** To the parse stage, then on to the commit stage (ADR 0034). */
    private void handOver(
            SyncContext sync,
            SyncFolders.Folder folder,
            List<Fetched> fetched,
            long lastUid,
            FolderRead progress,
            Stage parses,
            Stage commits) {
        parses.submit(() -> {
            // two threads parse a batch's halves: parsing is the one CPU-bound stage (ADR 0034)
            List<Item> items = parses.inHalves(fetched, NewMessages::parseAll);
            commits.submit(() -> commit(sync, folder, items, lastUid, progress));
        });
    }

    /** Parses fetched messages, in order; blocked ones (their headers name a blocked address) are left out. */
    private static List<Item> parseAll(List<Fetched> fetched) {
        List<Item> items = new ArrayList<>(fetched.size());
        for (Fetched one : fetched) {
            try {
                SyncMessages.Incoming incoming =
                        one.pending() == null ? null : one.pending().parse();
                if (one.known() == null && incoming == null) {
                    continue;
                }
                items.add(new Item(one.uid(), one.known(), incoming, one.flags()));
            } catch (MessagingException | IOException e) {
                throw new ParseFailure(e);
            }
        }
        return items;
    }

    /**
     * Fetches a new message's body (small ones come several per command, {@link BatchBodies}) and returns how to
     * parse it; everything taken from the server is read here, on the sync thread, so that parsing needs no IMAP.
     * A large message is streamed and parsed here at once (it is read through the IMAP connection).
     */
    private Pending fetch(
            SyncContext sync, SyncFolders.Folder folder, Message message, BatchBodies bodies, boolean unchecked)
            throws MessagingException, IOException {
        Flags flags = message.getFlags();
        Date date = message.getReceivedDate() != null ? message.getReceivedDate() : message.getSentDate();
        Instant received = date == null ? clock.instant() : date.toInstant();
        long size = Math.max(0, message.getSize());
        SharedByteArrayInputStream raw = bodies.raw(message);
        // the blocklist is checked on the headers the parser reads, on every path (a server's envelope may differ:
        // two To headers, a Sender without a From); a large message fetched first is checked on its envelope too,
        // before it is downloaded
        if (raw == null && unchecked && blocked(sync, message)) {
            return null;
        }
        if (raw == null) {
            ParsedMessage parsed =
                    download.readUnlessBlocked(message, settings.inMemoryLimit(), sync.attachments(), sync.blocklist());
            if (parsed == null) {
                return null;
            }
            SyncMessages.Incoming incoming = incoming(sync, folder, parsed, received, size, flags);
            return () -> incoming;
        }
        return () -> {
            ParsedMessage parsed = download.parseUnlessBlocked(raw, sync.attachments(), sync.blocklist());
            return parsed == null ? null : incoming(sync, folder, parsed, received, size, flags);
        };
    }

    private static SyncMessages.Incoming incoming(
            SyncContext sync,
            SyncFolders.Folder folder,
            ParsedMessage parsed,
            Instant received,
            long size,
            Flags flags) {
        boolean fromAccount = parsed.from() != null
                && sync.account().email().equalsIgnoreCase(parsed.from().address());
        return new SyncMessages.Incoming(
                parsed,
                received,
                size,
                flags.contains(Flags.Flag.SEEN),
                flags.contains(Flags.Flag.FLAGGED),
                flags.contains(Flags.Flag.ANSWERED),
                "sent".equals(folder.role()) || fromAccount ? "outbound" : "inbound",
                sync.account().provider().source());
    }

    /** A message the parse stage could not read: the parser's exception, carried to the sync thread. */
    static final class ParseFailure extends RuntimeException {
        ParseFailure(Exception cause) {
            super(cause.getMessage(), cause, false, false);
        }

        /** Throws the parser's exception as it threw it when it ran on the sync thread (or else returns this). */
        RuntimeException rethrow() throws MessagingException, IOException {
            switch (getCause()) {
                case IOException e -> throw e;
                case MessagingException e -> throw e;
                default -> {
                    return this;
                }
            }
        }
    }

    /**
     * One transaction: the lease renewed, every message and location of the batch, the folder's last UID, in a fixed
     * number of statements (ADR 0034). It commits without waiting for its WAL flush: a commit lost in a crash also
     * loses the folder's last UID written with it, so the next sync fetches that batch again (ADR 0034).
     */
    private void commit(
            SyncContext sync, SyncFolders.Folder folder, List<Item> items, long lastUid, FolderRead progress) {
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
                        progress.stored.incrementAndGet();
                    } else {
                        // stored before (another folder's copy, when fetched first): its flags as this folder has them
                        progress.storedBefore.incrementAndGet();
                        knownIds.add(one.id());
                        seen.add(item.incoming().seen());
                        flagged.add(item.incoming().flagged());
                        answered.add(item.incoming().answered());
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
        // a first sync grows these tables faster than autovacuum analyses them (ADR 0035)
        growing.analyzeIfGrown(SYNC_TABLES);
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
