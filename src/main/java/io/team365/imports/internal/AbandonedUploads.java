package io.team365.imports.internal;

import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Once an hour, removes uploads that the wizard received but nobody turned into an import within a day. */
@Component
class AbandonedUploads {

    static final Duration KEPT_FOR = Duration.ofDays(1);
    private static final Logger log = LoggerFactory.getLogger(AbandonedUploads.class);

    private final ImportFiles files;
    private final Clock clock;

    AbandonedUploads(ImportFiles files, Clock clock) {
        this.files = files;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    void sweep() {
        int deleted = files.deleteAbandonedUploads(clock.instant().minus(KEPT_FOR));
        if (deleted > 0) {
            log.info("Deleted {} abandoned import upload(s)", deleted);
        }
    }
}
