package io.team365.companies.internal;

import io.team365.core.RecordLookup;
import io.team365.core.RecordRef;
import io.team365.core.RecordTable;
import io.team365.identity.TeamManagement;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Companies as other modules see them: a table for the shared jobs, and links that respect who may see what. */
@Configuration
class CompanyRecords {

    @Bean
    RecordTable companyTable() {
        return new RecordTable("company", "companies");
    }

    @Bean
    RecordLookup companyLookup(CompanyStore store, TeamManagement team) {
        return new RecordLookup() {
            @Override
            public String recordType() {
                return "company";
            }

            @Override
            public Optional<RecordRef> find(UUID id) {
                return store.findVisible(id, team.recordScope())
                        .map(c -> new RecordRef("company", c.id(), c.name(), "/companies/" + c.id()));
            }
        };
    }
}
