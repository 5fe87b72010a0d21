package io.team365.retention.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Platform housekeeping, not a Client's rule: event publications (a platform table holding serialized events, which
 * may carry personal values) are kept until every listener processed them (the registry's UNTIL_PROCESSED), then a
 * few days for troubleshooting ({@code team365.retention.completed-events-kept}, 7 days), then deleted. Incomplete
 * publications stay: they are work still to do.
 */
@Component
public class CompletedPublications {

    private static final String COMPLETED_BEFORE = "completion_date is not null and completion_date < :cutoff";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration kept;

    CompletedPublications(
            JdbcClient jdbc, Clock clock, @Value("${team365.retention.completed-events-kept:7d}") Duration kept) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.kept = kept;
    }

    @Transactional(readOnly = true)
    public long count() {
        return jdbc.sql("select count(*) from event_publication where " + COMPLETED_BEFORE)
                .param("cutoff", Timestamp.from(cutoff()))
                .query(Long.class)
                .single();
    }

    @Transactional
    public long delete() {
        return jdbc.sql("delete from event_publication where " + COMPLETED_BEFORE)
                .param("cutoff", Timestamp.from(cutoff()))
                .update();
    }

    private Instant cutoff() {
        return clock.instant().minus(kept);
    }
}
