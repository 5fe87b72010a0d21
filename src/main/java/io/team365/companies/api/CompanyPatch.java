package io.team365.companies.api;

import io.team365.companies.Company;
import io.team365.companies.CompanyFields;
import io.team365.core.web.MergePatch;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * JSON merge patch (RFC 7396) on a company's fields: a member sets a field, null clears it, absent leaves it. The
 * nested {@code address} and {@code customFields} objects merge key by key.
 */
final class CompanyPatch {

    private static final Set<String> FIELDS = Set.of(
            "name", "domain", "industry", "size", "address", "phone", "website", "ownerId", "tags", "customFields");

    private static final Set<String> ADDRESS = Set.of("street", "city", "region", "postalCode", "country");

    private CompanyPatch() {}

    static CompanyFields apply(JsonNode body, CompanyFields current, ObjectMapper json) {
        MergePatch patch = MergePatch.of(body, FIELDS, "company", json);
        return new CompanyFields(
                patch.text("name", current.name()),
                patch.text("domain", current.domain()),
                patch.text("industry", current.industry()),
                patch.text("size", current.size()),
                address(patch, current.address()),
                patch.text("phone", current.phone()),
                patch.text("website", current.website()),
                patch.value("ownerId", current.ownerId(), new TypeReference<UUID>() {}),
                patch.value("tags", current.tags(), new TypeReference<List<String>>() {}),
                patch.merged("customFields", current.customFields()));
    }

    /** The address merges part by part; null clears it all. */
    private static Company.Address address(MergePatch patch, Company.Address current) {
        return patch.object(
                "address",
                current,
                Company.Address.empty(),
                ADDRESS,
                parts -> new Company.Address(
                        parts.text("street", current.street()),
                        parts.text("city", current.city()),
                        parts.text("region", current.region()),
                        parts.text("postalCode", current.postalCode()),
                        parts.text("country", current.country())));
    }
}
