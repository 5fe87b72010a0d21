package io.team365.companies;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An organisation a Client does business with. {@code domain} is a bare host name ({@code acme.com});
 * {@code version} increases with every change (optimistic locking).
 */
public record Company(
        UUID id,
        String name,
        String domain,
        String industry,
        String size,
        Address address,
        String phone,
        String website,
        UUID ownerId,
        List<String> tags,
        Map<String, Object> customFields,
        Instant createdAt,
        UUID createdBy,
        Instant updatedAt,
        UUID updatedBy,
        int version,
        Instant deletedAt) {

    /** The company sizes by head count, as the API names them, smallest first. */
    public static final List<String> SIZES =
            List.of("1-10", "11-50", "51-200", "201-500", "501-1000", "1001-5000", "5001+");

    /** A postal address; {@code country} is an ISO 3166-1 alpha-2 code. Every part may be empty. */
    public record Address(String street, String city, String region, String postalCode, String country) {

        public static Address empty() {
            return new Address(null, null, null, null, null);
        }

        /** The address on one line, for people and the field history ({@code null} when empty). */
        public String oneLine() {
            String place = String.join(
                            " ",
                            java.util.stream.Stream.of(postalCode, city)
                                    .filter(p -> p != null)
                                    .toList())
                    .strip();
            List<String> parts = java.util.stream.Stream.of(street, place, region, country)
                    .filter(p -> p != null && !p.isBlank())
                    .toList();
            return parts.isEmpty() ? null : String.join(", ", parts);
        }
    }
}
