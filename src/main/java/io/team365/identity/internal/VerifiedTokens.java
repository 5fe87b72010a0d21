package io.team365.identity.internal;

import io.team365.core.TenantId;
import io.team365.identity.SignedInUser;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Who a token hash acted for, remembered for {@link #TTL_NANOS} after it was checked in the database: an integration
 * calling the API many times a second otherwise pays two transactions per request before its real work (the token
 * lookup and the membership read). Forgotten at once on this node when the token is revoked or the person's role or
 * membership in that Client changes (also after the change commits, so a request racing the change cannot put the
 * old answer back); other nodes, and rows deleted by an erasure, catch up within the TTL.
 */
@Component
class VerifiedTokens {

    /** Short enough that a change made elsewhere (another node, an erasure) takes effect within seconds. */
    static final long TTL_NANOS = 5_000_000_000L;

    private static final int MAX_ENTRIES = 10_000;

    private record Verified(SignedInUser user, long until) {}

    private final Map<String, Verified> byHash = new ConcurrentHashMap<>();

    Optional<SignedInUser> get(String hash) {
        Verified verified = byHash.get(hash);
        if (verified == null) {
            return Optional.empty();
        }
        if (System.nanoTime() - verified.until() >= 0) {
            byHash.remove(hash, verified);
            return Optional.empty();
        }
        return Optional.of(verified.user());
    }

    void put(String hash, SignedInUser user) {
        if (byHash.size() >= MAX_ENTRIES) {
            // many distinct tokens at once: start over rather than track ages; the database still answers
            byHash.clear();
        }
        byHash.put(hash, new Verified(user, System.nanoTime() + TTL_NANOS));
    }

    /** Forgets every token of the person in the Client, now and when the current transaction commits. */
    void forget(TenantId tenant, UUID userId) {
        Runnable forget = () -> byHash.values()
                .removeIf(v ->
                        v.user().tenant().equals(tenant) && v.user().userId().equals(userId));
        forget.run();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    forget.run();
                }
            });
        }
    }
}
