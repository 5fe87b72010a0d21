package io.team365.bench;

import com.icegreen.greenmail.user.GreenMailUser;
import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.util.Properties;
import java.util.Random;

/**
 * The benchmark's mailbox: mixed sizes (60% 1–4 KB, 30% 5–30 KB, 5% 50–200 KB of text), every fifth message with a
 * 10–100 KB binary attachment, every fourth a reply to an earlier one (In-Reply-To and References), delivered
 * straight into the GreenMail user's INBOX. Seeded, so every run has the same mailbox.
 */
final class MailCorpus {

    record Loaded(int withAttachments, long bytes) {}

    private static final String WORDS =
            "offer contract meeting invoice project delivery schedule budget proposal review thanks regards ";

    private MailCorpus() {}

    static Loaded deliver(GreenMailUser user, String to, int count, long seed) throws Exception {
        Random random = new Random(seed);
        Session session = Session.getInstance(new Properties());
        int attachments = 0;
        long bytes = 0;
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
            message.setSentDate(new java.util.Date(System.currentTimeMillis() - (count - i) * 60_000L));
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
            MailBenchmark.Counting counting = new MailBenchmark.Counting();
            message.writeTo(counting);
            bytes += counting.bytes;
            user.deliver(message);
        }
        return new Loaded(attachments, bytes);
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
