package io.team365.imports.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.team365.imports.Import;
import io.team365.imports.ImportObject;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The rate and the time left the progress bar shows, from an import's counts and clock times. */
class ImportProgressTests {

    private static final Instant START = Instant.parse("2026-12-02T10:00:00Z");

    @Test
    void rateIsRowsPerSecondSinceTheStartAndTimeLeftIsWhatRemainsAtThatRate() {
        // 30,000 of 100,000 rows in 60 s: 500 rows/s, 70,000 left = 140 s
        ImportProgress progress = ImportProgress.of(running(100_000L, 30_000), START.plusSeconds(60));
        assertThat(progress.rate()).isEqualTo(500);
        assertThat(progress.secondsLeft()).isEqualTo(140);
    }

    @Test
    void nothingIsPromisedBeforeTheFirstRowsOrWithoutATotal() {
        assertThat(ImportProgress.of(running(100_000L, 0), START.plusSeconds(5)))
                .isEqualTo(new ImportProgress(0, null));
        ImportProgress unknownTotal = ImportProgress.of(running(null, 2_000), START.plusSeconds(4));
        assertThat(unknownTotal.rate()).isEqualTo(500);
        assertThat(unknownTotal.secondsLeft()).as("no total, no estimate").isNull();
        Import queued = new Import(
                UUID.randomUUID(),
                ImportObject.CONTACTS,
                "a.csv",
                Import.QUEUED,
                "skip",
                "DE",
                null,
                100L,
                0,
                0,
                0,
                0,
                0,
                0,
                0,
                false,
                null,
                UUID.randomUUID(),
                START,
                null,
                null);
        assertThat(ImportProgress.of(queued, START.plusSeconds(30))).isEqualTo(new ImportProgress(0, null));
    }

    @Test
    void aFinishedImportKeepsItsAverageRateAndHasNoTimeLeft() {
        Import done = new Import(
                UUID.randomUUID(),
                ImportObject.CONTACTS,
                "a.csv",
                Import.DONE,
                "skip",
                "DE",
                null,
                10_000L,
                10_000,
                9_000,
                0,
                500,
                500,
                0,
                0,
                false,
                null,
                UUID.randomUUID(),
                START,
                START,
                START.plusSeconds(20));
        ImportProgress progress = ImportProgress.of(done, START.plusSeconds(3_600));
        assertThat(progress.rate()).as("measured to the end, not to now").isEqualTo(500);
        assertThat(progress.secondsLeft()).isNull();
    }

    private static Import running(Long total, long processed) {
        return new Import(
                UUID.randomUUID(),
                ImportObject.CONTACTS,
                "a.csv",
                Import.RUNNING,
                "skip",
                "DE",
                null,
                total,
                processed,
                processed,
                0,
                0,
                0,
                0,
                0,
                false,
                null,
                UUID.randomUUID(),
                START,
                START,
                null);
    }
}
