package io.team365.leads.api;

import io.team365.contacts.Contact;
import io.team365.leads.Lead;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A lead as the API shows it: a contact's fields plus status and company name, and what it was converted into. */
record LeadJson(
        String id,
        String firstName,
        String lastName,
        List<Contact.Email> emails,
        List<Contact.Phone> phones,
        String jobTitle,
        String companyName,
        String ownerId,
        List<String> tags,
        String source,
        String status,
        String unqualifiedReason,
        Map<String, Object> customFields,
        String convertedAt,
        String convertedContactId,
        String convertedCompanyId,
        String convertedDealId,
        int version,
        String createdAt,
        String createdBy,
        String updatedAt,
        String updatedBy,
        String deletedAt) {

    static LeadJson of(Lead l) {
        return new LeadJson(
                l.id().toString(),
                l.firstName(),
                l.lastName(),
                l.emails(),
                l.phones(),
                l.jobTitle(),
                l.companyName(),
                text(l.ownerId()),
                l.tags(),
                l.source(),
                l.status(),
                l.unqualifiedReason(),
                l.customFields(),
                text(l.convertedAt()),
                text(l.convertedContactId()),
                text(l.convertedCompanyId()),
                text(l.convertedDealId()),
                l.version(),
                text(l.createdAt()),
                text(l.createdBy()),
                text(l.updatedAt()),
                text(l.updatedBy()),
                text(l.deletedAt()));
    }

    private static String text(UUID id) {
        return id == null ? null : id.toString();
    }

    private static String text(Instant at) {
        return at == null ? null : at.toString();
    }
}
