package io.team365.privacy.requests;

/** Too many requests from one address or to one email: nothing was stored; try again after the given seconds. */
public class Throttled extends RuntimeException {

    private final long retryAfterSeconds;

    public Throttled(long retryAfterSeconds) {
        super("throttled for " + retryAfterSeconds + "s");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
