package io.team365.contacts.web;

import io.team365.contacts.Contact;
import io.team365.contacts.ContactFields;
import io.team365.contacts.SocialLink;
import io.team365.core.PostalAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The contact form: one email and one phone (the primary ones; others, added through the API or imports, are
 * kept as they are), tags as comma-separated text, and the version the form was loaded at.
 */
public record ContactForm(
        String firstName,
        String lastName,
        String email,
        String phone,
        String jobTitle,
        String companyId,
        String tags,
        String source,
        String street,
        String city,
        String region,
        String postalCode,
        String country,
        String socialLinks,
        Integer version) {

    public static ContactForm empty() {
        return new ContactForm("", "", "", "", "", "", "", "", "", "", "", "", "", "", null);
    }

    public static ContactForm of(Contact contact) {
        return new ContactForm(
                nz(contact.firstName()),
                nz(contact.lastName()),
                nz(contact.primaryEmail()),
                contact.phones().isEmpty() ? "" : contact.phones().getFirst().number(),
                nz(contact.jobTitle()),
                contact.companyId() == null ? "" : contact.companyId().toString(),
                String.join(", ", contact.tags()),
                nz(contact.source()),
                nz(contact.address().street()),
                nz(contact.address().city()),
                nz(contact.address().region()),
                nz(contact.address().postalCode()),
                nz(contact.address().country()),
                String.join(
                        "\n",
                        contact.socialLinks().stream().map(SocialLink::url).toList()),
                contact.version());
    }

    /** The fields that can be edited in place on the contact's page, one at a time. */
    public static final java.util.List<String> INLINE =
            List.of("firstName", "lastName", "jobTitle", "email", "phone", "tags", "source");

    /** The form's value of one inline field. */
    public String value(String field) {
        return switch (field) {
            case "firstName" -> firstName;
            case "lastName" -> lastName;
            case "jobTitle" -> jobTitle;
            case "email" -> email;
            case "phone" -> phone;
            case "tags" -> tags;
            case "source" -> source;
            default -> throw new IllegalArgumentException(field);
        };
    }

    public ContactForm withCompany(String company) {
        return new ContactForm(
                firstName,
                lastName,
                email,
                phone,
                jobTitle,
                company,
                tags,
                source,
                street,
                city,
                region,
                postalCode,
                country,
                socialLinks,
                version);
    }

    /** This form with one inline field changed. */
    public ContactForm with(String field, String value) {
        return new ContactForm(
                field.equals("firstName") ? value : firstName,
                field.equals("lastName") ? value : lastName,
                field.equals("email") ? value : email,
                field.equals("phone") ? value : phone,
                field.equals("jobTitle") ? value : jobTitle,
                companyId,
                field.equals("tags") ? value : tags,
                field.equals("source") ? value : source,
                street,
                city,
                region,
                postalCode,
                country,
                socialLinks,
                version);
    }

    /** The stored fields with this form's values in place of the ones it shows. */
    public ContactFields applyTo(ContactFields current) {
        return applyTo(current, current.customFields());
    }

    /** As {@link #applyTo(ContactFields)}, with the custom field values the form submitted. */
    public ContactFields applyTo(ContactFields current, java.util.Map<String, Object> customFields) {
        List<Contact.Email> emails = new ArrayList<>(
                current.emails().stream().filter(e -> !e.primary()).toList());
        if (email != null && !email.isBlank()) {
            emails.addFirst(new Contact.Email(email, labelOfPrimary(current), true));
        }
        List<Contact.Phone> phones = new ArrayList<>(current.phones());
        if (!phones.isEmpty()) {
            phones.removeFirst();
        }
        if (phone != null && !phone.isBlank()) {
            phones.addFirst(new Contact.Phone(
                    phone,
                    current.phones().isEmpty()
                            ? null
                            : current.phones().getFirst().label()));
        }
        List<String> tagList = tags == null || tags.isBlank()
                ? List.of()
                : Arrays.stream(tags.split(","))
                        .map(String::strip)
                        .filter(t -> !t.isEmpty())
                        .toList();
        return new ContactFields(
                firstName,
                lastName,
                emails,
                phones,
                jobTitle,
                company(),
                current.ownerId(),
                tagList,
                source,
                customFields,
                new PostalAddress(street, city, region, postalCode, country),
                links(current));
    }

    /** The chosen company; an id that is not one is refused on the field, not ignored. */
    private java.util.UUID company() {
        if (companyId == null || companyId.isBlank()) {
            return null;
        }
        try {
            return java.util.UUID.fromString(companyId.strip());
        } catch (IllegalArgumentException e) {
            throw io.team365.core.InvalidInput.of("companyId", "contact.unknown-company");
        }
    }

    /** One web address per line; a link already stored keeps its network, a new one is named from its host. */
    private List<SocialLink> links(ContactFields current) {
        if (socialLinks == null || socialLinks.isBlank()) {
            return List.of();
        }
        return socialLinks
                .lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty())
                .map(url -> current.socialLinks().stream()
                        .filter(link -> link.url().equals(url))
                        .findFirst()
                        .orElse(new SocialLink(null, url)))
                .toList();
    }

    private static String labelOfPrimary(ContactFields current) {
        return current.emails().stream()
                .filter(Contact.Email::primary)
                .findFirst()
                .map(Contact.Email::label)
                .orElse(null);
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }
}
