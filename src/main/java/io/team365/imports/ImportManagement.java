package io.team365.imports;

import io.team365.activities.ActivityImports;
import io.team365.audit.AuditTrail;
import io.team365.companies.CompanyImports;
import io.team365.contacts.ContactImports;
import io.team365.core.Conflict;
import io.team365.core.Ids;
import io.team365.core.NotFound;
import io.team365.core.Validation;
import io.team365.customfields.CustomField;
import io.team365.customfields.CustomFieldManagement;
import io.team365.deals.DealImports;
import io.team365.identity.SignedInUser;
import io.team365.imports.internal.ImportFiles;
import io.team365.imports.internal.ImportStore;
import io.team365.imports.internal.ImportWorker;
import io.team365.imports.internal.mapping.HeaderMapping;
import io.team365.imports.internal.mapping.TargetFields;
import io.team365.imports.internal.read.ImportReaders;
import io.team365.imports.internal.read.RecordSource;
import io.team365.imports.internal.read.SourceRecord;
import io.team365.imports.internal.read.UnreadableFile;
import io.team365.leads.LeadImports;
import io.team365.privacy.ConsentManagement;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Starting, following, cancelling and undoing imports. Starting checks everything first (object, file, mapping,
 * options) and stores nothing when anything is wrong; the work itself runs in the background (ADR 0014).
 */
@Service
public class ImportManagement {

    public static final Set<String> ON_DUPLICATE = Set.of("skip", "update", "create");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final int UNDO_CHUNK = 5000;

    /** A file to import: the upload on disk (moved away when the import starts) and the options as given. */
    public record NewImport(
            String object,
            Path upload,
            String fileName,
            long size,
            Map<String, String> mapping,
            String onDuplicate,
            String defaultRegion,
            String consentBasis) {}

    /** The first records of a file with the suggested mapping, for the mapping step. */
    public record Preview(List<String> columns, List<List<String>> rows, Map<Integer, String> suggested) {}

    private final ImportStore store;
    private final ImportFiles files;
    private final ImportWorker worker;
    private final AuditTrail audit;
    private final CustomFieldManagement customFields;
    private final ConsentManagement consent;
    private final ContactImports contacts;
    private final CompanyImports companies;
    private final LeadImports leads;
    private final DealImports deals;
    private final ActivityImports notes;

    ImportManagement(
            ImportStore store,
            ImportFiles files,
            ImportWorker worker,
            AuditTrail audit,
            CustomFieldManagement customFields,
            ConsentManagement consent,
            ContactImports contacts,
            CompanyImports companies,
            LeadImports leads,
            DealImports deals,
            ActivityImports notes) {
        this.store = store;
        this.notes = notes;
        this.files = files;
        this.worker = worker;
        this.audit = audit;
        this.customFields = customFields;
        this.consent = consent;
        this.contacts = contacts;
        this.companies = companies;
        this.leads = leads;
        this.deals = deals;
    }

    /** Every field a column of the object's files can be mapped to: the standard ones, then the custom ones. */
    @Transactional(readOnly = true)
    public List<String> targets(ImportObject object) {
        List<String> targets = new ArrayList<>(TargetFields.of(object));
        for (CustomField field : customFields.list(recordType(object))) {
            targets.add(TargetFields.CUSTOM_PREFIX + field.key());
        }
        return targets;
    }

