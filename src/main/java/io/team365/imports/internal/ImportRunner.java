package io.team365.imports.internal;

import io.team365.audit.AuditTrail;
import io.team365.imports.Import;
import io.team365.imports.ImportObject;
import io.team365.imports.internal.batch.BatchContext;
import io.team365.imports.internal.batch.BatchResult;
import io.team365.imports.internal.batch.BatchWriter;
import io.team365.imports.internal.batch.MappedRow;
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
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs one claimed import: counts the file's records once, skips the records its checkpoint says are done, then
 * reads a batch at a time (never more in memory) and writes each batch in one transaction that also adds the
 * batch's counts and moves the checkpoint. A batch that fails leaves nothing behind, so a resumed import neither
 * loses nor repeats a record.
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

    private enum Step {
        CONTINUE,
        STOP
    }

    private final ImportStore store;
    private final ImportFiles files;
    private final ImportSettings settings;
    private final TenantTransactions transactions;
    private final AuditTrail audit;
    private final Map<ImportObject, BatchWriter> writers = new LinkedHashMap<>();
    /** Test hook: crash inside the batch with this index (1-based), once; 0 when disarmed. */
    private final AtomicInteger crashInBatch = new AtomicInteger();

    ImportRunner(
            ImportStore store,
            ImportFiles files,
            ImportSettings settings,
            TenantTransactions transactions,
            AuditTrail audit,
            List<BatchWriter> all) {
        this.store = store;
        this.files = files;
        this.settings = settings;
        this.transactions = transactions;
        this.audit = audit;
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
            int batchNumber = 0;
            Step step = Step.CONTINUE;
            while (step == Step.CONTINUE) {
                List<MappedRow> batch = new ArrayList<>();
                Optional<SourceRecord> next;
                while (batch.size() < settings.batchSize() && (next = source.next()).isPresent()) {
                    SourceRecord record = next.get();
                    batch.add(MappedRow.of(record.number(), record.values(), record.problem(), mapping));
                }
                batchNumber++;
                int number = batchNumber;
                long checkpoint = done;
                step = transactions.call(
                        claim.tenant(),
                        claim.createdBy(),
                        () -> batch(claim, owner, writer, context, batch, checkpoint, number));
                done += batch.size();
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

    /** One batch in its transaction: stopped if the lease was lost or a cancel asked for, ended at the file's end. */
    private Step batch(
            ImportStore.Claim claim,
            UUID owner,
            BatchWriter writer,
            BatchContext context,
            List<MappedRow> batch,
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
        if (batch.isEmpty()) {
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
        BatchResult result = new BatchResult();
        writer.write(context, batch, result);
        store.insertErrors(claim.tenant(), claim.id(), result.rejected());
        result.createdIds().forEach((type, ids) -> store.insertCreated(claim.tenant(), claim.id(), type, ids));
        if (crashInBatch.get() == number && crashInBatch.compareAndSet(number, 0)) {
            throw new SimulatedCrash();
        }
        store.advance(claim.id(), result.counts(batch.size()), checkpoint + batch.size());
        return Step.CONTINUE;
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
