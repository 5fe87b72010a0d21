package io.team365.privacy;

import io.team365.core.TenantId;
import io.team365.identity.SignedInUser;
import io.team365.privacy.internal.ValueSourceStore;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where every stored value about a person came from (a user, an import file, a connected account, a web form, a
 * partner, enrichment), per record and field. Changes made by people are recorded by the privacy module itself
 * (it hears every {@code RecordChanged}); modules that bring values from elsewhere either run their work inside
 * {@link #attributing} or call {@link #record} for each field afterwards.
 */
@Service
public class ValueSources {

    public static final Set<String> RECORD_TYPES = Set.of("contact", "lead", "company");

    /** The source that changes made on this thread are attributed to, while {@link #attributing} runs. */
    public record Attribution(ValueSource source, String detail) {}

    private static final ThreadLocal<Attribution> CURRENT = new ThreadLocal<>();

    private final ValueSourceStore store;
    private final Clock clock;

    ValueSources(ValueSourceStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /**
     * Records where a field's current value came from, replacing what was recorded before. Runs in the caller's
     * transaction, bound to {@code tenant}.
     */
    @Transactional
    public void record(
            TenantId tenant, String recordType, UUID recordId, String field, ValueSource source, String detail) {
        if (!RECORD_TYPES.contains(recordType) || recordId == null || source == null) {
            throw new IllegalArgumentException("value sources are kept for contacts, leads and companies");
        }
        if (field == null || field.isBlank() || field.length() > 100) {
            throw new IllegalArgumentException("a field name of 1 to 100 characters");
        }
        String kept = detail == null || detail.isBlank() ? null : detail.strip();
        if (kept != null && kept.length() > 200) {
            kept = kept.substring(0, 200);
        }
        UUID by = SignedInUser.current().map(SignedInUser::userId).orElse(null);
        store.put(tenant, recordType, recordId, field, source.value(), kept, by, clock.instant());
    }

    /**
     * Records that an import set these fields of these records (for bulk imports, which publish no change event per
     * record): record id → the fields it set, by their history names; {@code detail} is the file's name. Kept as one
     * row per record and import (ADR 0019); {@link #of} and access packages still answer per field. {@code created}
     * are those of the records that the same transaction just created: nothing can be recorded about them yet, so
     * there is nothing of theirs to replace (for the others, earlier sources of the fields the import set go). Runs
     * in the caller's transaction, bound to {@code tenant}.
     */
    @Transactional
    public void recordImported(
            TenantId tenant,
            String recordType,
            Map<UUID, ? extends Collection<String>> fieldsByRecord,
            Set<UUID> created,
            UUID importId,
            String detail,
            UUID by) {
        if (!RECORD_TYPES.contains(recordType) || importId == null) {
            throw new IllegalArgumentException("value sources are kept for contacts, leads and companies");
        }
        fieldsByRecord.values().forEach(fields -> {
            if (fields.isEmpty() || fields.stream().anyMatch(f -> f == null || f.isBlank() || f.length() > 100)) {
                throw new IllegalArgumentException("field names of 1 to 100 characters, at least one per record");
            }
        });
        if (fieldsByRecord.isEmpty()) {
            return;
        }
        String kept = detail == null || detail.isBlank() ? null : detail.strip();
        if (kept != null && kept.length() > 200) {
            kept = kept.substring(0, 200);
        }
        store.putImported(tenant, recordType, fieldsByRecord, created, importId, kept, by, clock.instant());
    }

    /**
     * Runs work whose record changes came from {@code source} (an import, a connected mailbox): the fields it
     * creates or changes are recorded with that source instead of "user".
     */
    public <T> T attributing(ValueSource source, String detail, Supplier<T> work) {
        Attribution previous = CURRENT.get();
        CURRENT.set(new Attribution(source, detail));
        try {
            return work.get();
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }

    /** The attribution {@link #attributing} set on this thread, if any. */
    public static java.util.Optional<Attribution> currentAttribution() {
        return java.util.Optional.ofNullable(CURRENT.get());
    }

    /** The sources of a record's fields, by field name; the caller has checked the record may be seen. */
    @Transactional(readOnly = true)
    public List<ValueOrigin> of(String recordType, UUID recordId) {
        return store.of(recordType, recordId);
    }
}
