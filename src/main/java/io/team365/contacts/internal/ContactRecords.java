package io.team365.contacts.internal;

import io.team365.contacts.Contact;
import io.team365.core.RecordLookup;
import io.team365.core.RecordRef;
import io.team365.core.RecordTable;
import io.team365.identity.TeamManagement;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Contacts as other modules see them: a table for the shared jobs, and links that respect who may see what. */
@Configuration
class ContactRecords {

    @Bean
    RecordTable contactTable() {
        return new RecordTable("contact", "contacts");
    }

    @Bean
    RecordLookup contactLookup(ContactStore store, TeamManagement team) {
        return new RecordLookup() {
            @Override
            public String recordType() {
                return "contact";
            }

            @Override
            public Optional<RecordRef> find(UUID id) {
                return store.findVisible(id, team.recordScope())
                        .map(c -> new RecordRef("contact", c.id(), displayName(c), "/contacts/" + c.id()));
            }
        };
    }

    private static String displayName(Contact contact) {
        return contact.displayName();
    }
}
