package io.team365.contacts;

import io.team365.core.PostalAddress;
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
        Map<String, Object> customFields,
        PostalAddress address,
        List<SocialLink> socialLinks) {

    /** Null lists mean empty; null elements are dropped; a custom field set to null is removed (merge patch). */
    public ContactFields {
        emails = emails == null
                ? List.of()
                : emails.stream().filter(java.util.Objects::nonNull).toList();
        phones = phones == null
                ? List.of()
                : phones.stream().filter(java.util.Objects::nonNull).toList();
        tags = tags == null
                ? List.of()
                : tags.stream().filter(java.util.Objects::nonNull).toList();
        java.util.Map<String, Object> present = new java.util.LinkedHashMap<>();
        if (customFields != null) {
            customFields.forEach((key, value) -> {
                if (key != null && value != null) {
                    present.put(key, value);
                }
            });
        }
        customFields = java.util.Collections.unmodifiableMap(present);
        address = address == null ? PostalAddress.empty() : address;
        socialLinks = socialLinks == null
                ? List.of()
                : socialLinks.stream().filter(java.util.Objects::nonNull).toList();
    }

    public ContactFields withOwner(UUID owner) {
        return new ContactFields(
                firstName,
                lastName,
                emails,
                phones,
                jobTitle,
                companyId,
                owner,
                tags,
                source,
                customFields,
                address,
                socialLinks);
    }

    public ContactFields withTags(List<String> newTags) {
        return new ContactFields(
                firstName,
                lastName,
                emails,
                phones,
                jobTitle,
                companyId,
                ownerId,
                newTags,
                source,
                customFields,
                address,
                socialLinks);
    }

    public static ContactFields empty() {
        return new ContactFields(null, null, null, null, null, null, null, null, null, null, null, null);
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
                contact.customFields(),
                contact.address(),
                contact.socialLinks());
    }
}
