package io.team365.core;

/** Nothing of that id exists for the current Client; said the same way whether it exists for another or not at all. */
public class NotFound extends RuntimeException {

    public NotFound(String what) {
        super(what + " not found");
    }
}
