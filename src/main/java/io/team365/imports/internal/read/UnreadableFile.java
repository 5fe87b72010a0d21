package io.team365.imports.internal.read;

/** The file cannot be imported at all (empty, binary, not CSV or vCard); the message says why, for people. */
public class UnreadableFile extends Exception {

    public UnreadableFile(String message) {
        super(message);
    }
}
