package io.team365.identity.internal.mfa;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** RFC 6238 appendix B vectors (SHA-1, last six digits), the window and the replay rule, without a server. */
class TotpTests {

    private static final byte[] RFC_SECRET = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @Test
    void matchesTheRfcTestVectors() {
        assertThat(Totp.codeAt(RFC_SECRET, Totp.stepAt(Instant.ofEpochSecond(59))))
                .isEqualTo("287082");
        assertThat(Totp.codeAt(RFC_SECRET, Totp.stepAt(Instant.ofEpochSecond(1111111109))))
                .isEqualTo("081804");
        assertThat(Totp.codeAt(RFC_SECRET, Totp.stepAt(Instant.ofEpochSecond(1234567890))))
                .isEqualTo("005924");
        assertThat(Totp.codeAt(RFC_SECRET, Totp.stepAt(Instant.ofEpochSecond(2000000000))))
                .isEqualTo("279037");
        assertThat(Totp.base32("12345678901234567890".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
    }

    @Test
    void acceptsOneStepEitherSideAndRefusesTwoAndUsedSteps() {
        Instant now = Instant.ofEpochSecond(1_700_000_015);
        long step = Totp.stepAt(now);
        for (int offset : new int[] {-1, 0, 1}) {
            assertThat(Totp.matchingStep(RFC_SECRET, Totp.codeAt(RFC_SECRET, step + offset), now, null))
                    .hasValue(step + offset);
        }
        for (int offset : new int[] {-2, 2}) {
            assertThat(Totp.matchingStep(RFC_SECRET, Totp.codeAt(RFC_SECRET, step + offset), now, null))
                    .isEmpty();
        }
        assertThat(Totp.matchingStep(RFC_SECRET, Totp.codeAt(RFC_SECRET, step), now, step))
                .as("the step already used")
                .isEmpty();
        assertThat(Totp.matchingStep(RFC_SECRET, Totp.codeAt(RFC_SECRET, step - 1), now, step))
                .as("an older step")
                .isEmpty();
        assertThat(Totp.matchingStep(RFC_SECRET, "12345", now, null)).isEmpty();
        assertThat(Totp.matchingStep(RFC_SECRET, "12a456", now, null)).isEmpty();
        assertThat(Totp.matchingStep(RFC_SECRET, null, now, null)).isEmpty();
    }

    @Test
    void otpauthUriAndDeviceSummary() {
        assertThat(Totp.keyUri(RFC_SECRET, "ann@example.test"))
                .isEqualTo("otpauth://totp/Team365%3Aann%40example.test?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
                        + "&issuer=Team365&algorithm=SHA1&digits=6&period=30");
        assertThat(DeviceSummary.of("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like"
                        + " Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0"))
                .isEqualTo("Edge on Windows");
        assertThat(DeviceSummary.of("Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15"
                        + " (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1"))
                .isEqualTo("Safari on iOS");
        assertThat(DeviceSummary.of(null)).isEqualTo("Unknown device");
        assertThat(QrCodes.svg("otpauth://totp/x")).startsWith("<svg").contains("<path");
    }

    @Test
    void recoveryCodesAreNormalisedAndHashed() {
        assertThat(RecoveryCodes.normalise("AB CD-EF0O-1IL2")).isEqualTo("abcdef00111" + "2");
        assertThat(RecoveryCodes.hash("abcd-efgh")).hasSize(64).isEqualTo(RecoveryCodes.hash("ABCDEFGH"));
    }
}
