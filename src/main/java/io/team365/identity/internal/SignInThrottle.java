package io.team365.identity.internal;

import io.team365.core.Ids;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Slows down password guessing: after {@value #MAX_FAILURES_PER_ACCOUNT} failed sign-ins for one account, or
 * {@value #MAX_FAILURES_PER_IP} from one address, within {@link #WINDOW}, further attempts are refused until the
 * window has passed. Attempts are counted in PostgreSQL, so every server node applies the same limit.
 */
@Component
class SignInThrottle {

    static final int MAX_FAILURES_PER_ACCOUNT = 5;
    static final int MAX_FAILURES_PER_IP = 20;
    static final Duration WINDOW = Duration.ofMinutes(15);

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    SignInThrottle(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** An attempt under way (recorded as failed until it succeeds), or the time the caller may try again. */
    record Attempt(UUID id, Instant blockedUntil) {
        boolean blocked() {
            return blockedUntil != null;
        }
    }

    /**
     * Checks the limits and records the attempt as failed before the password is even looked at, under a lock per
     * account and per address, so a burst of parallel guesses cannot all slip through before any is counted.
     */
    Attempt begin(String email, String ip) {
        // callers already blocked are turned away without waiting for a lock
        Optional<Instant> blocked = blockedUntil(email, ip);
        if (blocked.isPresent()) {
            return new Attempt(null, blocked.get());
        }
        return transaction.execute(status -> {
            // two key spaces, always taken in the same order: an address can never collide with an account's lock;
            // a burst waits at most two seconds, then is told to try again
            jdbc.sql("set local lock_timeout = '2s'").update();
            jdbc.sql("select pg_advisory_xact_lock(1, hashtext(:email)), pg_advisory_xact_lock(2, hashtext(:ip))")
                    .param("email", email)
                    .param("ip", ip)
                    .query()
                    .listOfRows();
            Optional<Instant> stillBlocked = blockedUntil(email, ip);
            if (stillBlocked.isPresent()) {
                return new Attempt(null, stillBlocked.get());
            }
            UUID id = Ids.newId();
            insert(id, email, ip, false);
            return new Attempt(id, null);
        });
    }

    private Optional<Instant> blockedUntil(String email, String ip) {
        Optional<Instant> byAccount = blockedUntil("email", email, MAX_FAILURES_PER_ACCOUNT);
        Optional<Instant> byIp = blockedUntil("ip", ip, MAX_FAILURES_PER_IP);
        return byAccount.isPresent() && byIp.isPresent()
                ? Optional.of(byAccount.get().isAfter(byIp.get()) ? byAccount.get() : byIp.get())
                : byAccount.or(() -> byIp);
    }

    /** The attempt never got to check a password (the server was too busy): it is no guess, so it does not count. */
    void withdraw(Attempt attempt) {
        jdbc.sql("delete from sign_in_attempts where id = :id")
                .param("id", attempt.id())
                .update();
    }

    void succeeded(Attempt attempt) {
        jdbc.sql("update sign_in_attempts set succeeded = true where id = :id")
                .param("id", attempt.id())
                .update();
    }

    /** A completed password reset proves control of the account: its failure count starts again. */
    void reset(String email) {
        insert(Ids.newId(), email, "password-reset", true);
    }

    private Optional<Instant> blockedUntil(String column, String value, int limit) {
        // an account's count restarts at its last success; an address's does not, or an attacker could reset it
        // by signing in to an account of their own
        String sinceSuccess = column.equals("email")
                ? "and f.at > coalesce((select max(s.at) from sign_in_attempts s where s.email = :value"
                        + " and s.succeeded), '-infinity')"
                : "";
        return jdbc.sql("""
                        with recent as (
                            select at from sign_in_attempts f
                            where f.%1$s = :value and not f.succeeded
                              and f.at > now() - make_interval(secs => :window)
                              %2$s
                            order by at desc
                            limit :limit
                        )
                        select case when count(*) >= :limit then min(at) + make_interval(secs => :window) end
                        from recent
                        """.formatted(column, sinceSuccess))
                .param("value", value)
                .param("window", (double) WINDOW.toSeconds())
                .param("limit", limit)
                .query((rs, n) -> rs.getTimestamp(1))
                .optional()
                .flatMap(Optional::ofNullable)
                .map(java.sql.Timestamp::toInstant);
    }

    private void insert(UUID id, String email, String ip, boolean succeeded) {
        jdbc.sql("insert into sign_in_attempts (id, email, ip, succeeded) values (:id, :email, :ip, :ok)")
                .param("id", id)
                .param("email", email)
                .param("ip", ip)
                .param("ok", succeeded)
                .update();
    }

    /** Attempts are kept one day, long enough for throttling and for an admin to look into an attack. */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
    void purgeOldAttempts() {
        jdbc.sql("delete from sign_in_attempts where at < now() - interval '1 day'")
                .update();
    }
}
