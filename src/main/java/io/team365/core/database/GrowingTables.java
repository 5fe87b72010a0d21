package io.team365.core.database;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the planner's statistics up with tables a bulk write is growing (a first mail sync, a large import), which
 * autovacuum refreshes only after a minute or more: until then the planner takes the grown table for the small one it
 * last analysed, and lookups that should probe an index scan ever more rows (ADR 0035). Cheap to call after every
 * batch: a table is analysed only once it has changed by more rows than it held at its last analysis.
 */
@Component
public class GrowingTables {

    private static final Logger log = LoggerFactory.getLogger(GrowingTables.class);

    private final JdbcClient jdbc;

    GrowingTables(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Analyses those of the tables (tenant tables only) that have grown enough; returns the ones analysed. Runs in a
     * transaction of its own, after the batch that grew them has committed, and never waits for a table's lock.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public List<String> analyzeIfGrown(String... tables) {
        try {
            return jdbc.sql("select unnest(analyze_if_grown(:tables))")
                    .param("tables", tables)
                    .query(String.class)
                    .list();
        } catch (DataAccessException e) {
            // only an optimisation: the work that grew the tables is done and committed, it must not fail for this
            log.warn("Could not analyse {}: {}", String.join(", ", tables), e.getMessage());
            return List.of();
        }
    }
}
