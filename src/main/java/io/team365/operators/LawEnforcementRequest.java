package io.team365.operators;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One entry of Team365's register of law-enforcement requests and what was disclosed. */
public record LawEnforcementRequest(
        UUID id,
        String authority,
        LocalDate receivedOn,
        String legalBasis,
        String scope,
        UUID clientId,
        String decision,
        boolean disclosed,
        String notes,
        UUID recordedBy,
        Instant recordedAt) {

    public static final java.util.List<String> DECISIONS =
            java.util.List.of("pending", "complied", "partially-complied", "refused");
}
