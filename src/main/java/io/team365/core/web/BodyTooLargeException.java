package io.team365.core.web;

import java.io.IOException;

/** A request body without a declared length turned out larger than the limit while it was being read. */
class BodyTooLargeException extends IOException {

    BodyTooLargeException(long limit) {
        super("The request body is larger than " + limit + " bytes.");
    }
}
