package io.team365.contacts;

import io.team365.core.Validation;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules for a person's email addresses and phone numbers, shared by contacts and leads (a lead becomes a
 * contact, so both must accept the same): problems named {@code emails[i].address}, {@code phones[i].number}.
 */
public final class ContactDetails {

    public static final int MAX_EMAILS = 10;
    public static final int MAX_PHONES = 10;
    private static final Pattern PHONE = Pattern.compile("^\\+?[0-9 ()./-]{3,40}$");

    private ContactDetails() {}

    /** Addresses trimmed and lower-cased, repeats dropped, exactly one primary (the first, if none is). */
    public static List<Contact.Email> emails(Validation check, List<Contact.Email> emails) {
        if (emails.size() > MAX_EMAILS) {
            check.reject("emails", "contact.too-many", MAX_EMAILS);
            return List.of();
        }
        List<Contact.Email> cleaned = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        boolean primarySeen = false;
        for (int i = 0; i < emails.size(); i++) {
            Contact.Email email = emails.get(i);
            if (email == null) {
                check.reject("emails[" + i + "]", "validation.required");
                continue;
            }
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

    public static List<Contact.Phone> phones(Validation check, List<Contact.Phone> phones) {
        if (phones.size() > MAX_PHONES) {
            check.reject("phones", "contact.too-many", MAX_PHONES);
            return List.of();
        }
        List<Contact.Phone> cleaned = new ArrayList<>();
        for (int i = 0; i < phones.size(); i++) {
            Contact.Phone phone = phones.get(i);
            String number = phone == null || phone.number() == null
                    ? ""
                    : phone.number().strip();
            if (!PHONE.matcher(number).matches()
                    || number.chars().filter(Character::isDigit).count() < 3) {
                check.reject("phones[" + i + "].number", "contact.phone");
                continue;
            }
            String label = phone.label() == null || phone.label().isBlank()
                    ? null
                    : check.text("phones[" + i + "].label", phone.label(), 30);
            cleaned.add(new Contact.Phone(number, label));
        }
        return cleaned;
    }
}
