package io.team365.leads;

import io.team365.contacts.Contact;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** The fields of a lead a person may set; what create takes and what a patch changes. */
public record LeadFields(
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
        Map<String, Object> customFields) {

    /** Null lists mean empty; null elements are dropped; a custom field set to null is removed (merge patch). */
    public LeadFields {
        emails = emails == null
                ? List.of()
                : emails.stream().filter(Objects::nonNull).toList();
        phones = phones == null
                ? List.of()
                : phones.stream().filter(Objects::nonNull).toList();
        tags = tags == null ? List.of() : tags.stream().filter(Objects::nonNull).toList();
        Map<String, Object> present = new LinkedHashMap<>();
        if (customFields != null) {
            customFields.forEach((key, value) -> {
                if (key != null && value != null) {
                    present.put(key, value);
                }
            });
        }
        customFields = Collections.unmodifiableMap(present);
    }

    public static LeadFields empty() {
        return new LeadFields(null, null, null, null, null, null, null, null, null, null, null, null);
    }

    public static LeadFields of(Lead lead) {
        return new LeadFields(
                lead.firstName(),
                lead.lastName(),
                lead.emails(),
                lead.phones(),
                lead.jobTitle(),
                lead.companyName(),
                lead.ownerId(),
                lead.tags(),
                lead.source(),
                lead.status(),
                lead.unqualifiedReason(),
                lead.customFields());
    }

    public LeadFields withOwner(UUID owner) {
        return new LeadFields(
                firstName,
                lastName,
                emails,
                phones,
                jobTitle,
                companyName,
                owner,
                tags,
                source,
                status,
                unqualifiedReason,
                customFields);
    }

    public LeadFields withTags(List<String> newTags) {
        return new LeadFields(
                firstName,
                lastName,
                emails,
                phones,
                jobTitle,
                companyName,
                ownerId,
                newTags,
                source,
                status,
                unqualifiedReason,
                customFields);
    }

    public LeadFields withStatus(String newStatus) {
        return new LeadFields(
                firstName,
                lastName,
                emails,
                phones,
                jobTitle,
                companyName,
                ownerId,
                tags,
                source,
                newStatus,
                unqualifiedReason,
                customFields);
    }

    public LeadFields withCustomFields(Map<String, Object> values) {
        return new LeadFields(
                firstName,
                lastName,
                emails,
                phones,
                jobTitle,
                companyName,
                ownerId,
                tags,
                source,
                status,
                unqualifiedReason,
                values);
    }
}
