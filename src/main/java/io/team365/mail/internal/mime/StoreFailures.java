package io.team365.mail.internal.mime;

import jakarta.mail.FolderClosedException;
import jakarta.mail.MessageRemovedException;
import jakarta.mail.MessagingException;
import jakarta.mail.StoreClosedException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketException;
import java.nio.charset.CharacterCodingException;
import java.util.HashSet;
import java.util.Set;

/**
 * Tells a failure of the mailbox (connection lost, folder closed, message expunged: the sync must retry) from a
 * problem in the message's content (the parser keeps what it can read). Only the first kind leaves the parser.
 */
final class StoreFailures {

    private StoreFailures() {}

    static boolean fromStore(Throwable failure) {
        Set<Throwable> seen = new HashSet<>();
        Throwable current = failure;
        while (current != null && seen.add(current)) {
            if (current instanceof FolderClosedException
                    || current instanceof StoreClosedException
                    || current instanceof MessageRemovedException
                    || current instanceof SocketException
                    || current instanceof InterruptedIOException
                    || current.getClass().getName().startsWith("org.eclipse.angus.mail.iap.")
                    || current.getClass().getSimpleName().endsWith("ClosedIOException")
                    || current.getClass().getSimpleName().equals("MessageRemovedIOException")) {
                return true;
            }
            current = current instanceof MessagingException messaging && messaging.getNextException() != null
                    ? messaging.getNextException()
                    : current.getCause();
        }
        return false;
    }

    /**
     * An I/O failure while reading a part is a store's (or the attachment storage's) failure unless it is a decoding
     * error of the content itself.
     */
    static boolean isContentProblem(IOException failure) {
        return (failure instanceof CharacterCodingException
                        || failure.getClass().getSimpleName().equals("DecodingException"))
                && !fromStore(failure);
    }
}
