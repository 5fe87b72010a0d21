package io.team365.core;

/** The record changed since the client read it (a stale {@code If-Match} or form version): HTTP 412. */
public class PreconditionFailed extends RuntimeException {

    private final int currentVersion;

    public PreconditionFailed(int currentVersion) {
        super("The record was changed by someone else; it is now at version " + currentVersion + ".");
        this.currentVersion = currentVersion;
    }

    public int currentVersion() {
        return currentVersion;
    }
}
