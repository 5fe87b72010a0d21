package io.team365.identity.internal.mfa;

import io.team365.identity.SignedInUser;
import io.team365.tenancy.TenantTransactions;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Slows down guessing of second-factor codes, like password sign-in: after {@value #MAX_FAILURES} wrong codes within
 * {@link #WINDOW}, further codes are refused until the window has passed. Counted in PostgreSQL, per person (the
 * password was right, so the person is known), so every server node applies the same limit. Only failures within
 * the window are kept.
 *
 * <p>As {@code SignInThrottle} does for passwords, {@link #begin} records each attempt as failed <em>before</em> the
 * code is looked at, under a lock per person, and a right code then clears the count ({@link #succeeded}). Checking
 * first and counting afterwards let a burst of parallel requests all pass the check before any failure landed, so
 * far more than five codes could be tried.
 */
@Component
public class SecondFactorThrottle {

    static final int MAX_FAILURES = 5;
    static final Duration WINDOW = Duration.ofMinutes(15);
    /** Advisory lock key space (the two-key form): 1 and 2 are SignInThrottle's, 19 the default pipeline's. */
    private static final int LOCK_SPACE = 3;

    /** An attempt under way (already counted as failed), or the time the person may try again. */
    public record Attempt(Instant blockedUntil) {
        public boolean blocked() {
            return blockedUntil != null;
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final TenantTransactions transactions;

    SecondFactorThrottle(JdbcClient jdbc, Clock clock, TenantTransactions transactions) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.transactions = transactions;
    }

    /**
     * Starts checking a code: under a per-person lock, refuses when the limit is reached, else records the attempt as
     * a failure before the caller verifies the code. A burst waits at most two seconds for the lock and is then
     * turned away as throttled for a minute, unchecked.
     */
    public Attempt begin(SignedInUser user) {
        // people already blocked are turned away without waiting for the lock
        Optional<Instant> blocked = blockedUntil(user);
        if (blocked.isPresent()) {
            return new Attempt(blocked.get());
        }
        Instant now = clock.instant();
        try {
            return transactions.call(user.tenant(), user.userId(), () -> {
                jdbc.sql("set local lock_timeout = '2s'").update();
                jdbc.sql("select pg_advisory_xact_lock(:space, hashtext(:user))")
                        .param("space", LOCK_SPACE)
                        .param("user", user.userId().toString())
                        .query((rs, n) -> 1)
                        .list();
                Optional<Instant> stillBlocked = blockedUntil(user.userId(), now);
                if (stillBlocked.isPresent()) {
                    return new Attempt(stillBlocked.get());
                }
                jdbc.sql("delete from mfa_failures where user_id = :user and at < :before")
                        .param("user", user.userId())
                        .param("before", Timestamp.from(now.minus(WINDOW)))
                        .update();
                jdbc.sql("insert into mfa_failures (user_id, at) values (:user, :at)")
                        .param("user", user.userId())
                        .param("at", Timestamp.from(now))
                        .update();
                return new Attempt(null);
            });
        } catch (DataAccessException busy) {
            // the lock was not free in time: a burst on this person, no guess was checked
            return new Attempt(now.plus(Duration.ofMinutes(1)));
        }
    }

    /** When the person may try again, if they are blocked now. */
    public Optional<Instant> blockedUntil(SignedInUser user) {
        Instant now = clock.instant();
        return transactions.call(user.tenant(), user.userId(), () -> blockedUntil(user.userId(), now));
    }

    private Optional<Instant> blockedUntil(java.util.UUID userId, Instant now) {
        return jdbc.sql("""
                        with recent as (
                            select at from mfa_failures where user_id = :user and at > :since
                            order by at desc limit :limit
                        )
                        select case when count(*) >= :limit then min(at) end from recent
                        """)
                .param("user", userId)
                .param("since", Timestamp.from(now.minus(WINDOW)))
                .param("limit", MAX_FAILURES)
                .query((rs, n) -> rs.getTimestamp(1))
                .optional()
                .flatMap(Optional::ofNullable)
                .map(oldest -> oldest.toInstant().plus(WINDOW));
    }

    /** A right code ends the count (the attempt's own failure included), as a right password does for sign-in. */
    public void succeeded(SignedInUser user) {
        transactions.run(
                user.tenant(),
                user.userId(),
                () -> jdbc.sql("delete from mfa_failures where user_id = :user")
                        .param("user", user.userId())
                        .update());
    }
}
