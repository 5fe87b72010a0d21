package io.team365.leads.web;

import io.team365.contacts.Contact;
import io.team365.leads.Lead;
import io.team365.leads.LeadFields;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The lead form: one email and one phone (the primary ones; others, added through the API, are kept as they are),
 * tags as comma-separated text, the status with its reason, and the version the form was loaded at.
 */
public record LeadForm(
        String firstName,
        String lastName,
        String email,
        String phone,
        String jobTitle,
        String companyName,
        String tags,
        String source,
        String status,
        String unqualifiedReason,
        Integer version) {

    public static LeadForm empty() {
        return new LeadForm("", "", "", "", "", "", "", "", "new", "", null);
    }

    public static LeadForm of(Lead lead) {
        return new LeadForm(
                nz(lead.firstName()),
                nz(lead.lastName()),
                nz(lead.primaryEmail()),
                lead.phones().isEmpty() ? "" : lead.phones().getFirst().number(),
                nz(lead.jobTitle()),
                nz(lead.companyName()),
                String.join(", ", lead.tags()),
                nz(lead.source()),
                lead.status(),
                nz(lead.unqualifiedReason()),
                lead.version());
    }

    /** The fields that can be edited in place on the lead's page, one at a time. */
    public static final List<String> INLINE =
            List.of("firstName", "lastName", "jobTitle", "companyName", "email", "phone", "tags", "source");

    public String value(String field) {
        return switch (field) {
            case "firstName" -> firstName;
            case "lastName" -> lastName;
            case "jobTitle" -> jobTitle;
            case "companyName" -> companyName;
            case "email" -> email;
            case "phone" -> phone;
            case "tags" -> tags;
            case "source" -> source;
            default -> throw new IllegalArgumentException(field);
        };
    }

    /** This form with one inline field changed. */
    public LeadForm with(String field, String value) {
        return new LeadForm(
                field.equals("firstName") ? value : firstName,
                field.equals("lastName") ? value : lastName,
                field.equals("email") ? value : email,
                field.equals("phone") ? value : phone,
                field.equals("jobTitle") ? value : jobTitle,
                field.equals("companyName") ? value : companyName,
                field.equals("tags") ? value : tags,
                field.equals("source") ? value : source,
                status,
                unqualifiedReason,
                version);
    }

    /** The stored fields with this form's values in place of the ones it shows, and the submitted custom values. */
    public LeadFields applyTo(LeadFields current, Map<String, Object> customFields) {
        List<Contact.Email> emails = new ArrayList<>(
                current.emails().stream().filter(e -> !e.primary()).toList());
        if (email != null && !email.isBlank()) {
            String label = current.emails().stream()
                    .filter(Contact.Email::primary)
                    .findFirst()
                    .map(Contact.Email::label)
                    .orElse(null);
            emails.addFirst(new Contact.Email(email, label, true));
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
        return new LeadFields(
                firstName,
                lastName,
                emails,
                phones,
                jobTitle,
                companyName,
                current.ownerId(),
                tagList,
                source,
                status,
                unqualifiedReason,
                customFields);
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }
}
