package io.team365.mail.internal.mime;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.util.StreamProvider;
import org.junit.jupiter.api.Test;

/** The stream provider is named once, so Jakarta Mail no longer scans the class path for it on every lookup. */
class MailStreamsTests {

    @Test
    void theParserNamesAngusMailsStreamProvider() {
        new MimeMessageParser();

        assertThat(System.getProperty(MailStreams.PROPERTY)).isEqualTo(MailStreams.ANGUS);
        assertThat(StreamProvider.provider().getClass().getName()).isEqualTo(MailStreams.ANGUS);
    }

    @Test
    void aProviderChosenByTheDeploymentIsKept() {
        String before = System.getProperty(MailStreams.PROPERTY);
        try {
            System.setProperty(MailStreams.PROPERTY, "com.example.Streams");
            MailStreams.pin();
            assertThat(System.getProperty(MailStreams.PROPERTY)).isEqualTo("com.example.Streams");
        } finally {
            if (before == null) {
                System.clearProperty(MailStreams.PROPERTY);
            } else {
                System.setProperty(MailStreams.PROPERTY, before);
            }
            MailStreams.pin();
        }
    }
}
