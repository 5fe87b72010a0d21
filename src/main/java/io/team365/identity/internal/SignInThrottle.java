package io.team365.identity.internal;

import io.team365.core.Ids;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

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

    SignInThrottle(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** When the caller may try again, if they are throttled now. */
    Optional<Instant> blockedUntil(String email, String ip) {
        Optional<Instant> byAccount = blockedUntil("email", email, MAX_FAILURES_PER_ACCOUNT);
        Optional<Instant> byIp = blockedUntil("ip", ip, MAX_FAILURES_PER_IP);
        if (byAccount.isPresent() && byIp.isPresent()) {
            return Optional.of(byAccount.get().isAfter(byIp.get()) ? byAccount.get() : byIp.get());
        }
        return byAccount.or(() -> byIp);
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

    void recordAttempt(String email, String ip, boolean succeeded) {
        jdbc.sql("insert into sign_in_attempts (id, email, ip, succeeded) values (:id, :email, :ip, :ok)")
                .param("id", Ids.newId())
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
