package io.team365.mail.internal.send;

import io.team365.mail.internal.account.MailAccount;
import io.team365.mail.internal.connect.MailLogin;
import io.team365.mail.internal.connect.MailSessions;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Appends a sent message to the account's Sent folder over IMAP, as mail programs do (SMTP does not): the folder the
 * sync knows with role "sent", else "Sent", created when missing. Gmail files sent mail itself, so nothing is
 * appended there.
 */
@Component
class SentCopy {

    static final String DEFAULT_FOLDER = "Sent";

    private final MailSessions sessions;

    SentCopy(MailSessions sessions) {
        this.sessions = sessions;
    }

    void append(MailAccount account, MailLogin login, MimeMessage message, Optional<String> knownFolder)
            throws MessagingException {
        if (account.provider() == MailAccount.Provider.GMAIL || account.imap() == null) {
            return;
        }
        try (Store store = sessions.openStore(account.imap(), login)) {
            Folder folder = store.getFolder(knownFolder.orElse(DEFAULT_FOLDER));
            if (!folder.exists()) {
                folder.create(Folder.HOLDS_MESSAGES);
            }
            message.setFlag(Flags.Flag.SEEN, true);
            folder.appendMessages(new Message[] {message});
        }
    }
}
