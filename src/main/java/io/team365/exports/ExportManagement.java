package io.team365.exports;

import io.team365.audit.AuditTrail;
import io.team365.core.Conflict;
import io.team365.core.Ids;
import io.team365.core.NotFound;
import io.team365.core.Validation;
import io.team365.exports.internal.ExportFiles;
import io.team365.exports.internal.ExportJob;
import io.team365.exports.internal.ExportRecords;
import io.team365.exports.internal.ExportSources;
import io.team365.identity.Role;
import io.team365.identity.SignedInUser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Asking for an export, following it and downloading its file. An export is its creator's: only they, or an admin
 * of the Client, may see or download it; anyone else is told it does not exist. Asking and downloading are audited
 * with the object, the format and the row count, never a value from the file.
 */
@Service
public class ExportManagement {

    private final ExportRecords records;
    private final ExportSources sources;
    private final ExportJob job;
    private final ExportFiles files;
    private final AuditTrail audit;
    private final Clock clock;

    ExportManagement(
            ExportRecords records,
            ExportSources sources,
            ExportJob job,
            ExportFiles files,
            AuditTrail audit,
            Clock clock) {
        this.records = records;
        this.sources = sources;
        this.job = job;
        this.files = files;
        this.audit = audit;
        this.clock = clock;
    }

    /** A downloadable file: where it is and what to call it. */
    public record Download(Export export, Path file) {}

    /**
     * Checks the request (object, format, search, conditions, all refused naming the field) and queues the export;
     * its job starts once this transaction commits.
     */
    @Transactional
    public Export start(String object, String format, ExportSelection selection, AuditTrail.Actor actor) {
        Validation check = Validation.start();
        ExportObject what = ExportObject.parse(object).orElse(null);
        ExportFormat how = ExportFormat.parse(format).orElse(null);
        if (what == null) {
            check.reject("object", "exports.error.object");
        }
        if (how == null) {
            check.reject("format", "exports.error.format");
        } else if (what != null && !how.accepts(what)) {
            check.reject("format", "exports.error.vcard-people-only");
        }
        check.throwIfInvalid();
        SignedInUser user = SignedInUser.require();
        long total = sources.count(what, selection);
        Export export = new Export(
                Ids.newId(),
                user.userId(),
                what,
                how,
                selection,
                Export.Status.QUEUED,
                total,
                0,
                null,
                null,
                clock.instant(),
                null);
        records.insert(user.tenant(), export);
        audit.record(
                user.tenant(),
                actor,
                "export.created",
                "export",
                export.id().toString(),
                Map.of("object", what.value(), "format", how.value(), "rows", total));
        afterCommit(() -> job.submit(export, user));
        return export;
    }

    /** The export, if the caller made it or is an admin. */
    public Export view(UUID id) {
        SignedInUser user = SignedInUser.require();
        return records.find(id)
                .filter(e -> e.createdBy().equals(user.userId()) || user.role().atLeast(Role.ADMIN))
                .orElseThrow(() -> new NotFound("export"));
    }

    /** The caller's own exports, newest first. */
    public List<Export> mine(int limit) {
        return records.of(SignedInUser.require().userId(), limit);
    }

    /** The finished file, to stream to the caller; the download is audited. */
    @Transactional
    public Download download(UUID id, AuditTrail.Actor actor) {
        Export export = view(id);
        SignedInUser user = SignedInUser.require();
        Path file = files.file(user.tenant(), id);
        if (export.status() != Export.Status.DONE || !Files.isRegularFile(file)) {
            throw new NotFound("export file");
        }
        audit.record(
                user.tenant(),
                actor,
                "export.downloaded",
                "export",
                id.toString(),
                Map.of(
                        "object",
                        export.object().value(),
                        "format",
                        export.format().value(),
                        "rows",
                        export.processed()));
        return new Download(export, file);
    }

    /** Stops a queued or running export; one that finished is refused. */
    @Transactional
    public Export cancel(UUID id, AuditTrail.Actor actor) {
        view(id);
        if (!records.cancel(id, clock.instant())) {
            throw new Conflict("status", "exports.error.finished");
        }
        SignedInUser user = SignedInUser.require();
        audit.record(user.tenant(), actor, "export.cancelled", "export", id.toString(), Map.of());
        return view(id);
    }

    private static void afterCommit(Runnable work) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    work.run();
                }
            });
        } else {
            work.run();
        }
    }
}
