package io.team365.notifications.internal;

import java.util.UUID;

record QueuedEmail(
        UUID tenantId, UUID id, String recipient, String subject, String textBody, String htmlBody, int attempts) {}
