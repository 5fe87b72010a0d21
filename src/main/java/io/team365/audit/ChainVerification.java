package io.team365.audit;

import java.time.Instant;
import java.util.UUID;

/**
 * The result of recomputing a Client's audit hash chain from its anchor: how far it verified, how many entries still
 * wait for their seal, and the first problem found, if any.
 *
 * @param anchor the seal number the chain starts after (0, or where retention removed the oldest part)
 * @param verified how many sealed entries were recomputed and matched
 * @param unsealed entries recorded but not sealed yet (normal for the last few seconds)
 * @param head the hex SHA-256 of the last verified seal: kept outside the database, it shows later whether the chain
 *     was rewritten as a whole
 */
public record ChainVerification(
        boolean intact, long anchor, long verified, long unsealed, String head, Problem problem, Instant checkedAt) {

    /**
     * What broke the chain: {@code altered} (an entry or its seal no longer hashes to the stored value),
     * {@code removed} (a sealed entry, or a seal, is missing), {@code out-of-order} (an entry was inserted with a time
     * before entries already sealed).
     */
    public record Problem(String kind, Long seq, UUID entryId) {}
}
