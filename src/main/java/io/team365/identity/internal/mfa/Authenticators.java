package io.team365.identity.internal.mfa;

import io.team365.audit.AuditTrail;
import io.team365.identity.SignedInUser;
import io.team365.tenancy.TenantTransactions;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * A person's authenticator app (TOTP): enrolment with a first code, checking codes (skew window, no replay), and
 * removal. Every call binds the person, since the rows are visible only to their owner (row-level security); that
 * also works on the second-factor page, where nobody is signed in yet.
 */
@Service
public class Authenticators {

    /** Enrolment under way: what the QR code and the text field show. */
    public record Setup(String secretText, String keyUri) {}

    public record Status(boolean enrolled, Instant confirmedAt) {}

    private final JdbcClient jdbc;
    private final TotpSeal seal;
    private final Clock clock;
    private final TenantTransactions transactions;
    private final RecoveryCodes recoveryCodes;
    private final AuditTrail audit;

    Authenticators(
            JdbcClient jdbc,
            TotpSeal seal,
            Clock clock,
            TenantTransactions transactions,
            RecoveryCodes recoveryCodes,
            AuditTrail audit) {
        this.jdbc = jdbc;
        this.seal = seal;
        this.clock = clock;
        this.transactions = transactions;
        this.recoveryCodes = recoveryCodes;
        this.audit = audit;
    }

    public Status status(SignedInUser user) {
        Optional<Instant> confirmed = transactions.call(
                user.tenant(),
                user.userId(),
                () -> jdbc.sql("select confirmed_at from user_totp where user_id = :user and confirmed_at is not null")
                        .param("user", user.userId())
                        .query(Timestamp.class)
                        .optional()
                        .map(Timestamp::toInstant));
        return new Status(confirmed.isPresent(), confirmed.orElse(null));
    }

    public boolean enrolled(SignedInUser user) {
        return status(user).enrolled();
    }

    /**
     * Starts (or restarts) enrolment with a fresh secret, unless an authenticator is already confirmed: then that
     * one has to be removed first, so a stray click cannot replace a working authenticator.
     */
    public Optional<Setup> begin(SignedInUser user) {
        return transactions.call(user.tenant(), user.userId(), () -> {
            if (enrolledInTransaction(user.userId())) {
                return Optional.empty();
            }
            byte[] secret = Totp.newSecret();
            jdbc.sql("""
                            insert into user_totp (user_id, sealed_secret, created_at) values (:user, :sealed, :now)
                            on conflict (user_id) do update set sealed_secret = excluded.sealed_secret,
                                created_at = excluded.created_at, last_used_step = null
                            """)
                    .param("user", user.userId())
                    .param("sealed", seal.seal(user.userId(), secret))
                    .param("now", Timestamp.from(clock.instant()))
                    .update();
            return Optional.of(setupOf(user, secret));
        });
    }

    /** The enrolment under way (to show the QR code again), if any. */
    public Optional<Setup> pendingSetup(SignedInUser user) {
        return transactions.call(
                user.tenant(),
                user.userId(),
                () -> jdbc.sql("select sealed_secret from user_totp where user_id = :user and confirmed_at is null")
                        .param("user", user.userId())
                        .query(byte[].class)
                        .optional()
                        .map(stored -> setupOf(user, seal.open(user.userId(), stored))));
    }

    /**
     * Confirms enrolment with a first code from the app; on success, issues the ten recovery codes (returned, to be
     * shown once). Empty when the code is wrong or no enrolment is under way.
     */
    public Optional<java.util.List<String>> confirm(SignedInUser user, String typedCode, AuditTrail.Actor actor) {
        String code = Totp.normalise(typedCode);
        return transactions.call(user.tenant(), user.userId(), () -> {
            Optional<Row> row = lock(user.userId()).filter(r -> r.confirmedAt() == null);
            if (row.isEmpty()) {
                return Optional.empty();
            }
            OptionalLong step = Totp.matchingStep(
                    seal.open(user.userId(), row.get().sealed()),
                    code,
                    clock.instant(),
                    row.get().lastUsedStep());
            if (step.isEmpty()) {
                return Optional.empty();
            }
            jdbc.sql("update user_totp set confirmed_at = :now, last_used_step = :step where user_id = :user")
                    .param("now", Timestamp.from(clock.instant()))
                    .param("step", step.getAsLong())
                    .param("user", user.userId())
                    .update();
            java.util.List<String> codes = recoveryCodes.replace(user);
            audit.record(
                    user.tenant(),
                    actor,
                    "mfa.totp.enrolled",
                    "user",
                    user.userId().toString(),
                    Map.of());
            return Optional.of(codes);
        });
    }

    /**
     * Checks a code of a confirmed authenticator and, if right, remembers its step so the same code (or an older
     * one) is never accepted again. The row is locked, so two requests racing with one code cannot both pass.
     */
    public boolean verify(SignedInUser user, String typedCode) {
        String code = Totp.normalise(typedCode);
        return transactions.call(user.tenant(), user.userId(), () -> {
            Optional<Row> row = lock(user.userId()).filter(r -> r.confirmedAt() != null);
            if (row.isEmpty()) {
                return false;
            }
            OptionalLong step = Totp.matchingStep(
                    seal.open(user.userId(), row.get().sealed()),
                    code,
                    clock.instant(),
                    row.get().lastUsedStep());
            if (step.isEmpty()) {
                return false;
            }
            jdbc.sql("update user_totp set last_used_step = :step where user_id = :user")
                    .param("step", step.getAsLong())
                    .param("user", user.userId())
                    .update();
            return true;
        });
    }

    /** Removes the authenticator, and the recovery codes unless a passkey still needs them. */
    public boolean remove(SignedInUser user, AuditTrail.Actor actor) {
        return transactions.call(user.tenant(), user.userId(), () -> {
            int removed = jdbc.sql("delete from user_totp where user_id = :user")
                    .param("user", user.userId())
                    .update();
            recoveryCodes.discardUnlessSecondFactorLeft(user.userId());
            if (removed > 0) {
                audit.record(
                        user.tenant(),
                        actor,
                        "mfa.totp.removed",
                        "user",
                        user.userId().toString(),
                        Map.of());
            }
            return removed > 0;
        });
    }

    private boolean enrolledInTransaction(UUID userId) {
        return lock(userId).map(r -> r.confirmedAt() != null).orElse(false);
    }

    private record Row(byte[] sealed, Instant confirmedAt, Long lastUsedStep) {}

    private Optional<Row> lock(UUID userId) {
        return jdbc.sql("select sealed_secret, confirmed_at, last_used_step from user_totp where user_id = :user"
                        + " for update")
                .param("user", userId)
                .query((rs, n) -> new Row(
                        rs.getBytes(1),
                        rs.getTimestamp(2) == null ? null : rs.getTimestamp(2).toInstant(),
                        (Long) rs.getObject(3)))
                .optional();
    }

    private static Setup setupOf(SignedInUser user, byte[] secret) {
        String text = Totp.base32(secret).replaceAll("(.{4})(?!$)", "$1 ");
        return new Setup(text, Totp.keyUri(secret, user.email()));
    }
}
