package io.team365.deals.internal;

import io.team365.core.RecordLookup;
import io.team365.core.RecordRef;
import io.team365.core.RecordTable;
import io.team365.identity.TeamManagement;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Deals as other modules see them: a table for the shared jobs, and links that respect who may see what. */
@Configuration
class DealRecords {

    static final RecordTable TABLE = new RecordTable("deal", "deals");

    @Bean
    RecordTable dealTable() {
        return TABLE;
    }

    @Bean
    RecordLookup dealLookup(DealStore store, TeamManagement team) {
        return RecordLookup.of(
                "deal",
                id -> store.findVisible(id, team.recordScope())
                        .map(d -> new RecordRef("deal", d.id(), d.name(), "/deals/" + d.id())));
    }
}
