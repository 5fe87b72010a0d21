package io.team365.identity.internal.mfa;

import io.team365.audit.AuditTrail;
import io.team365.identity.SignedInUser;
import io.team365.tenancy.TenantTransactions;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Ten one-time recovery codes, for a lost phone. Each code carries 80 random bits, so a SHA-256 hash is safe to keep
 * (no dictionary to try); the codes themselves are shown once and never stored.
 */
@Service
public class RecoveryCodes {

    static final int COUNT = 10;
    /** Crockford's base32, lower case: no i, l, o or u to misread. */
    private static final char[] ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz".toCharArray();

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Clock clock;
    private final TenantTransactions transactions;
    private final AuditTrail audit;

    RecoveryCodes(JdbcClient jdbc, Clock clock, TenantTransactions transactions, AuditTrail audit) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.transactions = transactions;
        this.audit = audit;
    }

    /** Replaces all the person's codes with ten new ones, returned for showing once. */
    List<String> replace(SignedInUser user) {
        return transactions.call(user.tenant(), user.userId(), () -> {
            removeAll(user.userId());
            List<String> codes = new ArrayList<>();
            for (int i = 0; i < COUNT; i++) {
                String code = newCode();
                codes.add(code);
                jdbc.sql("insert into user_recovery_codes (user_id, code_hash, created_at) values (:user, :hash, :now)")
                        .param("user", user.userId())
                        .param("hash", hash(code))
                        .param("now", Timestamp.from(clock.instant()))
                        .update();
            }
            return codes;
        });
    }

    /**
     * New codes on request (the old ones stop working), for a person with a second factor: an authenticator app, or
     * a passkey (whose owner needs a way in when the device is lost just as much).
     */
    public java.util.Optional<List<String>> regenerate(SignedInUser user, AuditTrail.Actor actor) {
        return transactions.call(user.tenant(), user.userId(), () -> {
            if (!hasSecondFactor(user.userId())) {
                return java.util.Optional.<List<String>>empty();
            }
            List<String> codes = replace(user);
            audit.record(
                    user.tenant(),
                    actor,
                    "mfa.recovery.regenerated",
                    "user",
                    user.userId().toString(),
                    Map.of());
            return java.util.Optional.of(codes);
        });
    }

    /** Uses a code: true once per code, false for a wrong, malformed or already used one. */
    public boolean use(SignedInUser user, String typed, AuditTrail.Actor actor) {
        String code = normalise(typed);
        if (code.length() != 16) {
            return false;
        }
        return transactions.call(user.tenant(), user.userId(), () -> {
            int used = jdbc.sql("""
                            update user_recovery_codes set used_at = :now
                            where user_id = :user and code_hash = :hash and used_at is null
                            """)
                    .param("now", Timestamp.from(clock.instant()))
                    .param("user", user.userId())
                    .param("hash", hash(code))
                    .update();
            if (used == 1) {
                audit.record(
                        user.tenant(),
                        actor,
                        "mfa.recovery.used",
                        "user",
                        user.userId().toString(),
                        Map.of("left", left(user.userId())));
            }
            return used == 1;
        });
    }

    public int left(SignedInUser user) {
        return transactions.call(user.tenant(), user.userId(), () -> left(user.userId()));
    }

    private int left(UUID userId) {
        return jdbc.sql("select count(*) from user_recovery_codes where user_id = :user and used_at is null")
                .param("user", userId)
                .query(Integer.class)
                .single();
    }

    /**
     * After an app or a passkey was removed: the codes go with the last second factor (they would otherwise wait
     * to become valid again the day a new factor is added), and stay while another one remains.
     */
    public void discardUnlessSecondFactorLeft(SignedInUser user) {
        transactions.call(user.tenant(), user.userId(), () -> {
            discardUnlessSecondFactorLeft(user.userId());
            return null;
        });
    }

    /** The same, in the caller's transaction (acting as the person). */
    void discardUnlessSecondFactorLeft(UUID userId) {
        if (!hasSecondFactor(userId)) {
            removeAll(userId);
        }
    }

    private void removeAll(UUID userId) {
        jdbc.sql("delete from user_recovery_codes where user_id = :user")
                .param("user", userId)
                .update();
    }

    private boolean hasSecondFactor(UUID userId) {
        return jdbc.sql("""
                        select exists (select 1 from user_totp where user_id = :user and confirmed_at is not null)
                            or exists (select 1 from passkey_credentials where user_id = :user)
                        """).param("user", userId).query(Boolean.class).single();
    }

    /** Four groups of four, e.g. {@code 7k2m-q9xa-…}, easy to read out and type. */
    private static String newCode() {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            if (i > 0 && i % 4 == 0) {
                code.append('-');
            }
            code.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return code.toString();
    }

    /** Dashes and spaces dropped, case ignored, and the letters people mistake for digits read as those digits. */
    static String normalise(String typed) {
        if (typed == null || typed.length() > 64) {
            return "";
        }
        return typed.toLowerCase(Locale.ROOT)
                .replaceAll("[\\s-]", "")
                .replace('o', '0')
                .replace('i', '1')
                .replace('l', '1');
    }

    static String hash(String code) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256")
                            .digest(normalise(code).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
