package io.team365.contacts;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The fields of a contact a person may set; what create takes and what a patch changes. */
public record ContactFields(
        String firstName,
        String lastName,
        List<Contact.Email> emails,
        List<Contact.Phone> phones,
        String jobTitle,
        UUID companyId,
        UUID ownerId,
        List<String> tags,
        String source,
        Map<String, Object> customFields) {

    public ContactFields {
        emails = emails == null ? List.of() : List.copyOf(emails);
        phones = phones == null ? List.of() : List.copyOf(phones);
        tags = tags == null ? List.of() : List.copyOf(tags);
        customFields = customFields == null ? Map.of() : Map.copyOf(customFields);
    }

    public static ContactFields empty() {
        return new ContactFields(null, null, null, null, null, null, null, null, null, null);
    }

    public static ContactFields of(Contact contact) {
        return new ContactFields(
                contact.firstName(),
                contact.lastName(),
                contact.emails(),
                contact.phones(),
                contact.jobTitle(),
                contact.companyId(),
                contact.ownerId(),
                contact.tags(),
                contact.source(),
                contact.customFields());
    }
}
