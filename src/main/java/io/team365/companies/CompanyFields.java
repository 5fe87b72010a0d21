package io.team365.companies;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** The fields of a company a person may set; what create takes and what a patch changes. */
public record CompanyFields(
        String name,
        String domain,
        String industry,
        String size,
        Company.Address address,
        String phone,
        String website,
        UUID ownerId,
        List<String> tags,
        Map<String, Object> customFields) {

    /** Null means empty; null tags are dropped; a custom field set to null is removed (merge patch). */
    public CompanyFields {
        address = address == null ? Company.Address.empty() : address;
        tags = tags == null ? List.of() : tags.stream().filter(Objects::nonNull).toList();
        Map<String, Object> present = new LinkedHashMap<>();
        if (customFields != null) {
            customFields.forEach((key, value) -> {
                if (key != null && value != null) {
                    present.put(key, value);
                }
            });
        }
        customFields = Collections.unmodifiableMap(present);
    }

    public static CompanyFields empty() {
        return new CompanyFields(null, null, null, null, null, null, null, null, null, null);
    }

    public static CompanyFields of(Company company) {
        return new CompanyFields(
                company.name(),
                company.domain(),
                company.industry(),
                company.size(),
                company.address(),
                company.phone(),
                company.website(),
                company.ownerId(),
                company.tags(),
                company.customFields());
    }

    public CompanyFields withOwner(UUID owner) {
        return new CompanyFields(name, domain, industry, size, address, phone, website, owner, tags, customFields);
    }

    public CompanyFields withCustomFields(Map<String, Object> values) {
        return new CompanyFields(name, domain, industry, size, address, phone, website, ownerId, tags, values);
    }

    public CompanyFields withTags(List<String> newTags) {
        return new CompanyFields(name, domain, industry, size, address, phone, website, ownerId, newTags, customFields);
    }
}
