package io.team365.privacy.requests;

import io.team365.core.web.KeyedRateLimits;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the public form from being used to flood a Client's queue or someone's inbox: per address, how many requests
 * may be filed and codes tried in {@link #WINDOW}, and per email how many codes may be sent to it. Checked before
 * anything is stored. Buckets live in this node's memory (as in core's rate limiter): N nodes allow N times the
 * limit, which is enough for abuse control; email keys are hashed, so the map holds no addresses.
 */
@Component
class RequestThrottle {

    static final Duration WINDOW = Duration.ofHours(1);

    private final KeyedRateLimits limits = new KeyedRateLimits(WINDOW);
    private final long filingsPerAddress;
    private final long codesPerEmail;
    private final long attemptsPerAddress;

    RequestThrottle(
            @Value("${team365.privacy.requests.filings-per-address-per-hour:5}") long filingsPerAddress,
            @Value("${team365.privacy.requests.codes-per-email-per-hour:3}") long codesPerEmail,
            @Value("${team365.privacy.requests.attempts-per-address-per-hour:20}") long attemptsPerAddress) {
        this.filingsPerAddress = filingsPerAddress;
        this.codesPerEmail = codesPerEmail;
        this.attemptsPerAddress = attemptsPerAddress;
    }

    /** Seconds to wait before filing from this address, or 0 when it may file now (and the filing is counted). */
    long fileFrom(String ip) {
        return take("file:" + ip, filingsPerAddress);
    }

    /** Seconds to wait before another code may be sent to this email, or 0 (counted). */
    long codeTo(String email) {
        return take("email:" + Secrets.sha256(email), codesPerEmail);
    }

    /** Seconds to wait before trying another code from this address, or 0 (counted). */
    long attemptFrom(String ip) {
        return take("attempt:" + ip, attemptsPerAddress);
    }

    private long take(String key, long perWindow) {
        return limits.take(key, perWindow);
    }

    /** A bucket untouched for a whole window is full again: forgetting it changes nothing and bounds memory. */
    @Scheduled(fixedDelay = 10, timeUnit = TimeUnit.MINUTES)
    void forgetIdleBuckets() {
        limits.forgetIdle();
    }
}
