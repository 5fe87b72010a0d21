package io.team365.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.net.ServerSocket;

/** A GreenMail with IMAP and SMTP on free ports, and the JSON to connect a mailbox of it. */
final class MailAccountFixtures {

    static final String PASSWORD = "correct horse battery staple 7";

    private MailAccountFixtures() {}

    static GreenMail startMailServer() {
        GreenMail mail = new GreenMail(new ServerSetup[] {
            new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_IMAP),
            new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP)
        });
        mail.start();
        return mail;
    }

    static String connectJson(
            String email, String password, String imapHost, int imapPort, String imapSecurity, int smtpPort) {
        return """
                {"provider": "imap", "email": "%s", "username": "%s", "password": "%s",
                 "imap": {"host": "%s", "port": %d, "security": "%s"},
                 "smtp": {"host": "127.0.0.1", "port": %d, "security": "none"}}
                """.formatted(email, email, password, imapHost, imapPort, imapSecurity, smtpPort);
    }

    static String connectJson(GreenMail mail, String email, String password) {
        return connectJson(
                email,
                password,
                "127.0.0.1",
                mail.getImap().getPort(),
                "none",
                mail.getSmtp().getPort());
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
