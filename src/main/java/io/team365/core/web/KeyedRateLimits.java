package io.team365.core.web;

import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Token buckets per key (an address, an email's hash, a link) over one window, in memory: each node limits on its own,
 * which is enough against flooding a public form. The owner calls {@link #forgetIdle()} now and then: a bucket untouched
 * for a whole window is full again, so forgetting it changes nothing and bounds memory.
 */
public final class KeyedRateLimits {

    private record Limited(Bucket bucket, long[] lastUsed) {}

    private final Map<String, Limited> buckets = new ConcurrentHashMap<>();
    private final Duration window;

    public KeyedRateLimits(Duration window) {
        this.window = window;
    }

    /** Seconds to wait before {@code key} may go on, or 0 when it may go on now (and this use is counted). */
    public long take(String key, long perWindow) {
        Limited limited = buckets.computeIfAbsent(
                key,
                k -> new Limited(
                        Bucket.builder()
                                .addLimit(limit -> limit.capacity(perWindow).refillGreedy(perWindow, window))
                                .build(),
                        new long[1]));
        limited.lastUsed()[0] = System.nanoTime();
        var probe = limited.bucket().tryConsumeAndReturnRemaining(1);
        return probe.isConsumed()
                ? 0
                : Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill()) + 1);
    }

    public void forgetIdle() {
        long cutoff = System.nanoTime() - window.toNanos();
        buckets.values().removeIf(limited -> limited.lastUsed()[0] < cutoff);
    }
}
