package io.team365.imports.internal;

import io.team365.audit.AuditTrail;
import io.team365.core.database.GrowingTables;
import io.team365.imports.Import;
import io.team365.imports.ImportObject;
import io.team365.imports.internal.batch.BatchContext;
import io.team365.imports.internal.batch.BatchResult;
import io.team365.imports.internal.batch.BatchWriter;
import io.team365.imports.internal.batch.MappedRow;
import io.team365.imports.internal.batch.Reasons;
import io.team365.imports.internal.read.ImportReaders;
import io.team365.imports.internal.read.RecordSource;
import io.team365.imports.internal.read.SourceRecord;
import io.team365.imports.internal.read.UnreadableFile;
import io.team365.tenancy.TenantTransactions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs one claimed import: counts the file's records once, skips the records its checkpoint says are done, then
 * reads a batch at a time (never more in memory) and writes each batch in one transaction that also adds the
 * batch's counts and moves the checkpoint. A batch that fails leaves nothing behind, so a resumed import neither
 * loses nor repeats a record. A batch the database refuses because of a value ({@link DatabaseRefusal}) is written
 * again in halves until the refused record is alone, so it is rejected alone and the import goes on.
 */
@Component
public class ImportRunner {

    private static final Logger log = LoggerFactory.getLogger(ImportRunner.class);

    /** Thrown by the test hook: the worker dies as a killed server would, leaving the import to be resumed. */
    public static final class SimulatedCrash extends RuntimeException {
        SimulatedCrash() {
            super("simulated crash", null, false, false);
        }
    }

    /** A batch read from the file and checked ahead of its transaction: its rows, the writer's part, the rejects. */
    private record Ahead(List<MappedRow> rows, Object prepared, BatchResult result) {}

    /** The tables an import's batches write to. */
    private static final String[] IMPORT_TABLES = {
        "contacts",
        "companies",
        "leads",
        "deals",
        "deal_contacts",
        "record_keys",
        "search_entries",
        "search_terms",
        "import_created",
        "import_errors",
        "value_sources",
        "value_source_imports",
        "consent_events",
        "activities",
        "activity_links"
    };

    private enum Step {
        CONTINUE,
        STOP
    }

    private final ImportStore store;
    private final ImportFiles files;
    private final ImportSettings settings;
    private final TenantTransactions transactions;
    private final AuditTrail audit;
    private final GrowingTables growing;
    private final Reasons reasons;
    private final Map<ImportObject, BatchWriter> writers = new LinkedHashMap<>();
    /** Test hook: crash inside the batch with this index (1-based), once; 0 when disarmed. */
    private final AtomicInteger crashInBatch = new AtomicInteger();

    ImportRunner(
            ImportStore store,
            ImportFiles files,
            ImportSettings settings,
            TenantTransactions transactions,
            AuditTrail audit,
            GrowingTables growing,
            Reasons reasons,
            List<BatchWriter> all) {
        this.store = store;
        this.files = files;
        this.settings = settings;
        this.transactions = transactions;
        this.audit = audit;
        this.growing = growing;
        this.reasons = reasons;
        all.forEach(writer -> writers.put(writer.object(), writer));
    }

    /** For tests: the next import to reach its batch number {@code batch} dies in it, before it commits. */
    public void crashInBatch(int batch) {
        crashInBatch.set(batch);
    }

    /** Runs the import while {@code owner} holds its lease. */
    public void run(ImportStore.Claim claim, UUID owner) {
        Optional<Import> found = transactions.call(claim.tenant(), claim.createdBy(), () -> store.find(claim.id()));
        if (found.isEmpty()) {
            return;
        }
        Import job = found.get();
        Path file = files.path(claim.tenant(), claim.id());
        try {
            if (!Files.exists(file)) {
                end(claim, Import.FAILED, "The uploaded file is no longer there.");
                return;
            }
            Map<Integer, String> mapping =
                    transactions.call(claim.tenant(), claim.createdBy(), () -> store.mapping(claim.id()));
            if (job.total() == null) {
                long total = count(file, job.fileName());
                transactions.run(claim.tenant(), claim.createdBy(), () -> store.setTotal(claim.id(), total));
            }
            BatchContext context = new BatchContext(
                    claim.tenant(),
                    claim.id(),
                    job.object(),
                    job.fileName(),
                    claim.createdBy(),
                    job.onDuplicate(),
                    job.defaultRegion(),
                    job.consentBasis().startsWith("consent:")
                            ? job.consentBasis().substring("consent:".length())
                            : null);
            batches(claim, owner, file, mapping, context);
        } catch (UnreadableFile e) {
            end(claim, Import.FAILED, e.getMessage());
        } catch (IOException e) {
            log.warn("Import {} could not read its file", claim.id(), e);
            end(claim, Import.FAILED, "The file could not be read.");
        }
    }

