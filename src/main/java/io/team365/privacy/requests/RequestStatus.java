package io.team365.privacy.requests;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Where a request stands. A visitor's request waits for the emailed code before it counts as received; received,
 * verified and in progress are open (the deadline runs); completed and refused are final.
 */
public enum RequestStatus {
    AWAITING_CONFIRMATION("awaiting-confirmation"),
    RECEIVED("received"),
    VERIFIED("verified"),
    IN_PROGRESS("in-progress"),
    COMPLETED("completed"),
    REFUSED("refused");

    private final String value;

    RequestStatus(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    public boolean open() {
        return this == RECEIVED || this == VERIFIED || this == IN_PROGRESS;
    }

    public static Optional<RequestStatus> parse(String value) {
        return Arrays.stream(values()).filter(s -> s.value.equals(value)).findFirst();
    }

    public static RequestStatus of(String value) {
        return parse(value).orElseThrow(() -> new IllegalArgumentException("unknown status " + value));
    }

    public static List<String> names() {
        return Arrays.stream(values()).map(RequestStatus::value).toList();
    }
}
