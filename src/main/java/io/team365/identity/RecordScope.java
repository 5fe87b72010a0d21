package io.team365.identity;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Which records the caller may see: all of the Client's, or only those owned by the people in {@code owners} (the
 * caller, and their team-mates where the Client shows members their team's records). A record nobody owns belongs
 * to whoever created it. Every module applies the same rule through {@link #sql} so the API and the UI agree.
 */
public record RecordScope(boolean all, Set<UUID> owners) {

    public static RecordScope everything() {
        return new RecordScope(true, Set.of());
    }

    public static RecordScope ownedBy(Set<UUID> owners) {
        return new RecordScope(false, Set.copyOf(owners));
    }

    /**
     * The SQL condition for a table with {@code owner_id} and {@code created_by} columns (with an optional alias),
     * binding {@code scopeOwners} into {@code params}; {@code true} when everything is visible.
     */
    public String sql(String alias, Map<String, Object> params) {
        if (all) {
            return "true";
        }
        String prefix = alias == null || alias.isEmpty() ? "" : alias + ".";
        params.put("scopeOwners", owners.toArray(UUID[]::new));
        return "(" + prefix + "owner_id = any(:scopeOwners) or (" + prefix + "owner_id is null and " + prefix
                + "created_by = any(:scopeOwners)))";
    }

    /** Whether a record with this owner and creator is visible. */
    public boolean includes(UUID ownerId, UUID createdBy) {
        return all || (ownerId != null ? owners.contains(ownerId) : createdBy != null && owners.contains(createdBy));
    }
}
