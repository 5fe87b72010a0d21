package io.team365.identity;

import io.team365.core.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Who belongs to a Client and since when, for work that runs without a signed-in person (jobs mailing a Client's
 * members). Each call runs under whatever tenant and user the caller has bound.
 */
public interface UserDirectory {

    /** The members of {@code tenant}; needs that tenant bound. */
    List<Member> membersOf(TenantId tenant);

    /** When the person's account was created; needs the person (or one of their Clients) bound. */
    Optional<Instant> signedUpAt(UUID userId);
}
