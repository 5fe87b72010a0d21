package io.team365.privacy;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One entry of the consent ledger: a subject (a contact) granted or withdrew consent for a purpose, by a method,
 * under a policy or notice version, with evidence (time, page, hashed IP, user agent) and who recorded it.
 */
public record Consent(
        UUID id,
        UUID contactId,
        String purpose,
        boolean granted,
        String method,
        String policyVersion,
        Map<String, Object> evidence,
        UUID recordedBy,
        Instant recordedAt) {}
