package io.team365.activities.internal;

import io.team365.core.RecordLookup;
import io.team365.core.RecordRef;
import io.team365.core.RecordTable;
import io.team365.identity.TeamManagement;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Activities as other modules see them: a table for the shared jobs, and links that respect who may see what. */
@Configuration
class ActivityRecords {

    @Bean
    RecordTable activityTable() {
        return new RecordTable("activity", "activities");
    }

    @Bean
    RecordLookup activityLookup(ActivityStore store, TeamManagement team) {
        return new RecordLookup() {
            @Override
            public String recordType() {
                return "activity";
            }

            @Override
            public Optional<RecordRef> find(UUID id) {
                return store.findVisible(id, team.recordScope())
                        .map(a -> new RecordRef("activity", a.id(), a.subject(), "/activities/" + a.id()));
            }
        };
    }
}
