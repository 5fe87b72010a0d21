package io.team365.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a merge of records into a survivor takes: the records merged into it, for each field the record whose value
 * the survivor keeps (optional: the survivor's value, else the first non-empty one), and the version the caller saw
 * of every record, survivor included (a record changed since is refused).
 */
public record MergeRequest(List<UUID> mergeIds, Map<String, UUID> fields, Map<UUID, Integer> versions) {

    /** The survivor and at most four others. */
    public static final int MAX_RECORDS = 5;

    public MergeRequest {
        mergeIds = mergeIds == null ? List.of() : new ArrayList<>(mergeIds);
        fields = fields == null ? Map.of() : new LinkedHashMap<>(fields);
        versions = versions == null ? Map.of() : new LinkedHashMap<>(versions);
    }

    /**
     * The shape rules every record type shares: one to four others, none twice, not the survivor, a version for each
     * record, and field choices naming only records of this merge. Throws {@link InvalidInput} naming the fields.
     */
    public void check(UUID survivorId, java.util.Set<String> knownFields) {
        Validation check = Validation.start();
        if (mergeIds.isEmpty()) {
            check.reject("mergeIds", "duplicates.merge.none");
        } else if (mergeIds.size() > MAX_RECORDS - 1) {
            check.reject("mergeIds", "duplicates.merge.too-many", MAX_RECORDS);
        } else if (mergeIds.contains(null)
                || mergeIds.contains(survivorId)
                || new java.util.HashSet<>(mergeIds).size() != mergeIds.size()) {
            check.reject("mergeIds", "duplicates.merge.repeated");
        }
        for (UUID id : all(survivorId)) {
            if (id != null && !versions.containsKey(id)) {
                check.reject("versions." + id, "validation.required");
            }
        }
        fields.forEach((field, source) -> {
            boolean custom = field != null && field.startsWith("customFields.") && field.length() > 13;
            if (field == null || (!knownFields.contains(field) && !custom)) {
                check.reject("fields." + field, "duplicates.merge.unknown-field");
            } else if (source == null || !all(survivorId).contains(source)) {
                check.reject("fields." + field, "duplicates.merge.unknown-source");
            }
        });
        check.throwIfInvalid();
    }

    /** The survivor, then the records merged into it. */
    public List<UUID> all(UUID survivorId) {
        List<UUID> all = new ArrayList<>();
        all.add(survivorId);
        all.addAll(mergeIds);
        return all;
    }
}
