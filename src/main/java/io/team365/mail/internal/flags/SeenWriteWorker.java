package io.team365.mail.internal.flags;

import io.team365.mail.internal.account.MailAccount;
import io.team365.mail.internal.account.MailAccountStore;
import io.team365.mail.internal.connect.MailLogin;
import io.team365.mail.internal.connect.MailSessions;
import io.team365.tenancy.TenantTransactions;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.FolderNotFoundException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes read and unread changes back to the mail server: claims the due writes of one account at a time
 * ({@link FlagWriteStore#claim}), signs in to its IMAP server once, and sets or clears \Seen on the message's UID in
 * every folder that holds it (read-write, never expunging). Setting a flag twice is harmless, so a write whose worker
 * died is simply done again, and a failure (server unreachable, sign-in refused) is retried with back-off; after
 * {@value #MAX_ATTEMPTS} attempts the wish is dropped and the server's flag comes back with the next sync. Reading
 * mail in Team365 never waits for any of this (ADR 0031).
 */
@Component
class SeenWriteWorker implements DisposableBean {

    static final int MAX_ATTEMPTS = 8;
    private static final Logger log = LoggerFactory.getLogger(SeenWriteWorker.class);

    private final FlagWriteStore store;
    private final MailAccountStore accounts;
    private final MailSessions sessions;
    private final TenantTransactions tenants;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Duration lease;
    private final Duration retryBase;
    private final ReentrantLock running = new ReentrantLock();
    private final ExecutorService wakeups = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "mail-flags-wakeup");
        thread.setDaemon(true);
        return thread;
    });

    SeenWriteWorker(
            FlagWriteStore store,
            MailAccountStore accounts,
            MailSessions sessions,
            TenantTransactions tenants,
            PlatformTransactionManager transactions,
            Clock clock,
            @Value("${team365.mail.flags.lease:PT5M}") Duration lease,
            @Value("${team365.mail.flags.retry-base:PT30S}") Duration retryBase) {
        this.store = store;
        this.accounts = accounts;
        this.sessions = sessions;
        this.tenants = tenants;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
        this.lease = lease;
        this.retryBase = retryBase;
    }

    /** Writes now what was just asked for, instead of at the next poll. */
    void wake() {
        try {
            wakeups.execute(this::writeDue);
        } catch (RuntimeException e) {
            log.debug("Mail flag writer wake-up refused (shutting down)", e);
        }
    }

    @Scheduled(
            fixedDelayString = "${team365.mail.flags.poll-interval:PT5S}",
            initialDelayString = "${team365.mail.flags.poll-interval:PT5S}")
    void writeDue() {
        if (!running.tryLock()) {
            return; // this server is already at it; the running loop takes what is due
        }
        try {
            for (int i = 0; i < 100; i++) {
                Optional<FlagWriteStore.Claim> claim =
                        transaction.execute(status -> store.claim(clock.instant(), lease));
                if (claim == null || claim.isEmpty()) {
                    return;
                }
                write(claim.get());
            }
        } catch (RuntimeException e) {
            log.warn("Looking for mail flags to write failed", e);
        } finally {
            running.unlock();
        }
    }

    private record Loaded(MailAccount account, MailLogin login, List<FlagWriteStore.Location> locations) {}

    private void write(FlagWriteStore.Claim claim) {
        List<UUID> ids =
                claim.writes().stream().map(FlagWriteStore.Write::messageId).toList();
        Loaded loaded;
        try {
            loaded = tenants.call(claim.tenant(), null, () -> {
                MailAccount account = accounts.find(claim.accountId()).orElse(null);
                if (account == null || "disconnected".equals(account.status()) || account.imap() == null) {
                    return new Loaded(account, null, List.of());
                }
                return new Loaded(account, accounts.login(account), store.locations(ids));
            });
        } catch (RuntimeException e) {
            log.warn("Mail flags of account {}: could not load the account or its sign-in", claim.accountId(), e);
            record(claim, new HashSet<>(ids), "mail.client.seen.error.account");
            return;
        }
        if (loaded.login() == null) {
            record(claim, Set.of(), null); // nothing can be written any more: forget the wishes
            return;
        }
        Map<UUID, Boolean> wanted = new HashMap<>();
        claim.writes().forEach(w -> wanted.put(w.messageId(), w.seen()));
        Map<String, List<FlagWriteStore.Location>> byFolder = new LinkedHashMap<>();
        for (FlagWriteStore.Location location : loaded.locations()) {
            byFolder.computeIfAbsent(location.folder(), f -> new java.util.ArrayList<>())
                    .add(location);
        }
        Set<UUID> failed = new HashSet<>();
        String error = null;
        try (Store imap = sessions.openStore(loaded.account().imap(), loaded.login())) {
            for (var entry : byFolder.entrySet()) {
                List<FlagWriteStore.Location> here = entry.getValue();
                try {
                    if (!writeFolder(imap, entry.getKey(), here, wanted)) {
                        here.forEach(l -> failed.add(l.messageId()));
                        error = "mail.client.seen.error.renumbered";
                    }
                } catch (FolderNotFoundException gone) {
                    // the folder went away on the server: nothing of these messages is left there to mark
                } catch (MessagingException | RuntimeException e) {
                    log.warn(
                            "Mail flags of account {}: writing to a folder failed: {}",
                            claim.accountId(),
                            e.toString());
                    here.forEach(l -> failed.add(l.messageId()));
                    error = "mail.client.seen.error.unreachable";
                }
            }
        } catch (AuthenticationFailedException e) {
            log.warn("Mail flags of account {}: sign-in refused", claim.accountId());
            failed.addAll(ids);
            error = "mail.client.seen.error.auth";
        } catch (MessagingException | RuntimeException e) {
            log.warn("Mail flags of account {}: server unreachable: {}", claim.accountId(), e.toString());
            failed.addAll(ids);
            error = "mail.client.seen.error.unreachable";
        }
        record(claim, failed, error);
    }

    /**
     * Sets the wanted \Seen on the folder's UIDs; false when the folder was renumbered (new UIDVALIDITY) since the
     * sync read it, so the UIDs may name other messages: the sync reads it again and a later attempt uses the new
     * UIDs.
     */
    private static boolean writeFolder(
            Store imap, String name, List<FlagWriteStore.Location> locations, Map<UUID, Boolean> wanted)
            throws MessagingException {
        Folder folder = imap.getFolder(name);
        if (!folder.exists()) {
            return true;
        }
        folder.open(Folder.READ_WRITE);
        try {
            UIDFolder uids = (UIDFolder) folder;
            Long validity = locations.getFirst().uidValidity();
            if (validity != null && uids.getUIDValidity() != validity) {
                return false;
            }
            for (boolean seen : new boolean[] {true, false}) {
                long[] which = locations.stream()
                        .filter(l -> wanted.get(l.messageId()) == seen)
                        .mapToLong(FlagWriteStore.Location::uid)
                        .toArray();
                if (which.length == 0) {
                    continue;
                }
                Message[] messages = Arrays.stream(uids.getMessagesByUID(which))
                        .filter(Objects::nonNull)
                        .toArray(Message[]::new);
                if (messages.length > 0) {
                    folder.setFlags(messages, new Flags(Flags.Flag.SEEN), seen);
                }
            }
            return true;
        } finally {
            folder.close(false);
        }
    }

    /** Done for every write not in {@code failed}; the failed ones wait and try again, or are given up. */
    private void record(FlagWriteStore.Claim claim, Set<UUID> failed, String errorKey) {
        tenants.run(claim.tenant(), null, () -> {
            for (FlagWriteStore.Write write : claim.writes()) {
                if (!failed.contains(write.messageId())) {
                    store.done(write);
                } else if (write.attempt() >= MAX_ATTEMPTS) {
                    log.warn(
                            "Mail flags: gave up writing \\Seen of message {} after {} attempts",
                            write.messageId(),
                            write.attempt());
                    store.done(write);
                } else {
                    store.retry(write, errorKey, clock.instant().plus(backoff(write.attempt())));
                }
            }
        });
    }

    /** retry-base, doubled per attempt, at most an hour. */
    Duration backoff(int attempt) {
        Duration delay = retryBase.multipliedBy(1L << Math.min(attempt - 1, 16));
        return delay.compareTo(Duration.ofHours(1)) > 0 ? Duration.ofHours(1) : delay;
    }

    @Override
    public void destroy() {
        wakeups.shutdownNow();
    }
}
