package io.team365.tenancy;

import io.team365.core.TenantId;
import java.time.Instant;

/** A customer organisation: one tenant, owner of its Client Data. */
public record Client(TenantId id, String name, Instant createdAt, RecordVisibility recordVisibility) {

    /** Whether members see every record of the Client, only their own, or their own and their teams'. */
    public enum RecordVisibility {
        ALL,
        OWN,
        /** Their own and those of everyone they share a team with. */
        TEAM;

        public String value() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static java.util.Optional<RecordVisibility> parse(String value) {
            return java.util.Arrays.stream(values())
                    .filter(v -> v.value().equals(value))
                    .findFirst();
        }
    }
}