    private void batches(
            ImportStore.Claim claim, UUID owner, Path file, Map<Integer, String> mapping, BatchContext context)
            throws IOException, UnreadableFile {
        BatchWriter writer = writers.get(context.object());
        try (RecordSource source = ImportReaders.open(file, context.fileName())) {
            long done = transactions.call(claim.tenant(), claim.createdBy(), () -> store.checkpoint(claim.id()));
            for (long skipped = 0; skipped < done && source.next().isPresent(); skipped++) {
                // records whose outcome is committed already
            }
            // One thread reads and checks the next batch while this one writes it: the checks are Java work on
            // the rows alone, the writing is the database's, so the two overlap on two cores (ADR 0033).
            ExecutorService reader = Executors.newSingleThreadExecutor(
                    Thread.ofPlatform().name("import-read-ahead").daemon().factory());
            try {
                Future<Ahead> next = reader.submit(() -> readAhead(claim, source, mapping, writer, context));
                int batchNumber = 0;
                Step step = Step.CONTINUE;
                while (step == Step.CONTINUE) {
                    Ahead batch = await(next);
                    if (!batch.rows().isEmpty()) {
                        next = reader.submit(() -> readAhead(claim, source, mapping, writer, context));
                    }
                    batchNumber++;
                    int number = batchNumber;
                    long checkpoint = done;
                    try {
                        step = transactions.call(
                                claim.tenant(),
                                claim.createdBy(),
                                () -> batch(claim, owner, writer, context, batch, checkpoint, number));
                    } catch (RuntimeException e) {
                        Optional<DatabaseRefusal> refusal = DatabaseRefusal.of(e);
                        if (refusal.isEmpty()) {
                            throw e; // not about the records: the worker resumes or fails the import
                        }
                        log.info(
                                "Import {}: the database refused batch {}; writing it again in halves",
                                claim.id(),
                                number);
                        step = halves(claim, owner, writer, context, batch.rows(), refusal.get(), checkpoint, number);
                    }
                    done += batch.rows().size();
                    // a large import grows these tables faster than autovacuum analyses them (ADR 0035)
                    growing.analyzeIfGrown(IMPORT_TABLES);
                }
            } finally {
                stop(reader); // a batch read ahead and not written is dropped; the file closes after it
            }
        }
        if (!Files.exists(file)) {
            return;
        }
        boolean finished = transactions.call(
                claim.tenant(),
                claim.createdBy(),
                () -> store.find(claim.id()).map(Import::finished).orElse(true));
        if (finished) {
            files.delete(file);
        }
    }

    /** The next batch of the file, mapped, and checked by the writer in a read-only transaction of its own. */
    private Ahead readAhead(
            ImportStore.Claim claim,
            RecordSource source,
            Map<Integer, String> mapping,
            BatchWriter writer,
            BatchContext context)
            throws IOException, UnreadableFile {
        List<MappedRow> rows = new ArrayList<>();
        Optional<SourceRecord> next;
        while (rows.size() < settings.batchSize() && (next = source.next()).isPresent()) {
            SourceRecord record = next.get();
            rows.add(MappedRow.of(record.number(), record.values(), record.problem(), mapping));
        }
        BatchResult result = new BatchResult();
        Object prepared = rows.isEmpty()
                ? null
                : transactions.call(claim.tenant(), claim.createdBy(), () -> writer.prepare(context, rows, result));
        return new Ahead(rows, prepared, result);
    }

    /** The batch read ahead, or what stopped the reading (the file, or the checks) thrown here. */
    private static Ahead await(Future<Ahead> next) throws IOException, UnreadableFile {
        try {
            return next.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading ahead", e);
        } catch (ExecutionException e) {
            switch (e.getCause()) {
                case IOException io -> throw io;
                case UnreadableFile unreadable -> throw unreadable;
                case RuntimeException runtime -> throw runtime;
                case Error error -> throw error;
                default -> throw new IllegalStateException(e.getCause());
            }
        }
    }

