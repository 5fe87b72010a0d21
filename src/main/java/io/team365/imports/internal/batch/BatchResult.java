package io.team365.imports.internal.batch;

import io.team365.imports.internal.ImportStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What a batch did: a count per outcome (one outcome per record), the rejected records, the created ids. */
public final class BatchResult {

    long created;
    long updated;
    long skipped;
    long suppressed;
    long companies;
    final List<ImportStore.Rejected> rejected = new ArrayList<>();
    final Map<String, List<UUID>> createdIds = new LinkedHashMap<>();

    public void reject(MappedRow row, String reason) {
        rejected.add(new ImportStore.Rejected(row.number(), reason, row.raw()));
    }

    public void created(String recordType, List<UUID> ids) {
        createdIds.computeIfAbsent(recordType, t -> new ArrayList<>()).addAll(ids);
    }

    public List<ImportStore.Rejected> rejected() {
        return rejected;
    }

    public Map<String, List<UUID>> createdIds() {
        return createdIds;
    }

    public ImportStore.Counts counts(long processed) {
        return new ImportStore.Counts(processed, created, updated, skipped, rejected.size(), suppressed, companies);
    }
}
