package io.team365.identity.internal;

import io.team365.audit.AuditTrail;
import io.team365.core.Ids;
import io.team365.core.NotFound;
import io.team365.core.TenantId;
import io.team365.core.Validation;
import io.team365.identity.ApiToken;
import io.team365.identity.Role;
import io.team365.identity.SignedInUser;
import io.team365.tenancy.DatabaseLookups;
import io.team365.tenancy.TenantContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Personal access tokens: {@code t365_} and 43 random characters, shown once, stored as a SHA-256 hash. A token
 * acts for one person in one Client, with that person's current role there.
 */
@Service
public class ApiTokens {

    public static final String PREFIX = "t365_";

    public record Created(UUID id, String name, String token) {}

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final TransactionTemplate transaction;
    private final VerifiedTokens verified;

    ApiTokens(JdbcClient jdbc, AuditTrail audit, PlatformTransactionManager transactions, VerifiedTokens verified) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.transaction = new TransactionTemplate(transactions);
        this.verified = verified;
    }

    @Transactional
    public Created create(SignedInUser user, String requestedName, AuditTrail.Actor actor) {
        Validation check = Validation.start();
        String name = check.text("name", requestedName, 100);
        check.throwIfInvalid();
        String token = PREFIX + SecretTokens.newSecret();
        UUID id = Ids.newId();
        jdbc.sql("insert into api_tokens (tenant_id, id, user_id, name, token_hash)"
                        + " values (:tenant, :id, :user, :name, :hash)")
                .param("tenant", user.tenant().value())
                .param("id", id)
                .param("user", user.userId())
                .param("name", name)
                .param("hash", SecretTokens.hash(token))
                .update();
        audit.record(user.tenant(), actor, "token.created", "token", id.toString(), Map.of("name", name));
        return new Created(id, name, token);
    }

    public List<ApiToken> list(SignedInUser user) {
        return jdbc.sql("select id, name, created_at, last_used_at, revoked_at from api_tokens"
                        + " where user_id = :user order by created_at desc")
                .param("user", user.userId())
                .query((rs, n) -> new ApiToken(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        instant(rs.getTimestamp(3)),
                        instant(rs.getTimestamp(4)),
                        instant(rs.getTimestamp(5))))
                .list();
    }

    @Transactional
    public void revoke(SignedInUser user, UUID tokenId, AuditTrail.Actor actor) {
        String name = jdbc.sql("update api_tokens set revoked_at = coalesce(revoked_at, now())"
                        + " where id = :id and user_id = :user returning name")
                .param("id", tokenId)
                .param("user", user.userId())
                .query(String.class)
                .optional()
                .orElseThrow(() -> new NotFound("token"));
        verified.forget(user.tenant(), user.userId());
        audit.record(user.tenant(), actor, "token.revoked", "token", tokenId.toString(), Map.of("name", name));
    }

    /**
     * The person and Client a presented token acts for, if it is genuine and not revoked; notes its use. A token
     * checked in the last few seconds is answered from {@link VerifiedTokens}.
     */
    Optional<SignedInUser> authenticate(String presented) {
        if (presented == null || !presented.startsWith(PREFIX) || presented.length() > 100) {
            return Optional.empty();
        }
        String hash = SecretTokens.hash(presented);
        Optional<SignedInUser> known = verified.get(hash);
        if (known.isPresent()) {
            return known;
        }
        Optional<SignedInUser> user = lookUp(hash);
        user.ifPresent(u -> verified.put(hash, u));
        return user;
    }

    private Optional<SignedInUser> lookUp(String hash) {
        record Owner(TenantId tenant, UUID userId) {}
        Optional<Owner> owner = transaction.execute(status -> {
            DatabaseLookups.byTokenHash(jdbc, hash);
            // "last used" is kept to the minute: writing it on every call would make every request of a busy
            // token queue on that one row's lock
            return jdbc.sql("""
                            with found as (
                                select id, tenant_id, user_id, last_used_at from api_tokens
                                where token_hash = :hash and revoked_at is null),
                            touched as (
                                update api_tokens t set last_used_at = now() from found
                                where t.id = found.id
                                  and (found.last_used_at is null or found.last_used_at < now() - interval '1 minute')
                                returning t.id)
                            select tenant_id, user_id from found
                            """)
                    .param("hash", hash)
                    .query((rs, n) -> new Owner(new TenantId(rs.getObject(1, UUID.class)), rs.getObject(2, UUID.class)))
                    .optional();
        });
        return owner.flatMap(o -> TenantContext.callAs(
                o.tenant(),
                o.userId(),
                () -> jdbc.sql("""
                        select u.email, u.name, m.role from memberships m join users u on u.id = m.user_id
                        where m.tenant_id = :tenant and m.user_id = :user
                        """)
                        .param("tenant", o.tenant().value())
                        .param("user", o.userId())
                        .query((rs, n) -> new SignedInUser(
                                o.userId(), rs.getString(1), rs.getString(2), o.tenant(), Role.of(rs.getString(3))))
                        .optional()));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