    private static void stop(ExecutorService reader) {
        reader.shutdown();
        try {
            if (!reader.awaitTermination(1, TimeUnit.MINUTES)) {
                reader.shutdownNow();
            }
        } catch (InterruptedException e) {
            reader.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    /** One batch in its transaction: stopped if the lease was lost or a cancel asked for, ended at the file's end. */
    private Step batch(
            ImportStore.Claim claim,
            UUID owner,
            BatchWriter writer,
            BatchContext context,
            Ahead batch,
            long checkpoint,
            int number) {
        Optional<Import> held = store.holdForBatch(claim.id(), owner, settings.lease());
        if (held.isEmpty()) {
            return Step.STOP; // another worker took over, or the import ended
        }
        if (held.get().cancelRequested()) {
            store.finish(claim.id(), Import.CANCELLED, null);
            audit.record(
                    claim.tenant(),
                    AuditTrail.Actor.system(),
                    "import.cancelled",
                    "import",
                    claim.id().toString(),
                    counts(store.find(claim.id()).orElseThrow()));
            return Step.STOP;
        }
        List<MappedRow> rows = batch.rows();
        if (rows.isEmpty()) {
            store.finish(claim.id(), Import.DONE, null);
            audit.record(
                    claim.tenant(),
                    AuditTrail.Actor.system(),
                    "import.completed",
                    "import",
                    claim.id().toString(),
                    counts(store.find(claim.id()).orElseThrow()));
            return Step.STOP;
        }
        BatchResult result = batch.result();
        writer.write(context, rows, batch.prepared(), result);
        store.insertErrors(claim.tenant(), claim.id(), result.rejected());
        result.createdIds().forEach((type, ids) -> store.insertCreated(claim.tenant(), claim.id(), type, ids));
        if (crashInBatch.get() == number && crashInBatch.compareAndSet(number, 0)) {
            throw new SimulatedCrash();
        }
        store.advance(claim.id(), result.counts(rows.size()), checkpoint + rows.size());
        return Step.CONTINUE;
    }

    /**
     * Records the database refused together written again in two halves, each as a batch of its own (its own
     * transaction, counts and checkpoint, so a crash in between resumes after the last half written); a half refused
     * again is halved again, until the refused record is alone and is rejected with the reason. One bad record in a
     * batch of 5,000 costs about 26 small transactions, not 5,000. Records of the batch that are duplicates of each
     * other still end as one record: a later half finds the earlier one's record in the database.
     */
    private Step halves(
            ImportStore.Claim claim,
            UUID owner,
            BatchWriter writer,
            BatchContext context,
            List<MappedRow> rows,
            DatabaseRefusal refusal,
            long checkpoint,
            int number) {
        if (rows.size() == 1) {
            return transactions.call(
                    claim.tenant(), claim.createdBy(), () -> refused(claim, owner, rows, refusal, checkpoint));
        }
        int half = rows.size() / 2;
        Step step = again(claim, owner, writer, context, rows.subList(0, half), checkpoint, number);
        if (step == Step.STOP) {
            return step;
        }
        return again(claim, owner, writer, context, rows.subList(half, rows.size()), checkpoint + half, number);
    }

    /** Part of a refused batch as a batch of its own, checked again in its transaction; halved if refused again. */
    private Step again(
            ImportStore.Claim claim,
            UUID owner,
            BatchWriter writer,
            BatchContext context,
            List<MappedRow> rows,
            long checkpoint,
            int number) {
        try {
            return transactions.call(claim.tenant(), claim.createdBy(), () -> {
                BatchResult result = new BatchResult();
                Object prepared = writer.prepare(context, rows, result);
                return batch(claim, owner, writer, context, new Ahead(rows, prepared, result), checkpoint, number);
            });
        } catch (RuntimeException e) {
            Optional<DatabaseRefusal> refusal = DatabaseRefusal.of(e);
            if (refusal.isEmpty()) {
                throw e;
            }
            return halves(claim, owner, writer, context, rows, refusal.get(), checkpoint, number);
        }
    }

    /** A record the database refused alone, rejected in its own transaction that moves the checkpoint past it. */
    private Step refused(
            ImportStore.Claim claim, UUID owner, List<MappedRow> alone, DatabaseRefusal refusal, long checkpoint) {
        if (store.holdForBatch(claim.id(), owner, settings.lease()).isEmpty()) {
            return Step.STOP;
        }
        BatchResult result = new BatchResult();
        result.reject(alone.getFirst(), refusalReason(refusal));
        store.insertErrors(claim.tenant(), claim.id(), result.rejected());
        store.advance(claim.id(), result.counts(1), checkpoint + 1);
        return Step.CONTINUE;
    }

    /** In words, naming the rule or column the database gave, never its message (which may quote values or SQL). */
    private String refusalReason(DatabaseRefusal refusal) {
        if (refusal.constraint() != null) {
            return reasons.text("import.refused-rule", refusal.constraint());
        }
        if (refusal.column() != null) {
            return reasons.text("import.refused-column", refusal.column());
        }
        return reasons.text("import.refused");
    }

    /** Ends the import with a status of its own (failed), in a transaction of its own. */
    void end(ImportStore.Claim claim, String status, String message) {
        transactions.run(claim.tenant(), claim.createdBy(), () -> {
            if (store.finish(claim.id(), status, message)) {
                audit.record(
                        claim.tenant(),
                        AuditTrail.Actor.system(),
                        "import.failed",
                        "import",
                        claim.id().toString(),
                        counts(store.find(claim.id()).orElseThrow()));
            }
        });
        files.delete(files.path(claim.tenant(), claim.id()));
    }

    /** The counts of an import for its audit entries: numbers only, never a value from the file. */
    static Map<String, Object> counts(Import job) {
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("object", job.object().value());
        counts.put("processed", job.processed());
        counts.put("created", job.created());
        counts.put("updated", job.updated());
        counts.put("skipped", job.skipped());
        counts.put("failed", job.failed());
        counts.put("suppressed", job.suppressed());
        counts.put("companiesCreated", job.companiesCreated());
        return counts;
    }

    private static long count(Path file, String fileName) throws IOException, UnreadableFile {
        long records = 0;
        try (RecordSource source = ImportReaders.open(file, fileName)) {
            while (source.next().isPresent()) {
                records++;
            }
        }
        return records;
    }
}
