package io.team365.core.web;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UrlPathHelper;

/**
 * Rate limits with Bucket4j: per client address on the public endpoints that create accounts or send email, and
 * per token on the API. Answers 429 with {@code Retry-After} and the {@code RateLimit-*} headers. Buckets live in
 * this node's memory: a cluster of N nodes allows up to N times the limit, which is acceptable for abuse control.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class RateLimitFilter extends OncePerRequestFilter {

    private static final Set<String> PUBLIC_WRITES = Set.of(
            "/api/v1/signup",
            "/api/v1/password-resets",
            "/signup",
            "/forgot-password",
            "/verify-email/resend",
            "/invitations/accept",
            // single sign-on: finding an organisation's sign-in by email, and the sign-up a provider started
            "/login/sso",
            "/signup/sso",
            // the second step of signing in: each person's codes are throttled in PostgreSQL (five wrong ones), this
            // stops one address from trying codes across many half-signed-in sessions at once
            "/login/second-factor");
    private static final Duration WINDOW = Duration.ofMinutes(1);

    private record Limited(Bucket bucket, long capacity, long[] lastUsed) {}

    private final Map<String, Limited> buckets = new ConcurrentHashMap<>();
    private final long publicPerMinute;
    private final long tokenPerMinute;
    private final long signInPerMinute;

    RateLimitFilter(
            @Value("${team365.rate-limits.public-per-minute:10}") long publicPerMinute,
            @Value("${team365.rate-limits.token-per-minute:600}") long tokenPerMinute,
            @Value("${team365.rate-limits.sign-in-per-minute:30}") long signInPerMinute) {
        this.signInPerMinute = signInPerMinute;
        this.publicPerMinute = publicPerMinute;
        this.tokenPerMinute = tokenPerMinute;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // decoded as Spring MVC routes it, so /login/second-f%61ctor is limited like /login/second-factor
        String path = UrlPathHelper.defaultInstance.getPathWithinApplication(request);
        String authorization = request.getHeader("Authorization");
        Limited limited;
        if ("POST".equals(request.getMethod()) && PUBLIC_WRITES.contains(path)) {
            limited = bucket("ip:" + request.getRemoteAddr(), publicPerMinute);
        } else if ("POST".equals(request.getMethod()) && path.equals("/login")) {
            // sign-in has its own per-account throttle; this only stops one address from flooding the server
            limited = bucket("login:" + request.getRemoteAddr(), signInPerMinute);
        } else if (path.startsWith("/api/") && authorization != null && authorization.startsWith("Bearer ")) {
            limited = bucket(
                    "token:" + authorization.substring(7).strip().hashCode() + ":" + authorization.length(),
                    tokenPerMinute);
        } else {
            chain.doFilter(request, response);
            return;
        }
        ConsumptionProbe probe = limited.bucket().tryConsumeAndReturnRemaining(1);
        long resetSeconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForReset()));
        response.setHeader("RateLimit-Limit", String.valueOf(limited.capacity()));
        response.setHeader("RateLimit-Remaining", String.valueOf(probe.getRemainingTokens()));
        response.setHeader("RateLimit-Reset", String.valueOf(resetSeconds));
        if (probe.isConsumed()) {
            chain.doFilter(request, response);
            return;
        }
        long retryAfter = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill()) + 1);
        response.setHeader("Retry-After", String.valueOf(retryAfter));
        if (ProblemResponses.isApi(request)) {
            ProblemResponses.write(
                    response,
                    HttpStatus.TOO_MANY_REQUESTS,
                    "Too many requests. Try again in " + retryAfter + " seconds.",
                    path);
        } else {
            response.sendError(HttpStatus.TOO_MANY_REQUESTS.value());
        }
    }

    private Limited bucket(String key, long perMinute) {
        Limited limited = buckets.computeIfAbsent(
                key,
                k -> new Limited(
                        Bucket.builder()
                                .addLimit(limit -> limit.capacity(perMinute).refillGreedy(perMinute, WINDOW))
                                .build(),
                        perMinute,
                        new long[1]));
        limited.lastUsed()[0] = System.nanoTime();
        return limited;
    }

    /** A bucket untouched for a whole window is full again: forgetting it changes nothing and bounds memory. */
    @Scheduled(fixedDelay = 5, timeUnit = TimeUnit.MINUTES)
    void forgetIdleBuckets() {
        long cutoff = System.nanoTime() - WINDOW.toNanos();
        buckets.values().removeIf(limited -> limited.lastUsed()[0] < cutoff);
    }
}
