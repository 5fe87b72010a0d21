package io.team365.privacy.subjects;

import io.team365.core.TenantId;
import io.team365.privacy.internal.SubjectRecords;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Who the subject is, as their records spell it: names, emails and phones as stored. Erasure scrubs these from
 * shared rows; the {@code :patterns} of {@code SubjectRows} conditions find rows mentioning them.
 *
 * @param fullNames "first last" of each record with both
 * @param nameParts single first and last names, scrubbed only from rows already known to be about the subject
 */
record SubjectIdentity(
        TenantId tenant,
        SubjectRecords records,
        Set<String> fullNames,
        Set<String> nameParts,
        Set<String> emails,
        Set<String> phones) {

    /** Phones shorter than this are not searched for in text: too many unrelated numbers would match. */
    static final int MIN_PHONE_DIGITS = 6;

    /** The named parameters every {@code SubjectRows} condition may use. */
    Map<String, Object> parameters() {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("contactIds", records.contactIds().toArray(UUID[]::new));
        params.put("leadIds", records.leadIds().toArray(UUID[]::new));
        params.put("userIds", records.userIds().toArray(UUID[]::new));
        params.put("emails", emails.toArray(String[]::new));
        params.put("patterns", patterns().toArray(String[]::new));
        params.put("recordIds", recordIds().toArray(String[]::new));
        params.put("idPatterns", recordIds().stream().map(id -> "%" + id + "%").toArray(String[]::new));
        params.put("tenantId", tenant.value().toString());
        return params;
    }

    List<String> recordIds() {
        return Stream.of(records.contactIds(), records.leadIds(), records.userIds())
                .flatMap(List::stream)
                .map(UUID::toString)
                .toList();
    }

    /** ILIKE patterns of the strong identifiers: a full name, an email, a phone (as stored, and as digits). */
    List<String> patterns() {
        Set<String> terms = new LinkedHashSet<>();
        terms.addAll(fullNames);
        terms.addAll(emails);
        for (String phone : phones) {
            if (digits(phone).length() >= MIN_PHONE_DIGITS) {
                terms.add(phone);
                terms.add(digits(phone));
            }
        }
        List<String> patterns = new ArrayList<>();
        for (String term : terms) {
            patterns.add("%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        return patterns;
    }

    /** Every identifier, for the scrubber and the check that nothing is left. */
    Set<String> allTerms() {
        Set<String> all = new LinkedHashSet<>();
        all.addAll(emails);
        all.addAll(phones);
        all.addAll(fullNames);
        all.addAll(nameParts);
        return all;
    }

    static String digits(String phone) {
        return phone == null ? "" : phone.replaceAll("\\D", "");
    }
}
