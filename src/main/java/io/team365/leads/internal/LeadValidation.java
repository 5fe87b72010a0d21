package io.team365.leads.internal;

import io.team365.contacts.Contact;
import io.team365.core.Validation;
import io.team365.leads.Lead;
import io.team365.leads.LeadFields;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Checks and tidies a lead's fields, naming every field that is wrong. The contacts module keeps its rules
 * internal, so these repeat them (same limits, same wording) for the fields a lead shares with a contact: a lead
 * that passes here converts into a contact that passes there.
 */
final class LeadValidation {

    static final int MAX_EMAILS = 10;
    static final int MAX_PHONES = 10;
    static final int MAX_TAGS = 20;
    static final int MAX_REASON = 500;
    private static final Pattern PHONE = Pattern.compile("^\\+?[0-9 ()./-]{3,40}$");

    private LeadValidation() {}

    /** The fields cleaned up (trimmed, lower-cased addresses, one primary email), or every problem at once. */
    static LeadFields check(LeadFields fields, Set<UUID> members) {
        Validation check = Validation.start();
        String first = optionalText(check, "firstName", fields.firstName(), 100);
        String last = optionalText(check, "lastName", fields.lastName(), 100);
        List<Contact.Email> emails = emails(check, fields.emails());
        List<Contact.Phone> phones = phones(check, fields.phones());
        String jobTitle = optionalText(check, "jobTitle", fields.jobTitle(), 200);
        String companyName = optionalText(check, "companyName", fields.companyName(), 200);
        String source = optionalText(check, "source", fields.source(), 100);
        List<String> tags = tags(check, fields.tags());
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

    private static List<Contact.Email> emails(Validation check, List<Contact.Email> emails) {
        if (emails.size() > MAX_EMAILS) {
            check.reject("emails", "lead.too-many", MAX_EMAILS);
            return List.of();
        }
        List<Contact.Email> cleaned = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        boolean primarySeen = false;
        for (int i = 0; i < emails.size(); i++) {
            Contact.Email email = emails.get(i);
            String address = check.email("emails[" + i + "].address", email.address());
            String label = email.label() == null || email.label().isBlank()
                    ? null
                    : check.text("emails[" + i + "].label", email.label(), 30);
            if (!seen.add(address)) {
                continue; // the same address twice is one address
            }
            boolean primary = email.primary() && !primarySeen;
            primarySeen |= primary;
            cleaned.add(new Contact.Email(address, label, primary));
        }
        if (!primarySeen && !cleaned.isEmpty()) {
            Contact.Email first = cleaned.getFirst();
            cleaned.set(0, new Contact.Email(first.address(), first.label(), true));
        }
        return cleaned;
    }

    private static List<Contact.Phone> phones(Validation check, List<Contact.Phone> phones) {
        if (phones.size() > MAX_PHONES) {
            check.reject("phones", "lead.too-many", MAX_PHONES);
            return List.of();
        }
        List<Contact.Phone> cleaned = new ArrayList<>();
        for (int i = 0; i < phones.size(); i++) {
            Contact.Phone phone = phones.get(i);
            String number = phone.number() == null ? "" : phone.number().strip();
            if (!PHONE.matcher(number).matches()
                    || number.chars().filter(Character::isDigit).count() < 3) {
                check.reject("phones[" + i + "].number", "lead.phone");
                continue;
            }
            String label = phone.label() == null || phone.label().isBlank()
                    ? null
                    : check.text("phones[" + i + "].label", phone.label(), 30);
            cleaned.add(new Contact.Phone(number, label));
        }
        return cleaned;
    }

    private static List<String> tags(Validation check, List<String> tags) {
        if (tags.size() > MAX_TAGS) {
            check.reject("tags", "lead.too-many", MAX_TAGS);
            return List.of();
        }
        Set<String> cleaned = new LinkedHashSet<>();
        for (int i = 0; i < tags.size(); i++) {
            String tag = tags.get(i).strip().toLowerCase(Locale.ROOT);
            if (tag.isEmpty() || tag.length() > 50 || tag.chars().anyMatch(c -> c < 0x20)) {
                check.reject("tags[" + i + "]", "lead.tag");
                continue;
            }
            cleaned.add(tag);
        }
        return List.copyOf(cleaned);
    }
}