    /** The custom fields' targets ({@code custom.<key>}) with the labels people gave them, for choosing a field. */
    @Transactional(readOnly = true)
    public Map<String, String> customFieldLabels(ImportObject object) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (CustomField field : customFields.list(recordType(object))) {
            labels.put(TargetFields.CUSTOM_PREFIX + field.key(), field.label());
        }
        return labels;
    }

    /** Checks the options and the file, stores the import (queued) and keeps the file for it. */
    @Transactional
    public Import start(NewImport input, AuditTrail.Actor actor) {
        SignedInUser user = SignedInUser.require();
        Validation check = Validation.start();
        ImportObject object = ImportObject.of(
                        input.object() == null ? "" : input.object().strip())
                .orElse(null);
        if (object == null) {
            check.reject("object", "import.object");
        }
        String onDuplicate = input.onDuplicate() == null || input.onDuplicate().isBlank()
                ? "skip"
                : input.onDuplicate().strip();
        if (!ON_DUPLICATE.contains(onDuplicate)) {
            check.reject("onDuplicate", "import.on-duplicate");
        }
        String region = input.defaultRegion() == null || input.defaultRegion().isBlank()
                ? null
                : input.defaultRegion().strip().toUpperCase(Locale.ROOT);
        if (region != null && !COUNTRIES.contains(region)) {
            check.reject("defaultRegion", "import.region");
        }
        String basis = consentBasis(check, input.consentBasis(), object);
        String fileName = fileName(input.fileName());
        List<String> columns = List.of();
        if (input.upload() == null || input.size() <= 0) {
            check.reject("file", "import.file-required");
        } else {
            try {
                columns = columns(input.upload(), fileName);
            } catch (UnreadableFile e) {
                check.reject("file", "import.file-unreadable", e.getMessage());
            }
        }
        check.throwIfInvalid();
        Map<Integer, String> mapping = mapping(check, object, columns, input.mapping());
        check.throwIfInvalid();
        UUID id = Ids.newId();
        store.insert(
                user.tenant(),
                id,
                object,
                fileName,
                input.size(),
                onDuplicate,
                mapping,
                columns,
                region,
                basis,
                user.userId());
        files.keep(input.upload(), user.tenant(), id);
        audit.record(
                user.tenant(),
                actor,
                "import.started",
                "import",
                id.toString(),
                Map.of("object", object.value(), "onDuplicate", onDuplicate, "bytes", input.size()));
        afterCommit(worker::wake);
        return store.find(id).orElseThrow();
    }

    @Transactional(readOnly = true)
    public Import find(UUID id) {
        return store.find(id).orElseThrow(() -> new NotFound("import"));
    }

    /** Newest first, after the import {@code after} (a cursor; null for the newest). */
    @Transactional(readOnly = true)
    public List<Import> list(UUID after, int limit) {
        return store.list(after, Math.max(1, Math.min(limit, 200)));
    }

    /** A queued import ends now; a running one after its current batch. What was imported stays. */
    @Transactional
    public Import cancel(UUID id, AuditTrail.Actor actor) {
        Import job = find(id);
        SignedInUser user = SignedInUser.require();
        if (Import.QUEUED.equals(job.status()) && store.finish(id, Import.CANCELLED, null)) {
            audit.record(user.tenant(), actor, "import.cancelled", "import", id.toString(), Map.of("processed", 0));
        } else if (Import.RUNNING.equals(job.status()) && store.requestCancel(id)) {
            audit.record(user.tenant(), actor, "import.cancel-requested", "import", id.toString(), Map.of());
        } else {
            throw new Conflict("status", "import.not-cancellable");
        }
        return find(id);
    }

    /**
     * Moves what the import created to the trash (restorable for 30 days), except the records someone changed after
     * the import ended; records the import only updated stay as they are. The notes it wrote go the same way, on
     * created and on updated records alike, each judged on its own: a note someone edited since stays, even on a
     * record that goes, and a note nobody touched goes, even from a record that stays (it came from the file being
     * undone). Audited with the counts.
     */
    @Transactional
    public Import undo(UUID id, AuditTrail.Actor actor) {
        Import job = find(id);
        if (!job.undoable() || job.finishedAt() == null) {
            throw new Conflict("status", "import.not-undoable");
        }
        SignedInUser user = SignedInUser.require();
        Map<String, Object> trashed = new LinkedHashMap<>();
        trashed.put(
                "contacts", undo(id, "contact", ids -> contacts.trashUnchanged(ids, job.finishedAt(), user.userId())));
        trashed.put("leads", undo(id, "lead", ids -> leads.trashUnchanged(ids, job.finishedAt(), user.userId())));
        trashed.put("deals", undo(id, "deal", ids -> deals.trashUnchanged(ids, job.finishedAt(), user.userId())));
        trashed.put(
                "companies",
                undo(id, "company", ids -> companies.trashUnchanged(ids, job.finishedAt(), user.userId())));
        trashed.put("notes", undo(id, "activity", ids -> notes.trashUnchanged(ids, job.finishedAt(), user.userId())));
        if (!store.markUndone(id)) {
            throw new Conflict("status", "import.not-undoable");
        }
        audit.record(user.tenant(), actor, "import.undone", "import", id.toString(), trashed);
        return find(id);
    }

    private long undo(UUID id, String type, java.util.function.ToIntFunction<List<UUID>> trash) {
        long trashed = 0;
        UUID after = null;
        while (true) {
            List<UUID> ids = store.created(id, type, after, UNDO_CHUNK);
            if (ids.isEmpty()) {
                return trashed;
            }
            trashed += trash.applyAsInt(ids);
            after = ids.getLast();
        }
    }

    /** The file's column headers, as the import read them. */
    @Transactional(readOnly = true)
    public List<String> columns(UUID id) {
        find(id);
        return store.columns(id);
    }

    /** Every rejected record, in file order (streamed: never all in memory). */
    @Transactional(readOnly = true)
    public void eachRejected(UUID id, Consumer<ImportStore.Rejected> each) {
        find(id);
        store.eachError(id, each);
    }

    /** The first records of an uploaded file and the suggested mapping (nothing stored). */
    public Preview preview(ImportObject object, Path upload, String fileName, int rows) throws UnreadableFile {
        try (RecordSource source = ImportReaders.open(upload, fileName)) {
            List<List<String>> first = new ArrayList<>();
            Optional<SourceRecord> next;
            while (first.size() < rows && (next = source.next()).isPresent()) {
                first.add(next.get().values());
            }
            return new Preview(source.columns(), first, HeaderMapping.suggest(object, source.columns()));
        } catch (IOException e) {
            throw new UnreadableFile("The file could not be read.");
        }
    }

    @Transactional
    public void saveMapping(ImportObject object, String name, Map<String, String> columns) {
        SignedInUser user = SignedInUser.require();
        Validation check = Validation.start();
        String kept = check.text("mappingName", name, 100);
        check.throwIfInvalid();
        store.saveMapping(user.tenant(), Ids.newId(), kept, object, columns, user.userId());
    }

    /** Deletes a saved mapping of the caller's Client (anyone who may import may save one, and so delete it). */
    @Transactional
    public void deleteMapping(UUID id) {
        SignedInUser.require();
        if (!store.deleteMapping(id)) {
            throw new io.team365.core.NotFound("mapping");
        }
    }

    @Transactional(readOnly = true)
    public List<ImportStore.SavedMapping> mappings(ImportObject object) {
        return store.mappings(object);
    }

    /** Column index → field: the given mapping (by header) checked, or the suggestion for known headers. */
    private Map<Integer, String> mapping(
            Validation check, ImportObject object, List<String> columns, Map<String, String> given) {
        Map<Integer, String> mapping = new TreeMap<>();
        if (given == null) {
            mapping.putAll(HeaderMapping.suggest(object, columns));
        } else {
            List<String> targets = targets(object);
            given.forEach((column, field) -> {
                if (field == null || field.isBlank()) {
                    return; // a column left out
                }
                if (!targets.contains(field.strip())) {
                    check.reject("mapping." + column, "import.mapping-field", field);
                    return;
                }
                boolean found = false;
                for (int i = 0; i < columns.size(); i++) {
                    if (columns.get(i).strip().equals(column.strip())) {
                        mapping.put(i, field.strip());
                        found = true;
                    }
                }
                if (!found) {
                    check.reject("mapping." + column, "import.mapping-column");
                }
            });
        }
        if (!check.hasErrors() && mapping.isEmpty()) {
            check.reject("mapping", "import.mapping-empty");
        }
        return mapping;
    }

    /** {@code none}, {@code legitimate-interest} or {@code consent:<purpose>} (contacts only, an offered purpose). */
    private String consentBasis(Validation check, String given, ImportObject object) {
        String basis = given == null || given.isBlank() ? "none" : given.strip();
        if (basis.equals("none") || basis.equals("legitimate-interest")) {
            return basis;
        }
        if (basis.startsWith("consent:")) {
            if (object != null && object != ImportObject.CONTACTS) {
                check.reject("consentBasis", "import.consent-contacts-only");
                return basis;
            }
            String purpose = basis.substring("consent:".length());
            if (consent.activePurposeKeys(SignedInUser.require().tenant()).contains(purpose)) {
                return basis;
            }
        }
        check.reject("consentBasis", "import.consent-basis");
        return basis;
    }

    private static List<String> columns(Path upload, String fileName) throws UnreadableFile {
        try (RecordSource source = ImportReaders.open(upload, fileName)) {
            return List.copyOf(source.columns());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String fileName(String raw) {
        String name = raw == null ? "" : raw.replaceAll("[\\p{Cntrl}/\\\\]", "").strip();
        if (name.isEmpty()) {
            return "import.csv";
        }
        return name.length() > 255 ? name.substring(name.length() - 255) : name;
    }

    static String recordType(ImportObject object) {
        return switch (object) {
            case CONTACTS -> "contact";
            case COMPANIES -> "company";
            case LEADS -> "lead";
            case DEALS -> "deal";
        };
    }

    private static void afterCommit(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        } else {
            action.run();
        }
    }
}
