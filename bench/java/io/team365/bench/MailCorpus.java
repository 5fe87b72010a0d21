package io.team365.bench;

import com.icegreen.greenmail.imap.ImapHostManager;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.user.GreenMailUser;
import jakarta.activation.DataHandler;
import jakarta.mail.Flags;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import java.util.Random;

/**
 * The benchmark's mailbox: mixed sizes (60% 1–4 KB, 30% 5–30 KB, 5% 50–200 KB of text), every fifth message with a
 * 10–100 KB binary attachment, every fourth a reply to an earlier one (In-Reply-To and References), spread evenly
 * over {@code folders} folders (INBOX first, then folders a CRM user files mail into). Each message is stored as
 * its bytes (parsed back from its encoded form), as a real server stores it, so GreenMail serves it without
 * re-encoding it on every FETCH. Seeded, so every run has the same mailbox.
 *
 * <p>Why several folders: GreenMail (2.1.13) answers every FETCH command in time quadratic in the size of the
 * folder, whatever is fetched (for each message of the folder, {@code ImapSessionFolder.getMsn} rebuilds the array
 * of all UIDs to find its sequence number). One FETCH in a 10,000-message folder takes seconds; in a 1,000-message
 * folder a few milliseconds. See bench/README.md ("Mail sync").
 */
final class MailCorpus {

    record Loaded(int withAttachments, long bytes, List<String> folders) {}

    static final String[] FOLDER_NAMES = {
        "INBOX", "Clients", "Suppliers", "Projects", "Partners", "Invoices", "Offers", "Support", "Team", "Events",
        "Press", "Legal", "Hiring", "Travel", "Finance", "Marketing", "Webinars", "Board", "Newsletter", "Misc"
    };

    private static final String WORDS =
            "offer contract meeting invoice project delivery schedule budget proposal review thanks regards ";

    private MailCorpus() {}

    static Loaded deliver(ImapHostManager imap, GreenMailUser user, String to, int count, int folders, long seed)
            throws Exception {
        if (folders < 1 || folders > FOLDER_NAMES.length) {
            throw new IllegalArgumentException("--folders must be 1.." + FOLDER_NAMES.length);
        }
        List<MailFolder> targets = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int f = 0; f < folders; f++) {
            names.add(FOLDER_NAMES[f]);
            targets.add(f == 0 ? imap.getInbox(user) : imap.createMailbox(user, FOLDER_NAMES[f]));
        }
        Random random = new Random(seed);
        Session session = Session.getInstance(new Properties());
        int attachments = 0;
        long bytes = 0;
        long now = System.currentTimeMillis();
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(300_000);
        for (int i = 0; i < count; i++) {
            MimeMessage message = new MimeMessage(session) {
                @Override
                protected void updateMessageID() {
                    // keep the corpus's own ids
                }
            };
            message.setFrom(new InternetAddress("sender" + (i % 97) + "@partner" + (i % 13) + ".test"));
            message.setRecipients(Message.RecipientType.TO, to);
            message.setSubject((i % 4 == 3 ? "Re: " : "") + "Bench message " + (i % 4 == 3 ? i - 1 : i), "UTF-8");
            Date sent = new Date(now - (count - i) * 60_000L);
            message.setSentDate(sent);
            String text = text(random, size(random));
            if (i % 5 == 0) {
                MimeBodyPart body = new MimeBodyPart();
                body.setText(text, "UTF-8");
                byte[] file = new byte[10_000 + random.nextInt(90_000)];
                random.nextBytes(file);
                MimeBodyPart part = new MimeBodyPart();
                part.setDataHandler(new DataHandler(new ByteArrayDataSource(file, "application/octet-stream")));
                part.setFileName("file-" + i + ".bin");
                part.setDisposition(MimeBodyPart.ATTACHMENT);
                message.setContent(new MimeMultipart(body, part));
                attachments++;
            } else {
                message.setText(text, "UTF-8");
            }
            message.saveChanges();
            message.setHeader("Message-ID", "<bench-" + i + "@bench.test>");
            if (i % 4 == 3) {
                message.setHeader("In-Reply-To", "<bench-" + (i - 1) + "@bench.test>");
                message.setHeader("References", "<bench-" + (i - 1) + "@bench.test>");
            }
            buffer.reset();
            message.writeTo(buffer);
            bytes += buffer.size();
            MimeMessage stored = new MimeMessage(session, new ByteArrayInputStream(buffer.toByteArray()));
            // consecutive messages share a folder, so replies mostly sit beside the message they answer
            targets.get((int) ((long) i * folders / count)).appendMessage(stored, new Flags(), sent);
        }
        return new Loaded(attachments, bytes, List.copyOf(names));
    }

    private static int size(Random random) {
        int dice = random.nextInt(100);
        if (dice < 60) {
            return 1_000 + random.nextInt(3_000);
        }
        if (dice < 95) {
            return 5_000 + random.nextInt(25_000);
        }
        return 50_000 + random.nextInt(150_000);
    }

    private static String text(Random random, int length) {
        StringBuilder text = new StringBuilder(length + 100);
        while (text.length() < length) {
            int from = random.nextInt(WORDS.length() - 20);
            text.append(WORDS, from, from + 20);
            if (random.nextInt(12) == 0) {
                text.append("\r\n");
            }
        }
        return text.toString();
    }
}
