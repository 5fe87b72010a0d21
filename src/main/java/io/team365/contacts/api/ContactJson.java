package io.team365.contacts.api;

import io.team365.contacts.Contact;
import io.team365.contacts.SocialLink;
import io.team365.core.PostalAddress;
import java.util.List;
import java.util.Map;

/** A contact as the API shows it (API.md "CRM records"). */
record ContactJson(
        String id,
        String firstName,
        String lastName,
        List<Contact.Email> emails,
        List<Contact.Phone> phones,
        String jobTitle,
        String companyId,
        String ownerId,
        List<String> tags,
        String source,
        Map<String, Object> customFields,
        PostalAddress address,
        List<SocialLink> socialLinks,
        int version,
        String createdAt,
        String updatedAt,
        String deletedAt) {

    static ContactJson of(Contact c) {
        return new ContactJson(
                c.id().toString(),
                c.firstName(),
                c.lastName(),
                c.emails(),
                c.phones(),
                c.jobTitle(),
                c.companyId() == null ? null : c.companyId().toString(),
                c.ownerId() == null ? null : c.ownerId().toString(),
                c.tags(),
                c.source(),
                c.customFields(),
                c.address(),
                c.socialLinks(),
                c.version(),
                c.createdAt().toString(),
                c.updatedAt().toString(),
                c.deletedAt() == null ? null : c.deletedAt().toString());
    }
}
