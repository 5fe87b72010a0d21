package io.team365.privacy;

/**
 * Something a Client asks consent for, e.g. {@code newsletter}. The key never changes (the ledger refers to it);
 * marketing purposes are the ones a one-click unsubscribe withdraws; an archived purpose is no longer offered, but its
 * history stays.
 */
public record ConsentPurpose(String key, String label, String description, boolean marketing, boolean archived) {

    public ConsentPurpose(String key, String label, String description) {
        this(key, label, description, true, false);
    }
}
