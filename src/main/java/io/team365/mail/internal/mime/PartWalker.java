package io.team365.mail.internal.mime;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Walks a message's MIME tree once: collects the text and HTML bodies (choosing among alternatives, following the
 * root of related parts) and streams every other part to the attachment sink in document order. A part that cannot
 * be read is skipped with a note; only failures of the mailbox or of the attachment storage propagate.
 */
final class PartWalker {

    private static final int MAX_DEPTH = 30;
    private static final int MAX_PARTS = 1000;

    /** The bodies found under a part, in order. */
    record Bodies(List<String> plain, List<String> html) {

        static Bodies empty() {
            return new Bodies(new ArrayList<>(), new ArrayList<>());
        }

        Bodies add(Bodies other) {
            plain.addAll(other.plain);
            html.addAll(other.html);
            return this;
        }
    }

    private final AttachmentSink sink;
    private final List<ParsedMessage.Attachment> attachments = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private int parts;

    PartWalker(AttachmentSink sink) {
        this.sink = sink;
    }

    List<ParsedMessage.Attachment> attachments() {
        return List.copyOf(attachments);
    }

    List<String> notes() {
        return List.copyOf(notes);
    }

    Bodies walk(Part part, int depth) throws MessagingException, IOException {
        return walk(part, depth, false);
    }

    /** A resource (a non-root part of multipart/related) is never a body, even when it is text. */
    private Bodies walk(Part part, int depth, boolean resource) throws MessagingException, IOException {
        if (depth > MAX_DEPTH || ++parts > MAX_PARTS) {
            note("Some parts of this message were nested too deep or were too many, and were skipped.");
            return Bodies.empty();
        }
        PartInfo info = PartInfo.of(part);
        try {
            if (info.isMultipart()) {
                return multipart(part, info, depth);
            }
            if (isBody(info) && !resource) {
                return body(part, info);
            }
            attachment(part, info);
        } catch (MessagingException e) {
            if (StoreFailures.fromStore(e)) {
                throw e;
            }
            note("A part of this message could not be read and was skipped.");
        } catch (IOException e) {
            if (!StoreFailures.isContentProblem(e)) {
                throw e;
            }
            note("A part of this message could not be decoded and was skipped.");
        } catch (RuntimeException e) {
            note("A part of this message could not be read and was skipped.");
        }
        return Bodies.empty();
    }

    private static boolean isBody(PartInfo info) {
        return (info.is("text/plain") || info.is("text/html"))
                && !"attachment".equals(info.disposition())
                && info.fileName() == null;
    }

    private Bodies body(Part part, PartInfo info) throws MessagingException, IOException {
        PartContent.Text text = PartContent.text(part, info);
        if (text.truncated()) {
            note("This message's text was too long and was cut.");
        }
        Bodies bodies = Bodies.empty();
        (info.is("text/html") ? bodies.html() : bodies.plain()).add(text.text());
        return bodies;
    }

    private Bodies multipart(Part part, PartInfo info, int depth) throws MessagingException, IOException {
        Multipart multipart;
        int count;
        try {
            Object content = part.getContent();
            if (!(content instanceof Multipart readable)) {
                throw new MessagingException("not a multipart");
            }
            multipart = readable;
            count = multipart.getCount();
        } catch (MessagingException e) {
            if (StoreFailures.fromStore(e)) {
                throw e;
            }
            note("The structure of this message is broken; it is shown as plain text.");
            return asText(part, info);
        }
        if (multipart instanceof MimeMultipart mime && !mime.isComplete()) {
            note("This message ends before its last part; what arrived is shown.");
        }
        List<Part> children = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            children.add(multipart.getBodyPart(i));
        }
        return switch (info.type()) {
            case "multipart/alternative" -> alternative(children, depth);
            case "multipart/related" -> related(children, info, depth);
            default -> mixed(children, depth);
        };
    }

    /** The alternatives are in increasing order of preference: the last HTML, the first plain text. */
    private Bodies alternative(List<Part> children, int depth) throws MessagingException, IOException {
        List<String> plain = List.of();
        List<String> html = List.of();
        for (Part child : children) {
            Bodies bodies = walk(child, depth + 1);
            if (plain.isEmpty() && !bodies.plain().isEmpty()) {
                plain = bodies.plain();
            }
            if (!bodies.html().isEmpty()) {
                html = bodies.html();
            }
        }
        return new Bodies(new ArrayList<>(plain), new ArrayList<>(html));
    }

    /** The root (the part named by the start parameter, else the first) holds the body; the rest are resources. */
    private Bodies related(List<Part> children, PartInfo info, int depth) throws MessagingException, IOException {
        if (children.isEmpty()) {
            return Bodies.empty();
        }
        String start = info.parameters().get("start");
        int root = 0;
        for (int i = 0; start != null && i < children.size(); i++) {
            String contentId = PartInfo.of(children.get(i)).contentId();
            if (contentId != null
                    && start.replace("<", "").replace(">", "").strip().equals(contentId)) {
                root = i;
            }
        }
        Bodies bodies = walk(children.get(root), depth + 1);
        for (int i = 0; i < children.size(); i++) {
            if (i != root) {
                walk(children.get(i), depth + 1, true);
            }
        }
        return bodies;
    }

    private Bodies mixed(List<Part> children, int depth) throws MessagingException, IOException {
        Bodies bodies = Bodies.empty();
        for (Part child : children) {
            bodies.add(walk(child, depth + 1));
        }
        return bodies;
    }

    private Bodies asText(Part part, PartInfo info) throws MessagingException, IOException {
        PartInfo text = new PartInfo("text/plain", info.parameters(), null, null, null, info.encoding());
        return body(part, text);
    }

    private void attachment(Part part, PartInfo info) throws MessagingException, IOException {
        int position = attachments.size();
        String name = info.fileName() != null ? info.fileName() : FileTypes.defaultName(position + 1, info.type());
        String type = FileTypes.refine(info.type(), info.fileName());
        boolean inline =
                "inline".equals(info.disposition()) || (info.disposition() == null && info.contentId() != null);
        AttachmentSink.Stored stored;
        try (InputStream content = PartContent.decoded(part, info)) {
            stored = sink.store(name, type, content);
        }
        attachments.add(new ParsedMessage.Attachment(position, name, type, info.contentId(), inline, stored));
    }

    private void note(String note) {
        if (!notes.contains(note)) {
            notes.add(note);
        }
    }
}
