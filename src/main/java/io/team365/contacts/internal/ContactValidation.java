package io.team365.contacts.internal;

import io.team365.contacts.Contact;
import io.team365.contacts.ContactDetails;
import io.team365.contacts.ContactFields;
import io.team365.contacts.SocialLink;
import io.team365.core.PostalAddress;
import io.team365.core.Tags;
import io.team365.core.Validation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/** Checks and tidies a contact's fields, naming every field that is wrong. */
final class ContactValidation {

    static final int MAX_LINKS = 10;

    private ContactValidation() {}

    /** The fields cleaned up (trimmed, lower-cased addresses, one primary email), or every problem at once. */
    static ContactFields check(ContactFields fields, Set<UUID> members, Predicate<UUID> companyVisible) {
        Validation check = Validation.start();
        String first = optionalText(check, "firstName", fields.firstName(), 100);
        String last = optionalText(check, "lastName", fields.lastName(), 100);
        List<Contact.Email> emails = ContactDetails.emails(check, fields.emails());
        List<Contact.Phone> phones = ContactDetails.phones(check, fields.phones());
        String jobTitle = optionalText(check, "jobTitle", fields.jobTitle(), 200);
        String source = optionalText(check, "source", fields.source(), 100);
        List<String> tags = Tags.checked(check, fields.tags());
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
}
