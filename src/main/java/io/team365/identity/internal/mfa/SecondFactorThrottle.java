package io.team365.identity.internal.mfa;

import io.team365.identity.SignedInUser;
import io.team365.tenancy.TenantTransactions;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Slows down guessing of second-factor codes, like password sign-in: after {@value #MAX_FAILURES} wrong codes within
 * {@link #WINDOW}, further codes are refused until the window has passed. Counted in PostgreSQL, per person (the
 * password was right, so the person is known), so every server node applies the same limit. Only failures within
 * the window are kept.
 */
@Component
public class SecondFactorThrottle {

    static final int MAX_FAILURES = 5;
    static final Duration WINDOW = Duration.ofMinutes(15);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final TenantTransactions transactions;

    SecondFactorThrottle(JdbcClient jdbc, Clock clock, TenantTransactions transactions) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.transactions = transactions;
    }

    /** When the person may try again, if they are blocked now. */
    public Optional<Instant> blockedUntil(SignedInUser user) {
        Instant now = clock.instant();
        return transactions.call(
                user.tenant(),
                user.userId(),
                () -> jdbc.sql("""
                        with recent as (
                            select at from mfa_failures where user_id = :user and at > :since
                            order by at desc limit :limit
                        )
                        select case when count(*) >= :limit then min(at) end from recent
                        """)
                        .param("user", user.userId())
                        .param("since", Timestamp.from(now.minus(WINDOW)))
                        .param("limit", MAX_FAILURES)
                        .query((rs, n) -> rs.getTimestamp(1))
                        .optional()
                        .flatMap(Optional::ofNullable)
                        .map(oldest -> oldest.toInstant().plus(WINDOW)));
    }

    /** Records a wrong code; the person's failures older than the window are dropped at the same time. */
    public void failed(SignedInUser user) {
        Instant now = clock.instant();
        transactions.run(user.tenant(), user.userId(), () -> {
            jdbc.sql("delete from mfa_failures where user_id = :user and at < :before")
                    .param("user", user.userId())
                    .param("before", Timestamp.from(now.minus(WINDOW)))
                    .update();
            jdbc.sql("insert into mfa_failures (user_id, at) values (:user, :at)")
                    .param("user", user.userId())
                    .param("at", Timestamp.from(now))
                    .update();
        });
    }

    /** A right code ends the count, as a right password does for sign-in. */
    public void succeeded(SignedInUser user) {
        transactions.run(
                user.tenant(),
                user.userId(),
                () -> jdbc.sql("delete from mfa_failures where user_id = :user")
                        .param("user", user.userId())
                        .update());
    }
}
