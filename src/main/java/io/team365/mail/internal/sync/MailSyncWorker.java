package io.team365.mail.internal.sync;

import io.team365.mail.internal.account.SyncRequested;
import io.team365.tenancy.TenantTransactions;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Syncs mailboxes in the background (ADR 0022). Every server looks for due accounts every {@code check-interval},
 * and at once when an account asks for a sync; it claims one at a time with a lease across Clients and syncs it
 * with the account's Client bound, at most {@code concurrency} accounts at once. A sync that fails records why and
 * backs off; one that dies with its server leaves its lease to run out, and the next claim resumes it from the
 * folders' last committed UIDs. Polling only: IMAP IDLE is not used.
 */
@Component
class MailSyncWorker implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(MailSyncWorker.class);

    /** This server's name in leases; a restarted server is another one, so a dead one's leases just run out. */
    private final String node = "sync-" + UUID.randomUUID();

    private final SyncLeases leases;
    private final MailboxSync mailboxes;
    private final MailSyncSettings settings;
    private final TenantTransactions tenants;
    private final TransactionTemplate transaction;
    private final Semaphore slots;
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "mail-sync-poller");
        thread.setDaemon(true);
        return thread;
    });
    private final ExecutorService pool = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("mail-sync-", 0).factory());
    private volatile boolean stopping;

    MailSyncWorker(
            SyncLeases leases,
            MailboxSync mailboxes,
            MailSyncSettings settings,
            TenantTransactions tenants,
            PlatformTransactionManager transactions) {
        this.leases = leases;
        this.mailboxes = mailboxes;
        this.settings = settings;
        this.tenants = tenants;
        this.transaction = new TransactionTemplate(transactions);
        this.slots = new Semaphore(Math.max(1, settings.concurrency()));
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        long every = settings.checkInterval().toMillis();
        poller.scheduleWithFixedDelay(this::poll, every, every, TimeUnit.MILLISECONDS);
    }

    /** An account asked for a sync now (after its transaction committed). */
    @TransactionalEventListener(fallbackExecution = true)
    void on(SyncRequested requested) {
        wake();
    }

    /** Looks for due accounts now instead of at the next check. */
    void wake() {
        if (!stopping) {
            poller.execute(this::poll);
        }
    }

    private void poll() {
        try {
            while (!stopping && slots.tryAcquire()) {
                Optional<SyncLeases.Claim> claim = transaction.execute(s -> leases.claim(node, settings.lease()));
                if (claim == null || claim.isEmpty()) {
                    slots.release();
                    return;
                }
                pool.execute(() -> run(claim.get()));
            }
        } catch (RuntimeException e) {
            log.warn("Looking for mailboxes to sync failed", e);
        }
    }

    private void run(SyncLeases.Claim claim) {
        try {
            mailboxes.sync(claim, node);
            tenants.run(
                    claim.tenant(),
                    claim.ownerId(),
                    () -> leases.succeeded(claim.accountId(), node, settings.pollInterval()));
        } catch (NewMessages.SimulatedCrash crash) {
            log.warn("Sync of mailbox {} crashed on purpose (test hook); its lease runs out", claim.accountId());
        } catch (NewMessages.LostLease lost) {
            log.warn("Sync of mailbox {} lost its lease to another worker and stopped", claim.accountId());
        } catch (Exception e) {
            if (SyncFailure.lostDatabase(e)) {
                log.warn(
                        "Sync of mailbox {} lost the database; it resumes when its lease runs out",
                        claim.accountId(),
                        e);
            } else if (stopping) {
                log.info("Sync of mailbox {} interrupted by shutdown; it resumes later", claim.accountId());
            } else {
                fail(claim, e);
            }
        } finally {
            slots.release();
        }
    }

    private void fail(SyncLeases.Claim claim, Exception e) {
        SyncFailure failure = SyncFailure.of(e);
        if (failure == SyncFailure.UNEXPECTED) {
            log.error("Sync of mailbox {} failed", claim.accountId(), e);
        } else {
            // the server's own words may echo personal data: log the kind only
            log.info(
                    "Sync of mailbox {} failed: {} ({})",
                    claim.accountId(),
                    failure.messageKey(),
                    e.getClass().getSimpleName());
        }
        double jitter = 0.8 + ThreadLocalRandom.current().nextDouble() * 0.4;
        try {
            tenants.run(claim.tenant(), claim.ownerId(), () -> leases.failed(claim.accountId(), node, failure, jitter));
        } catch (RuntimeException again) {
            log.error("Sync failure of mailbox {} could not be recorded", claim.accountId(), again);
        }
    }

    @Override
    public void destroy() {
        stopping = true;
        poller.shutdownNow();
        pool.shutdownNow();
        try {
            // let running batches finish their transaction; an unfinished one rolls back and resumes elsewhere
            pool.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
