package io.team365.bench;

import jakarta.mail.FetchProfile;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.eclipse.angus.mail.imap.IMAPFolder;

/**
 * The baseline: a plain Jakarta Mail client reading the same folders as a sensible client does: per folder, 100
 * messages per FETCH command with everything in it (envelope, flags, size, UID and the whole message, {@code
 * BODY.PEEK[]}), then every message written out whole ({@code writeTo}: headers, bodies and attachments read to the
 * end). No parsing, no storage: what reading the mailbox costs by itself.
 */
final class MailRawFetch {

    record Result(long messages, long bytes, double seconds) {}

    private MailRawFetch() {}

    static Result run(String host, int port, String user, String password, List<String> folders) throws Exception {
        long start = System.nanoTime();
        long bytes = 0;
        long total = 0;
        // the same fetch size as the server's sessions (MailSessions)
        Properties properties = new Properties();
        properties.put("mail.imap.fetchsize", "1048576");
        try (Store store = Session.getInstance(properties).getStore("imap")) {
            store.connect(host, port, user, password);
            FetchProfile profile = new FetchProfile();
            profile.add(FetchProfile.Item.ENVELOPE);
            profile.add(FetchProfile.Item.FLAGS);
            profile.add(FetchProfile.Item.SIZE);
            profile.add(UIDFolder.FetchProfileItem.UID);
            profile.add(IMAPFolder.FetchProfileItem.MESSAGE);
            for (String name : folders) {
                Folder folder = store.getFolder(name);
                folder.open(Folder.READ_ONLY);
                Message[] all = folder.getMessages();
                total += all.length;
                for (int i = 0; i < all.length; i += 100) {
                    Message[] batch = Arrays.copyOfRange(all, i, Math.min(all.length, i + 100));
                    folder.fetch(batch, profile);
                    for (Message message : batch) {
                        MailBenchmark.Counting counting = new MailBenchmark.Counting();
                        message.writeTo(counting);
                        bytes += counting.bytes;
                    }
                }
                // closing drops the folder's message cache (the bodies read)
                folder.close(false);
            }
        }
        return new Result(total, bytes, (System.nanoTime() - start) / 1e9);
    }
}
