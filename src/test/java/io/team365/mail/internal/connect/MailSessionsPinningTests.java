package io.team365.mail.internal.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sessions connect to the address the policy checked, not to whatever the name resolves to a moment later (DNS
 * rebinding, ADR 0032): a name no DNS knows reaches the GreenMail the policy pinned it to, and a refused address is
 * never connected to.
 */
class MailSessionsPinningTests {

    private static GreenMail mail;

    @BeforeAll
    static void start() {
        mail = new GreenMail(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));
        mail.start();
        mail.setUser("pin@pinned.test", "pin@pinned.test", "pin-secret");
    }

    @AfterAll
    static void stop() {
        mail.stop();
    }

    private static MailSessions sessions(boolean allowPrivate, List<String> asked) {
        return new MailSessions(Duration.ofSeconds(10), new MailHostPolicy(allowPrivate, host -> {
            asked.add(host);
            return new InetAddress[] {InetAddress.getByName("127.0.0.1")};
        }));
    }

    @Test
    void theConnectionGoesToThePinnedAddressUnderTheTypedName() throws Exception {
        List<String> asked = new ArrayList<>();
        MailSessions sessions = sessions(true, asked);
        MailLogin login = MailLogin.password("pin@pinned.test", "pin-secret");
        // ".invalid" never resolves (RFC 6761): only the pinned address can have been used
        try (Store store = sessions.openStore(
                new MailServer("imap.pinned.invalid", mail.getImap().getPort(), MailServer.Security.NONE), login)) {
            assertThat(store.isConnected()).isTrue();
            assertThat(store.getFolder("INBOX").exists()).isTrue();
        }
        try (Transport transport = sessions.openTransport(
                new MailServer("smtp.pinned.invalid", mail.getSmtp().getPort(), MailServer.Security.NONE), login)) {
            assertThat(transport.isConnected()).isTrue();
        }
        assertThat(asked).containsExactly("imap.pinned.invalid", "smtp.pinned.invalid");
    }

    @Test
    void aRefusedAddressIsNeverConnectedTo() {
        List<String> asked = new ArrayList<>();
        MailSessions sessions = sessions(false, asked);
        MailLogin login = MailLogin.password("pin@pinned.test", "pin-secret");
        assertThatThrownBy(() -> sessions.openStore(
                        new MailServer("localhost", mail.getImap().getPort(), MailServer.Security.NONE), login))
                .isInstanceOf(MessagingException.class)
                .hasCauseInstanceOf(RefusedMailHost.class);
        assertThatThrownBy(() -> sessions.openTransport(
                        new MailServer("127.0.0.1", mail.getSmtp().getPort(), MailServer.Security.NONE), login))
                .isInstanceOf(MessagingException.class)
                .hasCauseInstanceOf(RefusedMailHost.class);
        assertThat(asked).containsExactly("localhost", "127.0.0.1");
    }
}
