package io.team365.contacts.internal;

import io.team365.contacts.Contact;
import io.team365.core.RecordLookup;
import io.team365.core.RecordRef;
import io.team365.core.RecordTable;
import io.team365.identity.TeamManagement;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Contacts as other modules see them: a table for the shared jobs, and links that respect who may see what. */
@Configuration
class ContactRecords {

    static final RecordTable TABLE = new RecordTable("contact", "contacts");

    @Bean
    RecordTable contactTable() {
        return TABLE;
    }

    @Bean
    RecordLookup contactLookup(ContactStore store, TeamManagement team) {
        return RecordLookup.of(
                "contact",
                id -> store.findVisible(id, team.recordScope())
                        .map(c -> new RecordRef("contact", c.id(), displayName(c), "/contacts/" + c.id())));
    }

    private static String displayName(Contact contact) {
        return contact.displayName();
    }
}
