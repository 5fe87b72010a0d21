package io.team365.identity;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** An authenticator app for tests: RFC 6238 written again from the RFC, independent of the code under test. */
final class TotpCodes {

    private static final Pattern SECRET = Pattern.compile("id=\"totp-secret\"[^>]*value=\"([A-Z2-7 ]+)\"");
    private static final Pattern RECOVERY =
            Pattern.compile("<li>([0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{4})</li>");

    private TotpCodes() {}

    /** An app set up in Settings: its secret, and the recovery codes shown at the end. */
    record Enrolled(String secret, java.util.List<String> recoveryCodes) {}

    /** Sets up an app for the person signed in to {@code session} (recently signed in: no step-up asked). */
    static Enrolled enrol(io.team365.support.Browserless session, io.team365.support.SettableClock clock) {
        session.postForm("/settings/security/totp/start", java.util.Map.of());
        String secret = secretOn(session.get("/settings/security/totp").body());
        toStartOfStep(clock);
        var confirmed = session.postForm(
                "/settings/security/totp/confirm", java.util.Map.of("code", code(secret, clock.instant(), 0)));
        if (confirmed.statusCode() != 200) {
            throw new IllegalStateException("enrolment failed: " + confirmed.statusCode());
        }
        return new Enrolled(secret, recoveryCodesOn(confirmed.body()));
    }

    static String secretOn(String page) {
        Matcher matcher = SECRET.matcher(page);
        if (!matcher.find()) {
            throw new IllegalStateException("no secret on the page");
        }
        return matcher.group(1).replace(" ", "");
    }

    static java.util.List<String> recoveryCodesOn(String page) {
        return RECOVERY.matcher(page).results().map(m -> m.group(1)).toList();
    }

    /** The code of the step {@code offset} steps away from the one containing {@code at}. */
    static String code(String base32, Instant at, int offset) {
        long step = Math.floorDiv(at.getEpochSecond(), 30) + offset;
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(decode(base32), "HmacSHA1"));
            byte[] h = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
            int o = h[19] & 0xf;
            int value =
                    ((h[o] & 0x7f) << 24) | ((h[o + 1] & 0xff) << 16) | ((h[o + 2] & 0xff) << 8) | (h[o + 3] & 0xff);
            return String.format("%06d", value % 1_000_000);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] decode(String base32) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int buffer = 0;
        int bits = 0;
        for (char c : base32.toCharArray()) {
            buffer = (buffer << 5) | alphabet.indexOf(c);
            bits += 5;
            if (bits >= 8) {
                out.write((buffer >> (bits - 8)) & 0xff);
                bits -= 8;
            }
        }
        return out.toByteArray();
    }

    /** Moves the test clock to 10 s into a fresh step, so a test's codes cannot straddle a step boundary. */
    static void toStartOfStep(io.team365.support.SettableClock clock) {
        long into = clock.instant().getEpochSecond() % 30;
        clock.advance(Duration.ofSeconds(30 - into + 10));
    }
}
