package io.team365.bench;

import jakarta.mail.FetchProfile;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import java.util.Arrays;
import java.util.Properties;

/**
 * The baseline: a plain Jakarta Mail loop over the same INBOX, in the same batches the sync uses (envelope, flags,
 * size and UID for 100 messages in one command), then every message read fully (its whole RFC 822 source). No
 * parsing, no storage: what reading the mailbox costs by itself.
 */
final class MailRawFetch {

    record Result(long messages, long bytes, double seconds) {}

    private MailRawFetch() {}

    static Result run(String host, int port, String user, String password) throws Exception {
        long start = System.nanoTime();
        long bytes = 0;
        int total;
        // the same fetch size as the server's sessions (MailSessions), so the baseline is as fast as Jakarta Mail goes
        Properties properties = new Properties();
        properties.put("mail.imap.fetchsize", "1048576");
        try (Store store = Session.getInstance(properties).getStore("imap")) {
            store.connect(host, port, user, password);
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            Message[] all = inbox.getMessages();
            total = all.length;
            FetchProfile profile = new FetchProfile();
            profile.add(FetchProfile.Item.ENVELOPE);
            profile.add(FetchProfile.Item.FLAGS);
            profile.add(FetchProfile.Item.SIZE);
            profile.add(UIDFolder.FetchProfileItem.UID);
            for (int i = 0; i < all.length; i += 100) {
                Message[] batch = Arrays.copyOfRange(all, i, Math.min(all.length, i + 100));
                inbox.fetch(batch, profile);
                for (Message message : batch) {
                    MailBenchmark.Counting counting = new MailBenchmark.Counting();
                    message.writeTo(counting);
                    bytes += counting.bytes;
                }
            }
            inbox.close(false);
        }
        return new Result(total, bytes, (System.nanoTime() - start) / 1e9);
    }
}
