package io.team365.leads.internal;

import io.team365.contacts.Contact;
import io.team365.contacts.ContactDetails;
import io.team365.core.Tags;
import io.team365.core.Validation;
import io.team365.leads.Lead;
import io.team365.leads.LeadFields;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Checks and tidies a lead's fields, naming every field that is wrong. The contacts module keeps its rules
 * internal, so these repeat them (same limits, same wording) for the fields a lead shares with a contact: a lead
 * that passes here converts into a contact that passes there.
 */
final class LeadValidation {

    static final int MAX_REASON = 500;

    private LeadValidation() {}

    /** The fields cleaned up (trimmed, lower-cased addresses, one primary email), or every problem at once. */
    static LeadFields check(LeadFields fields, Set<UUID> members) {
        Validation check = Validation.start();
        String first = optionalText(check, "firstName", fields.firstName(), 100);
        String last = optionalText(check, "lastName", fields.lastName(), 100);
        List<Contact.Email> emails = ContactDetails.emails(check, fields.emails());
        List<Contact.Phone> phones = ContactDetails.phones(check, fields.phones());
        String jobTitle = optionalText(check, "jobTitle", fields.jobTitle(), 200);
        String companyName = optionalText(check, "companyName", fields.companyName(), 200);
        String source = optionalText(check, "source", fields.source(), 100);
        List<String> tags = Tags.checked(check, fields.tags());
        if (first == null && last == null && emails.isEmpty()) {
            check.reject("firstName", "lead.name-or-email");
        }
        if (fields.ownerId() != null && !members.contains(fields.ownerId())) {
            check.reject("ownerId", "lead.unknown-owner");
        }
        String status = fields.status() == null || fields.status().isBlank()
                ? "new"
                : fields.status().strip();
        String reason = null;
        if (Lead.CONVERTED.equals(status)) {
            check.reject("status", "lead.status-converted");
        } else if (!Lead.STATUSES.contains(status)) {
            check.reject("status", "lead.status", String.join(", ", Lead.STATUSES));
        } else if (status.equals("unqualified")) {
            // the reason is what makes an unqualified lead useful later; it is kept only while it applies
            if (fields.unqualifiedReason() == null || fields.unqualifiedReason().isBlank()) {
                check.reject("unqualifiedReason", "lead.unqualified-reason");
            } else {
                reason = check.text("unqualifiedReason", fields.unqualifiedReason(), MAX_REASON);
            }
        }
        check.throwIfInvalid();
        return new LeadFields(
                first,
                last,
                emails,
                phones,
                jobTitle,
                companyName,
                fields.ownerId(),
                tags,
                source,
                status,
                reason,
                fields.customFields());
    }

    private static String optionalText(Validation check, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return check.text(field, value, max);
    }
}
