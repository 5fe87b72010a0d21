package io.team365.mail.internal.mime;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** A 50 MB attachment goes through the parser to the sink as a stream: the heap does not grow with it. */
class HugeAttachmentTests {

    private static final long BLOCKS = 50L * 1024 * 1024 / GeneratedMessageStream.BLOCK.length;
    private static final long SIZE = BLOCKS * GeneratedMessageStream.BLOCK.length;

    @Test
    void streamsA50MegabyteAttachmentWithoutHoldingIt() throws Exception {
        MimeMessage message = new MimeMessage(Corpus.SESSION, GeneratedMessageStream.withAttachment(BLOCKS));
        long before = usedHeapAfterGc();
        AtomicLong peak = new AtomicLong();
        AtomicLong checks = new AtomicLong();
        AtomicLong nextCheck = new AtomicLong(10L * 1024 * 1024);
        RecordingSink sink = new RecordingSink(16, received -> {
            if (received >= nextCheck.get()) { // in the middle of the stream: what does the parser hold?
                nextCheck.addAndGet(10L * 1024 * 1024);
                checks.incrementAndGet();
                peak.accumulateAndGet(usedHeapAfterGc() - before, Math::max);
            }
        });

        ParsedMessage parsed = new MimeMessageParser().parse(message, sink);

        assertThat(parsed.bodyText()).isEqualTo("See the attached video.");
        assertThat(parsed.attachments()).singleElement().satisfies(attachment -> {
            assertThat(attachment.fileName()).isEqualTo("video.mp4");
            assertThat(attachment.contentType()).isEqualTo("video/mp4");
            assertThat(attachment.stored().size()).isEqualTo(SIZE);
            assertThat(attachment.stored().sha256()).isEqualTo(expectedSha256());
        });
        assertThat(SIZE).isGreaterThan(50_000_000L);
        assertThat(checks.get()).isEqualTo(4); // at 10, 20, 30 and 40 MiB
        assertThat(peak.get()).as("heap growth while streaming").isLessThan(16L * 1024 * 1024);
    }

    private static String expectedSha256() throws Exception {
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        for (long i = 0; i < BLOCKS; i++) {
            sha256.update(GeneratedMessageStream.BLOCK);
        }
        return HexFormat.of().formatHex(sha256.digest());
    }

    private static long usedHeapAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        return Math.max(1, runtime.totalMemory() - runtime.freeMemory());
    }
}
