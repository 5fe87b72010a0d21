package io.team365.companies.internal;

import io.team365.core.RecordLookup;
import io.team365.core.RecordRef;
import io.team365.core.RecordTable;
import io.team365.identity.TeamManagement;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Companies as other modules see them: a table for the shared jobs, and links that respect who may see what. */
@Configuration
class CompanyRecords {

    static final RecordTable TABLE = new RecordTable("company", "companies");

    @Bean
    RecordTable companyTable() {
        return TABLE;
    }

    @Bean
    RecordLookup companyLookup(CompanyStore store, TeamManagement team) {
        return RecordLookup.of(
                "company",
                id -> store.findVisible(id, team.recordScope())
                        .map(c -> new RecordRef("company", c.id(), c.name(), "/companies/" + c.id())));
    }
}
