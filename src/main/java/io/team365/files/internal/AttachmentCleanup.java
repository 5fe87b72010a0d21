package io.team365.files.internal;

import io.team365.core.RecordsAnonymised;
import io.team365.core.RecordsPurged;
import io.team365.core.TenantId;
import io.team365.files.FileStorage;
import io.team365.tenancy.TenantTransactions;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Deletes bytes that nothing refers to any more. Attachments purged from the trash lose their blobs; a purged
 * record loses its attachments, rows and blobs. Blobs go after the rows' deletion has committed, so a failure in
 * between can leave an unreferenced blob (never served, as nothing points at it) but never a row without its bytes.
 */
@Component
class AttachmentCleanup {

    private static final Logger log = LoggerFactory.getLogger(AttachmentCleanup.class);

    private final AttachmentStore store;
    private final FileStorage storage;
    private final TenantTransactions tenants;

    AttachmentCleanup(AttachmentStore store, FileStorage storage, TenantTransactions tenants) {
        this.store = store;
        this.storage = storage;
        this.tenants = tenants;
    }

    @Async
    @TransactionalEventListener
    void on(RecordsPurged event) {
        List<String> keys = "attachment".equals(event.recordType())
                ? event.recordIds().stream()
                        .map(id -> AttachmentStore.storageKey(event.tenant(), id))
                        .toList()
                : tenants.call(event.tenant(), null, () -> store.deleteOf(event.recordType(), event.recordIds()));
        deleteBlobs(event.tenant(), keys);
    }

    /** An anonymised record keeps no files: what is attached to a person's record is about them. */
    @Async
    @TransactionalEventListener
    void on(RecordsAnonymised event) {
        deleteBlobs(
                event.tenant(),
                tenants.call(event.tenant(), null, () -> store.deleteOf(event.recordType(), event.recordIds())));
    }

    private void deleteBlobs(TenantId tenant, List<String> keys) {
        for (String key : keys) {
            try {
                storage.delete(key);
            } catch (RuntimeException e) {
                log.warn("Could not delete the blob {} of Client {}", key, tenant, e);
            }
        }
    }
}
