package io.team365.mail.internal.sync;

import io.team365.mail.internal.mime.AttachmentSink;
import io.team365.mail.internal.mime.ParsedMessage;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.util.SharedByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.angus.mail.iap.ByteArray;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.protocol.BODY;
import org.eclipse.angus.mail.imap.protocol.FetchResponse;
import org.eclipse.angus.mail.imap.protocol.UID;
import org.eclipse.angus.mail.imap.protocol.UIDSet;

/**
 * The bodies of one batch's messages to download, fetched several at a time (ADR 0030): the next small messages
 * (each at most {@code inMemoryLimit}) in one {@code UID FETCH <set> (BODY.PEEK[])}, as many as fit in {@code
 * groupBytes} by their RFC822.SIZE, instead of one round trip per message. Larger messages (or ones of unknown
 * size) still stream one at a time through a temporary file ({@link MessageDownload#read}). The bodies are taken
 * straight from the protocol's responses, not through Jakarta Mail's message cache, which would keep every body
 * of the open folder in memory. A body the server does not return (the message went away meanwhile) falls back to
 * the one-message read, which then fails as it did before.
 */
final class BatchBodies {

    private final IMAPFolder server;
    private final MessageDownload download;
    private final List<Message> wanted;
    private final int inMemoryLimit;
    private final long groupBytes;
    private final Map<Long, ByteArray> fetched = new HashMap<>();
    /** Index in {@link #wanted} of the first message no fetch has considered yet. */
    private int cursor;

    /** {@code wanted}: the batch's messages to download, in the order they are read; UIDs already fetched. */
    BatchBodies(IMAPFolder server, MessageDownload download, List<Message> wanted, int inMemoryLimit, long groupBytes) {
        this.server = server;
        this.download = download;
        this.wanted = wanted;
        this.inMemoryLimit = inMemoryLimit;
        this.groupBytes = Math.max(1, groupBytes);
    }

    /** Reads and parses one of the wanted messages, fetching it with the next ones when it is not fetched yet. */
    ParsedMessage read(Message message, AttachmentSink sink) throws MessagingException, IOException {
        SharedByteArrayInputStream raw = raw(message);
        return raw == null ? download.read(message, inMemoryLimit, sink) : download.parse(raw, sink);
    }

    /**
     * The whole bytes of one of the wanted messages, fetching it with the next ones when it is not fetched yet; null
     * for a large message (or one the server did not return), which {@link MessageDownload#read} streams instead.
     */
    SharedByteArrayInputStream raw(Message message) throws MessagingException {
        long uid = server.getUID(message);
        ByteArray raw = fetched.remove(uid);
        if (raw == null && small(message)) {
            fetchFrom(message);
            raw = fetched.remove(uid);
        }
        return raw == null ? null : new SharedByteArrayInputStream(raw.getBytes(), raw.getStart(), raw.getCount());
    }

    private boolean small(Message message) throws MessagingException {
        int size = message.getSize();
        return size >= 0 && size <= inMemoryLimit;
    }

    /** One command for this message and the small ones after it, up to {@code groupBytes} together. */
    private void fetchFrom(Message first) throws MessagingException {
        int start = wanted.indexOf(first);
        if (start < cursor) {
            // asked again (should not happen: each message is read once); fetch just this one
            start = -1;
        }
        List<Long> uids = new ArrayList<>();
        long bytes = 0;
        if (start < 0) {
            uids.add(server.getUID(first));
        } else {
            int i = start;
            for (; i < wanted.size() && bytes < groupBytes; i++) {
                Message message = wanted.get(i);
                if (small(message)) {
                    uids.add(server.getUID(message));
                    bytes += message.getSize();
                }
            }
            cursor = i;
        }
        long[] set = uids.stream().mapToLong(Long::longValue).sorted().toArray();
        String command = "UID FETCH " + UIDSet.toString(UIDSet.createUIDSets(set)) + " (BODY.PEEK[])";
        @SuppressWarnings("unchecked")
        Map<Long, ByteArray> bodies = (Map<Long, ByteArray>) server.doCommand(protocol -> {
            Response[] responses = protocol.command(command, null);
            Map<Long, ByteArray> found = new HashMap<>();
            List<Response> others = new ArrayList<>();
            for (int i = 0; i < responses.length - 1; i++) {
                if (responses[i] instanceof FetchResponse fetch
                        && fetch.getItem(UID.class) != null
                        && whole(fetch.getItem(BODY.class))) {
                    found.put(
                            fetch.getItem(UID.class).uid,
                            fetch.getItem(BODY.class).getByteArray());
                } else {
                    others.add(responses[i]);
                }
            }
            // expunges and other untagged news still reach the folder, as after any other command
            protocol.notifyResponseHandlers(others.toArray(Response[]::new));
            protocol.handleResult(responses[responses.length - 1]);
            return found;
        });
        fetched.putAll(bodies);
    }

    private static boolean whole(BODY body) {
        return body != null
                && !body.isHeader()
                && (body.getSection() == null || body.getSection().isEmpty())
                && body.getByteArray() != null;
    }
}
