package io.team365.core.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.team365.support.IntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * The embedded PostgreSQL runs with the settings a million-record Client needs (ADR 0035, 0036), not the defaults it
 * would start with: a larger cache, and that cache's contents kept across restarts.
 */
class EmbeddedDatabaseSettingsTests extends IntegrationTest {

    @Test
    void theCacheIsLargerThanPostgresDefault() {
        assertThat(setting("shared_buffers")).isEqualTo("256MB");
    }

    @Test
    void theCachedBlocksAreRememberedAcrossRestarts() {
        // pg_prewarm's settings exist only once the library is loaded at start; its leader then writes the list of
        // cached blocks at shutdown and reads them back after the next start
        assertThat(setting("pg_prewarm.autoprewarm")).isEqualTo("on");
    }

    private String setting(String name) {
        return jdbc.sql("select current_setting(:name, true)")
                .param("name", name)
                .query(String.class)
                .single();
    }
}
