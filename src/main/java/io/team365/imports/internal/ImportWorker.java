package io.team365.imports.internal;

import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs imports in the background. Every server polls for work and claims one import at a time with a lease in the
 * {@code imports} row (ADR 0014): a queued import, or a running one whose lease ran out because its server died. The
 * claimed import resumes from its checkpoint. Each server runs at most {@code concurrency} imports at once.
 */
@Component
public class ImportWorker implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ImportWorker.class);

    /** This server's name in leases; a restarted server is another one, so a dead one's leases just run out. */
    private final UUID node = UUID.randomUUID();

    private final ImportStore store;
    private final ImportRunner runner;
    private final ImportSettings settings;
    private final TransactionTemplate transaction;
    private final Semaphore slots;
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "import-poller");
        thread.setDaemon(true);
        return thread;
    });
    private final ExecutorService pool = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("import-", 0).factory());
    private volatile boolean stopping;

    ImportWorker(
            ImportStore store, ImportRunner runner, ImportSettings settings, PlatformTransactionManager transactions) {
        this.store = store;
        this.runner = runner;
        this.settings = settings;
        this.transaction = new TransactionTemplate(transactions);
        this.slots = new Semaphore(Math.max(1, settings.concurrency()));
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        long every = settings.pollInterval().toMillis();
        poller.scheduleWithFixedDelay(this::poll, every, every, TimeUnit.MILLISECONDS);
    }

    /** Looks for work now (after an import was queued) instead of at the next poll. */
    public void wake() {
        if (!stopping) {
            poller.execute(this::poll);
        }
    }

    private void poll() {
        try {
            while (!stopping && slots.tryAcquire()) {
                Optional<ImportStore.Claim> claim = transaction.execute(s -> store.claim(node, settings.lease()));
                if (claim == null || claim.isEmpty()) {
                    slots.release();
                    return;
                }
                pool.execute(() -> run(claim.get()));
            }
        } catch (RuntimeException e) {
            log.warn("Looking for imports to run failed", e);
        }
    }

    private void run(ImportStore.Claim claim) {
        try {
            runner.run(claim, node);
        } catch (ImportRunner.SimulatedCrash crash) {
            log.warn("Import {} crashed on purpose (test hook); its lease runs out and it resumes", claim.id());
        } catch (RuntimeException e) {
            if (lostDatabase(e)) {
                // the database went away (restart, failover, a killed connection): the batch rolled back, the
                // checkpoint holds, and the import resumes from it once its lease runs out
                log.warn("Import {} lost the database mid-batch; it resumes from its checkpoint", claim.id(), e);
            } else if (stopping) {
                log.info("Import {} interrupted by shutdown; it resumes from its checkpoint", claim.id());
            } else {
                log.error("Import {} failed", claim.id(), e);
                try {
                    runner.end(claim, "failed", "The import stopped because of an unexpected error.");
                } catch (RuntimeException again) {
                    log.error("Import {} could not be marked failed", claim.id(), again);
                }
            }
        } finally {
            slots.release();
        }
    }

    /**
     * Whether the failure is the database connection going away rather than something in the import: a resource
     * failure or transient error, or an SQL state of class 08 (connection exception) or 57P (operator intervention:
     * shutdown, a terminated backend), also when it surfaces as a failed rollback on the dead connection.
     */
    static boolean lostDatabase(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DataAccessResourceFailureException
                    || t instanceof TransientDataAccessException
                    || t instanceof RecoverableDataAccessException
                    || t instanceof CannotCreateTransactionException) {
                return true;
            }
            if (t instanceof SQLException sql
                    && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
            if (t instanceof TransactionSystemException tx
                    && tx.getApplicationException() != null
                    && lostDatabase(tx.getApplicationException())) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void destroy() {
        stopping = true;
        poller.shutdownNow();
        pool.shutdownNow();
    }
}
