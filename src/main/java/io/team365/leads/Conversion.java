package io.team365.leads;

import java.util.UUID;

/** What a conversion made: always a contact, a company and a deal when asked for (null otherwise). */
public record Conversion(UUID contactId, UUID companyId, UUID dealId) {}
