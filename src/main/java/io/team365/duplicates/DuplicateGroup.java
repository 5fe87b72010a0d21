package io.team365.duplicates;

import java.util.List;
import java.util.UUID;

/**
 * Records that are likely the same: {@code reasons} are {@code email}, {@code phone}, {@code domain} or {@code name}
 * (alike names at the same company for contacts; alike names for companies).
 */
public record DuplicateGroup(String recordType, List<String> reasons, List<Candidate> records) {

    /** A record as the review shows it: a title (name), a detail (email or domain) and its version. */
    public record Candidate(UUID id, String title, String detail, int version) {}

    public List<UUID> ids() {
        return records.stream().map(Candidate::id).toList();
    }
}
