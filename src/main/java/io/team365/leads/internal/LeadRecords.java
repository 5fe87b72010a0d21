package io.team365.leads.internal;

import io.team365.core.RecordLookup;
import io.team365.core.RecordRef;
import io.team365.core.RecordTable;
import io.team365.identity.TeamManagement;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Leads as other modules see them: a table for the shared jobs, and links that respect who may see what. */
@Configuration
class LeadRecords {

    static final RecordTable TABLE = new RecordTable("lead", "leads");

    @Bean
    RecordTable leadTable() {
        return TABLE;
    }

    @Bean
    RecordLookup leadLookup(LeadStore store, TeamManagement team) {
        return new RecordLookup() {
            @Override
            public String recordType() {
                return "lead";
            }

            @Override
            public Optional<RecordRef> find(UUID id) {
                return store.findVisible(id, team.recordScope())
                        .map(l -> new RecordRef("lead", l.id(), l.displayName(), "/leads/" + l.id()));
            }
        };
    }
}
