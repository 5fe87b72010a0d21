package io.team365.privacy.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The evidence a consent entry made by the subject themselves carries: when, on which page, a salted SHA-256 of their
 * address (never the address: the hash proves "the same address" when compared, and reveals nothing alone), and their
 * browser's user agent. The salt is the deployment's {@code team365.privacy.ip-hash-salt}; without one, a random salt
 * per process (hashes then compare only within one run).
 */
@Component
public class SubjectEvidence {

    private static final Logger log = LoggerFactory.getLogger(SubjectEvidence.class);

    private final Clock clock;
    private final byte[] salt;

    SubjectEvidence(Clock clock, @Value("${team365.privacy.ip-hash-salt:}") String salt) {
        this.clock = clock;
        if (salt.isBlank()) {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            this.salt = Base64.getEncoder().encode(random);
            log.info("team365.privacy.ip-hash-salt is not set: IP hashes in consent evidence use a per-process salt");
        } else {
            this.salt = salt.getBytes(StandardCharsets.UTF_8);
        }
    }

    /** {@code page} names the page without its secret, e.g. {@code /preferences}. */
    public Map<String, Object> of(HttpServletRequest request, String page) {
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("time", clock.instant().toString());
        evidence.put("page", page);
        evidence.put("ipHash", hash(request.getRemoteAddr()));
        String agent = request.getHeader("User-Agent");
        if (agent != null && !agent.isBlank()) {
            evidence.put("userAgent", agent.length() > 500 ? agent.substring(0, 500) : agent);
        }
        return evidence;
    }

    String hash(String address) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(salt);
            digest.update((byte) 0);
            digest.update((address == null ? "" : address).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
