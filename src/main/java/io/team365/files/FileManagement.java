package io.team365.files;

import io.team365.audit.AuditTrail;
import io.team365.core.Ids;
import io.team365.core.InvalidInput;
import io.team365.core.NotFound;
import io.team365.core.RecordChanged;
import io.team365.core.RecordLinks;
import io.team365.core.RecordRef;
import io.team365.core.Validation;
import io.team365.core.paging.KeysetSort;
import io.team365.core.paging.Page;
import io.team365.files.internal.AttachmentStore;
import io.team365.files.internal.UploadChecks;
import io.team365.identity.Actors;
import io.team365.identity.SignedInUser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Attaching files to records, listing, downloading, trashing and restoring them. An attachment is visible exactly
 * when its record is: row-level security keeps other Clients out, and {@link RecordLinks} applies the record's own
 * visibility rule, so a file never shows more than its record. Downloads and metadata reads are audited (files
 * hold personal data). What happens to attachments appears on the record's timeline.
 */
@Service
public class FileManagement {

    private final AttachmentStore store;
    private final FileStorage storage;
    private final UploadChecks checks;
    private final RecordLinks records;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;

    FileManagement(
            AttachmentStore store,
            FileStorage storage,
            UploadChecks checks,
            RecordLinks records,
            AuditTrail audit,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactions) {
        this.store = store;
        this.storage = storage;
        this.checks = checks;
        this.records = records;
        this.audit = audit;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** An attachment's bytes, opened for reading; the caller closes the stream. */
    public record Download(Attachment attachment, InputStream content) {}

    /** The largest file accepted, in bytes. */
    public long maxSize() {
        return checks.maxSize();
    }

    /** The record files are attached to, if it exists and the caller may see it; 404 otherwise. */
    public RecordRef record(String recordType, UUID recordId) {
        checkRecord(recordType, recordId).throwIfInvalid();
        return records.require(recordType, recordId);
    }

    /**
     * Checks and stores the file, then records it. The upload is read and stored before the database transaction,
     * so no connection waits on disk or network; if recording fails, the stored blob is deleted again.
     */
    public Attachment attach(String recordType, UUID recordId, FileUpload upload, AuditTrail.Actor actor) {
        SignedInUser user = SignedInUser.require();
        Validation problems = checkRecord(recordType, recordId);
        if (upload == null || upload.content() == null) {
            problems.reject("file", "files.required");
        } else {
            try {
                checks.checkedName(upload.fileName());
            } catch (InvalidInput invalid) {
                invalid.errors().forEach(e -> problems.reject(e.field(), e.messageKey(), e.args()));
            }
        }
        problems.throwIfInvalid();
        RecordRef record = records.require(recordType, recordId);
        UUID id = Ids.newId();
        String key = AttachmentStore.storageKey(user.tenant(), id);
        try (UploadChecks.CheckedFile checked = checks.check(upload, LocaleContextHolder.getLocale());
                InputStream bytes = checked.open()) {
            FileStorage.StoredBlob blob = storage.put(key, bytes);
            Attachment attachment = new Attachment(
                    id,
                    record.type(),
                    record.id(),
                    checked.fileName(),
                    checked.contentType(),
                    blob.size(),
                    blob.sha256(),
                    user.userId(),
                    Instant.now().truncatedTo(ChronoUnit.MICROS),
                    null);
            try {
                transaction.executeWithoutResult(status -> {
                    store.insert(user.tenant(), attachment, key);
                    audit.record(
                            user.tenant(),
                            actor,
                            "file.attached",
                            "file",
                            id.toString(),
                            Map.of(
                                    "recordType",
                                    record.type(),
                                    "recordId",
                                    record.id().toString()));
                    publish(user, attachment, "file.attached", attachment.createdAt());
                });
            } catch (RuntimeException e) {
                storage.delete(key);
                throw e;
            }
            return attachment;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One page of a record's attachments (its trash with {@code deleted}); 404 if the record is not visible. */
    public Page<Attachment> list(
            String recordType, UUID recordId, boolean deleted, String sort, String cursor, int limit) {
        KeysetSort.checkedLimit(limit);
        RecordRef record = record(recordType, recordId);
        Page<Attachment> page = store.list(record.type(), record.id(), deleted, sort, cursor, limit);
        // one audit entry per list read, about the record whose files were listed: how many, never names
        audit.record(
                SignedInUser.require().tenant(),
                Actors.current(),
                "file.listed",
                record.type(),
                record.id().toString(),
                Map.of("count", page.items().size(), "recordType", "file"));
        return page;
    }

    /** An attachment's metadata, trash included; the read is audited. */
    public Attachment find(UUID id, AuditTrail.Actor actor) {
        Attachment attachment = visible(id).attachment();
        audit.record(SignedInUser.require().tenant(), actor, "file.viewed", "file", id.toString(), Map.of());
        return attachment;
    }

    /** The bytes of an attachment (trash included) for a person to download; the download is audited. */
    public Download open(UUID id, AuditTrail.Actor actor) {
        AttachmentStore.Stored stored = visible(id);
        InputStream content;
        try {
            content = storage.open(stored.storageKey());
        } catch (IOException e) {
            throw new UncheckedIOException("The stored file " + id + " cannot be read", e);
        }
        audit.record(SignedInUser.require().tenant(), actor, "file.downloaded", "file", id.toString(), Map.of());
        return new Download(stored.attachment(), content);
    }

    /** Moves the attachment to the trash (its bytes stay until the trash is purged, 30 days later). */
    public Attachment trash(UUID id, AuditTrail.Actor actor) {
        SignedInUser user = SignedInUser.require();
        Attachment attachment = visible(id).attachment();
        transaction.executeWithoutResult(status -> {
            if (!store.moveToTrash(id)) {
                throw new NotFound("file");
            }
            audit.record(user.tenant(), actor, "file.trashed", "file", id.toString(), Map.of());
            publish(user, attachment, "file.removed", Instant.now());
        });
        return attachment;
    }

    public Attachment restore(UUID id, AuditTrail.Actor actor) {
        SignedInUser user = SignedInUser.require();
        Attachment attachment = visible(id).attachment();
        transaction.executeWithoutResult(status -> {
            if (!store.restore(id)) {
                throw new NotFound("file in the trash");
            }
            audit.record(user.tenant(), actor, "file.restored", "file", id.toString(), Map.of());
            publish(user, attachment, "file.restored", Instant.now());
        });
        return store.find(id).orElseThrow().attachment();
    }

    /** The attachment if it exists in this Client and its record is visible to the caller: else 404, either way. */
    private AttachmentStore.Stored visible(UUID id) {
        return store.find(id)
                .filter(s -> records.find(
                                s.attachment().recordType(), s.attachment().recordId())
                        .isPresent())
                .orElseThrow(() -> new NotFound("file"));
    }

    private Validation checkRecord(String recordType, UUID recordId) {
        Validation validation = Validation.start();
        if (recordId == null) {
            validation.reject("recordId", "validation.required");
        }
        if (recordType == null || recordType.isBlank()) {
            validation.reject("recordType", "validation.required");
        } else if (!records.knowsType(recordType)) {
            validation.reject("recordType", "files.record-type");
        }
        return validation;
    }

    /** On the record's timeline: the record's type and id, the file's name as the title. */
    private void publish(SignedInUser user, Attachment attachment, String kind, Instant at) {
        events.publishEvent(new RecordChanged(
                user.tenant(),
                attachment.recordType(),
                attachment.recordId(),
                attachment.fileName(),
                kind,
                List.of(),
                user.userId(),
                user.name(),
                at));
    }
}
