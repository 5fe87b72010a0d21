package io.team365.contacts;

import io.team365.core.PostalAddress;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A person a Client does business with. {@code version} increases with every change (optimistic locking). */
public record Contact(
        UUID id,
        String firstName,
        String lastName,
        List<Email> emails,
        List<Phone> phones,
        String jobTitle,
        UUID companyId,
        UUID ownerId,
        List<String> tags,
        String source,
        Map<String, Object> customFields,
        PostalAddress address,
        List<SocialLink> socialLinks,
        Instant createdAt,
        UUID createdBy,
        Instant updatedAt,
        UUID updatedBy,
        int version,
        Instant deletedAt) {

    public record Email(String address, String label, boolean primary) {}

    public record Phone(String number, String label) {}

    public String displayName() {
        String name = ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).strip();
        if (!name.isEmpty()) {
            return name;
        }
        return emails.isEmpty() ? "" : emails.getFirst().address();
    }

    public String primaryEmail() {
        return emails.stream()
                .filter(Email::primary)
                .findFirst()
                .or(() -> emails.stream().findFirst())
                .map(Email::address)
                .orElse(null);
    }
}
