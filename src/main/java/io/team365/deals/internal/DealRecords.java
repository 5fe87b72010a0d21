package io.team365.deals.internal;

import io.team365.core.RecordLookup;
import io.team365.core.RecordRef;
import io.team365.core.RecordTable;
import io.team365.identity.TeamManagement;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Deals as other modules see them: a table for the shared jobs, and links that respect who may see what. */
@Configuration
class DealRecords {

    @Bean
    RecordTable dealTable() {
        return new RecordTable("deal", "deals");
    }

    @Bean
    RecordLookup dealLookup(DealStore store, TeamManagement team) {
        return new RecordLookup() {
            @Override
            public String recordType() {
                return "deal";
            }

            @Override
            public Optional<RecordRef> find(UUID id) {
                return store.findVisible(id, team.recordScope())
                        .map(d -> new RecordRef("deal", d.id(), d.name(), "/deals/" + d.id()));
            }
        };
    }
}
