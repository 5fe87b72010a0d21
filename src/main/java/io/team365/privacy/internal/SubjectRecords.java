package io.team365.privacy.internal;

import java.util.List;
import java.util.UUID;

/** The records that are about one data subject, found by their email address. */
public record SubjectRecords(List<String> emails, List<UUID> contactIds, List<UUID> leadIds, List<UUID> userIds) {

    public SubjectRecords {
        emails = List.copyOf(emails);
        contactIds = List.copyOf(contactIds);
        leadIds = List.copyOf(leadIds);
        userIds = List.copyOf(userIds);
    }

    public boolean isEmpty() {
        return contactIds.isEmpty() && leadIds.isEmpty() && userIds.isEmpty();
    }
}
