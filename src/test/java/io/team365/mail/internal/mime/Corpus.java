package io.team365.mail.internal.mime;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.SharedByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The .eml test corpus in src/test/resources/mail (written by generate.py there). */
final class Corpus {

    static final Session SESSION = Session.getInstance(new Properties());

    private Corpus() {}

    static byte[] bytes(String name) {
        try (InputStream in = Corpus.class.getResourceAsStream("/mail/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no corpus file " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static MimeMessage message(String name) throws MessagingException {
        return new MimeMessage(SESSION, new SharedByteArrayInputStream(bytes(name)));
    }

    static ParsedMessage parse(String name, RecordingSink sink) throws MessagingException, IOException {
        return new MimeMessageParser().parse(message(name), sink);
    }

    static ParsedMessage parse(String name) throws MessagingException, IOException {
        return parse(name, new RecordingSink());
    }
}
