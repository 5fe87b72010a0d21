package io.team365.exports.internal;

import io.team365.tenancy.DatabaseLookups;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Exports run on a thread of the server that accepted them, so a server that stops leaves its exports unfinished.
 * This sweep, across Clients, marks as failed (with a reason the person sees) a running export whose progress has
 * not moved for {@link #STALLED} (a step of progress is a few thousand rows, seconds of work) and a queued one that
 * never started within {@link #NEVER_STARTED}. The partial file is never served and goes with the retention sweep.
 */
@Component
public class InterruptedExports {

    static final Duration STALLED = Duration.ofMinutes(10);
    static final Duration NEVER_STARTED = Duration.ofHours(6);
    static final String REASON = "exports.error.interrupted";
    private static final Logger log = LoggerFactory.getLogger(InterruptedExports.class);

    private final JdbcClient jdbc;
    private final Clock clock;

    InterruptedExports(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "PT5M", initialDelayString = "PT1M")
    @Transactional
    public int markFailed() {
        DatabaseLookups.asWorker(jdbc, "export-sweeper");
        Instant now = clock.instant();
        int failed = jdbc.sql("""
                        update exports set status = 'failed', error = :reason, finished_at = :now
                        where (status = 'running' and progress_at < :stalled)
                           or (status = 'queued' and created_at < :neverStarted)
                        """)
                .param("reason", REASON)
                .param("now", Timestamp.from(now))
                .param("stalled", Timestamp.from(now.minus(STALLED)))
                .param("neverStarted", Timestamp.from(now.minus(NEVER_STARTED)))
                .update();
        if (failed > 0) {
            log.warn("{} export(s) stopped with their server and were marked failed", failed);
        }
        return failed;
    }
}
