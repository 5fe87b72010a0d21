package io.team365.leads;

import java.time.LocalDate;
import java.util.UUID;

/**
 * What a conversion makes besides the contact: optionally a company (a new one, named after the lead's company by
 * default, or an existing one the contact joins) and optionally a deal. Null parts are not made.
 */
public record ConvertRequest(CompanyPart company, DealPart deal) {

    public static ConvertRequest contactOnly() {
        return new ConvertRequest(null, null);
    }

    /** {@code {"create": true, "name": …}} for a new company, or {@code {"id": …}} for an existing one. */
    public record CompanyPart(Boolean create, String name, UUID id) {

        public boolean creates() {
            return Boolean.TRUE.equals(create);
        }
    }

    /** A deal for the new contact (and company): amounts as decimal strings, as everywhere in the API. */
    public record DealPart(String name, Value value, UUID pipelineId, UUID stageId, LocalDate closeDate) {}

    public record Value(String amount, String currency) {}
}
