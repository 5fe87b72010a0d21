package io.team365.mail.internal.client;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A message being written. Recipients are kept as typed (checked only when sending); {@code version} guards against
 * two tabs overwriting each other.
 */
public record Draft(
        UUID id,
        UUID accountId,
        String mode,
        UUID answersId,
        List<String> to,
        List<String> cc,
        List<String> bcc,
        String subject,
        String bodyHtml,
        int version,
        Instant updatedAt) {}
