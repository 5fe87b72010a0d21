package io.team365.companies.api;

import io.team365.companies.Company;
import java.util.List;
import java.util.Map;

/** A company as the API shows it (API.md "CRM records"); the address is always an object, its parts may be null. */
record CompanyJson(
        String id,
        String name,
        String domain,
        String industry,
        String size,
        Company.Address address,
        String phone,
        String website,
        String ownerId,
        List<String> tags,
        Map<String, Object> customFields,
        int version,
        String createdAt,
        String createdBy,
        String updatedAt,
        String updatedBy,
        String deletedAt) {

    static CompanyJson of(Company c) {
        return new CompanyJson(
                c.id().toString(),
                c.name(),
                c.domain(),
                c.industry(),
                c.size(),
                c.address(),
                c.phone(),
                c.website(),
                text(c.ownerId()),
                c.tags(),
                c.customFields(),
                c.version(),
                c.createdAt().toString(),
                text(c.createdBy()),
                c.updatedAt().toString(),
                text(c.updatedBy()),
                c.deletedAt() == null ? null : c.deletedAt().toString());
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
