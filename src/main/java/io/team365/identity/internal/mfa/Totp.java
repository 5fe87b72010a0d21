package io.team365.identity.internal.mfa;

import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * RFC 6238 time-based one-time passwords as every authenticator app understands them: HMAC-SHA-1, six digits, a
 * 30-second step. Pure functions; storing the secret and the last used step is {@link Authenticators}' job.
 */
public final class Totp {

    static final int DIGITS = 6;
    static final long STEP_SECONDS = 30;
    /** One step either side: a phone clock a little off, or a code typed just as it changed. */
    static final int SKEW_STEPS = 1;

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();

    private Totp() {}

    /** 160 random bits, the HMAC-SHA-1 key size RFC 4226 recommends. */
    static byte[] newSecret() {
        byte[] secret = new byte[20];
        RANDOM.nextBytes(secret);
        return secret;
    }

    static long stepAt(Instant instant) {
        return Math.floorDiv(instant.getEpochSecond(), STEP_SECONDS);
    }

    /** The code for one time step (RFC 4226 HOTP with the step as counter). */
    static String codeAt(byte[] secret, long step) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret, "HmacSHA1"));
            byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
            int offset = hash[hash.length - 1] & 0x0f;
            int binary = ((hash[offset] & 0x7f) << 24)
                    | ((hash[offset + 1] & 0xff) << 16)
                    | ((hash[offset + 2] & 0xff) << 8)
                    | (hash[offset + 3] & 0xff);
            return String.format("%0" + DIGITS + "d", binary % 1_000_000);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is not available", e);
        }
    }

    /**
     * The step whose code matches, within the skew window around {@code now}, and later than {@code lastUsedStep}
     * (a code already used, or an older one, is refused). Every step of the window is checked, in constant time.
     */
    static OptionalLong matchingStep(byte[] secret, String code, Instant now, Long lastUsedStep) {
        if (code == null || code.length() != DIGITS || !code.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return OptionalLong.empty();
        }
        long current = stepAt(now);
        long found = Long.MIN_VALUE;
        for (long step = current - SKEW_STEPS; step <= current + SKEW_STEPS; step++) {
            boolean same = MessageDigest.isEqual(
                    codeAt(secret, step).getBytes(StandardCharsets.US_ASCII), code.getBytes(StandardCharsets.US_ASCII));
            if (same && (lastUsedStep == null || step > lastUsedStep) && found == Long.MIN_VALUE) {
                found = step;
            }
        }
        return found == Long.MIN_VALUE ? OptionalLong.empty() : OptionalLong.of(found);
    }

    /** Only digits, spaces removed: apps show "123 456". */
    static String normalise(String typed) {
        return typed == null ? "" : typed.replaceAll("[\\s-]", "");
    }

    /** RFC 4648 base32 without padding, the form authenticator apps accept. */
    static String base32(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(BASE32[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(BASE32[(buffer << (5 - bits)) & 31]);
        }
        return out.toString();
    }

    /** The otpauth:// address (Google Authenticator's key URI format) the QR code carries. */
    static String keyUri(byte[] secret, String accountName) {
        String issuer = "Team365";
        String label = encode(issuer + ":" + accountName);
        return "otpauth://totp/" + label + "?secret=" + base32(secret) + "&issuer=" + encode(issuer)
                + "&algorithm=SHA1&digits=" + DIGITS + "&period=" + STEP_SECONDS;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
