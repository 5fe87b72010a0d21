package io.team365.contacts.internal;

import io.team365.contacts.Contact;
import io.team365.contacts.ContactFields;
import io.team365.contacts.SocialLink;
import io.team365.core.PostalAddress;
import io.team365.core.Validation;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/** Checks and tidies a contact's fields, naming every field that is wrong. */
final class ContactValidation {

    static final int MAX_EMAILS = 10;
    static final int MAX_PHONES = 10;
    static final int MAX_TAGS = 20;
    static final int MAX_LINKS = 10;
    private static final Pattern PHONE = Pattern.compile("^\\+?[0-9 ()./-]{3,40}$");

    private ContactValidation() {}

    /** The fields cleaned up (trimmed, lower-cased addresses, one primary email), or every problem at once. */
    static ContactFields check(ContactFields fields, Set<UUID> members, Predicate<UUID> companyVisible) {
        Validation check = Validation.start();
        String first = optionalText(check, "firstName", fields.firstName(), 100);
        String last = optionalText(check, "lastName", fields.lastName(), 100);
        List<Contact.Email> emails = emails(check, fields.emails());
        List<Contact.Phone> phones = phones(check, fields.phones());
        String jobTitle = optionalText(check, "jobTitle", fields.jobTitle(), 200);
        String source = optionalText(check, "source", fields.source(), 100);
        List<String> tags = tags(check, fields.tags());
        PostalAddress address = PostalAddress.checked(check, "address", fields.address());
        List<SocialLink> links = socialLinks(check, fields.socialLinks());
        if (first == null && last == null && emails.isEmpty()) {
            check.reject("firstName", "contact.name-or-email");
        }
        if (fields.companyId() != null && !companyVisible.test(fields.companyId())) {
            check.reject("companyId", "contact.unknown-company");
        }
        if (fields.ownerId() != null && !members.contains(fields.ownerId())) {
            check.reject("ownerId", "contact.unknown-owner");
        }
        check.throwIfInvalid();
        return new ContactFields(
                first,
                last,
                emails,
                phones,
                jobTitle,
                fields.companyId(),
                fields.ownerId(),
                tags,
                source,
                fields.customFields(),
                address,
                links);
    }

    private static String optionalText(Validation check, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return check.text(field, value, max);
    }

    private static List<Contact.Email> emails(Validation check, List<Contact.Email> emails) {
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

    private static List<Contact.Phone> phones(Validation check, List<Contact.Phone> phones) {
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

    private static List<SocialLink> socialLinks(Validation check, List<SocialLink> links) {
        if (links.size() > MAX_LINKS) {
            check.reject("socialLinks", "contact.too-many", MAX_LINKS);
            return List.of();
        }
        List<SocialLink> cleaned = new ArrayList<>();
        for (int i = 0; i < links.size(); i++) {
            String url = links.get(i).url() == null ? "" : links.get(i).url().strip();
            if (!isWebAddress(url)) {
                check.reject("socialLinks[" + i + "].url", "contact.social-url");
                continue;
            }
            String network =
                    links.get(i).network() == null || links.get(i).network().isBlank()
                            ? SocialLink.networkOf(url)
                            : links.get(i).network().strip().toLowerCase(Locale.ROOT);
            if (!SocialLink.NETWORKS.contains(network)) {
                check.reject(
                        "socialLinks[" + i + "].network",
                        "contact.social-network",
                        String.join(", ", SocialLink.NETWORKS));
                continue;
            }
            cleaned.add(new SocialLink(network, url));
        }
        return cleaned;
    }

    private static boolean isWebAddress(String url) {
        if (url.length() > 500 || url.chars().anyMatch(c -> c < 0x21)) {
            return false;
        }
        try {
            java.net.URI uri = java.net.URI.create(url);
            return ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null
                    && uri.getHost().contains(".");
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static List<String> tags(Validation check, List<String> tags) {
        if (tags.size() > MAX_TAGS) {
            check.reject("tags", "contact.too-many", MAX_TAGS);
            return List.of();
        }
        Set<String> cleaned = new LinkedHashSet<>();
        for (int i = 0; i < tags.size(); i++) {
            String tag = tags.get(i) == null ? "" : tags.get(i).strip().toLowerCase(Locale.ROOT);
            if (tag.isEmpty() || tag.length() > 50 || tag.chars().anyMatch(c -> c < 0x20)) {
                check.reject("tags[" + i + "]", "contact.tag");
                continue;
            }
            cleaned.add(tag);
        }
        return List.copyOf(cleaned);
    }
}
