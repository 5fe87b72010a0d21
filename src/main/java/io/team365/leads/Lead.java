package io.team365.leads;

import io.team365.contacts.Contact;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A person who may become a customer, not yet a contact. Once converted ({@code convertedAt} set) it points at the
 * records it became and can no longer be changed. {@code version} increases with every change (optimistic locking).
 */
public record Lead(
        UUID id,
        String firstName,
        String lastName,
        List<Contact.Email> emails,
        List<Contact.Phone> phones,
        String jobTitle,
        String companyName,
        UUID ownerId,
        List<String> tags,
        String source,
        String status,
        String unqualifiedReason,
        Map<String, Object> customFields,
        Instant convertedAt,
        UUID convertedContactId,
        UUID convertedCompanyId,
        UUID convertedDealId,
        Instant createdAt,
        UUID createdBy,
        Instant updatedAt,
        UUID updatedBy,
        int version,
        Instant deletedAt) {

    /** The statuses a person may set; {@link #CONVERTED} is set only by a conversion. */
    public static final List<String> STATUSES = List.of("new", "contacted", "qualified", "unqualified");

    public static final String CONVERTED = "converted";

    /** Every status a lead can be in, for filters and badges. */
    public static final List<String> ALL_STATUSES = List.of("new", "contacted", "qualified", "unqualified", CONVERTED);

    public boolean converted() {
        return convertedAt != null;
    }

    public String displayName() {
        String name = ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).strip();
        if (!name.isEmpty()) {
            return name;
        }
        return emails.isEmpty() ? "" : emails.getFirst().address();
    }

    public String primaryEmail() {
        return emails.stream()
                .filter(Contact.Email::primary)
                .findFirst()
                .or(() -> emails.stream().findFirst())
                .map(Contact.Email::address)
                .orElse(null);
    }
}
