package io.team365.imports.api;

import io.team365.imports.Import;
import java.time.Instant;
import java.util.UUID;

/** An import in the API: its status, counts and where the rejected rows are. */
public record ImportJson(
        UUID id,
        String object,
        String fileName,
        String status,
        String onDuplicate,
        String defaultRegion,
        String consentBasis,
        Long total,
        long processed,
        long created,
        long updated,
        long skipped,
        long failed,
        long suppressed,
        long companiesCreated,
        boolean cancelRequested,
        String errorMessage,
        String errorsUrl,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt) {

    public static ImportJson of(Import i) {
        return new ImportJson(
                i.id(),
                i.object().value(),
                i.fileName(),
                i.status(),
                i.onDuplicate(),
                i.defaultRegion(),
                i.consentBasis(),
                i.total(),
                i.processed(),
                i.created(),
                i.updated(),
                i.skipped(),
                i.failed(),
                i.suppressed(),
                i.companiesCreated(),
                i.cancelRequested(),
                i.errorMessage(),
                "/api/v1/imports/" + i.id() + "/errors",
                i.createdAt(),
                i.startedAt(),
                i.finishedAt());
    }
}
