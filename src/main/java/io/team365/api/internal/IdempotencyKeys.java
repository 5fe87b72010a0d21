package io.team365.api.internal;

import io.team365.core.TenantId;
import io.team365.tenancy.TenantCrypto;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The stored outcomes of creates sent with an Idempotency-Key, per Client, person and key. */
@Repository
class IdempotencyKeys {

    static final String PURPOSE = "api.idempotent-response";

    sealed interface Claim {}

    /** The key is new: this request does the work. */
    record Claimed() implements Claim {}

    /** The same request was done before: answer as it was answered then. */
    record Replay(int status, String contentType, String location, byte[] body) implements Claim {}

    /** The key is taken by a request still under way, or by a different request. */
    record Refused(boolean inProgress) implements Claim {}

    private final JdbcClient jdbc;
    private final TenantCrypto crypto;

    IdempotencyKeys(JdbcClient jdbc, TenantCrypto crypto) {
        this.jdbc = jdbc;
        this.crypto = crypto;
    }

    Claim claim(TenantId tenant, UUID user, String key, String requestHash) {
        jdbc.sql("delete from idempotency_keys where tenant_id = :tenant and user_id = :user"
                        + " and created_at < now() - interval '24 hours'")
                .param("tenant", tenant.value())
                .param("user", user)
                .update();
        int inserted = jdbc.sql("insert into idempotency_keys (tenant_id, user_id, key, request_hash)"
                        + " values (:tenant, :user, :key, :hash) on conflict do nothing")
                .param("tenant", tenant.value())
                .param("user", user)
                .param("key", key)
                .param("hash", requestHash)
                .update();
        if (inserted == 1) {
            return new Claimed();
        }
        record Stored(String hash, boolean completed, Integer status, String type, String location, byte[] body) {}
        Optional<Stored> stored = jdbc.sql("select request_hash, completed, response_status, response_type,"
                        + " response_location, response_body from idempotency_keys"
                        + " where tenant_id = :tenant and user_id = :user and key = :key")
                .param("tenant", tenant.value())
                .param("user", user)
                .param("key", key)
                .query((rs, n) -> new Stored(
                        rs.getString(1),
                        rs.getBoolean(2),
                        (Integer) rs.getObject(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getBytes(6)))
                .optional();
        if (stored.isEmpty()) {
            return claim(tenant, user, key, requestHash); // it expired or was released in between
        }
        Stored s = stored.get();
        if (!s.hash().equals(requestHash)) {
            return new Refused(false);
        }
        if (!s.completed()) {
            return new Refused(true);
        }
        byte[] body = s.body() == null ? new byte[0] : crypto.decrypt(tenant, PURPOSE, s.body());
        return new Replay(s.status(), s.type(), s.location(), body);
    }

    void complete(TenantId tenant, UUID user, String key, int status, String type, String location, byte[] body) {
        jdbc.sql("update idempotency_keys set completed = true, response_status = :status, response_type = :type,"
                        + " response_location = :location, response_body = :body"
                        + " where tenant_id = :tenant and user_id = :user and key = :key")
                .param("status", status)
                .param("type", type)
                .param("location", location)
                .param("body", crypto.encrypt(tenant, PURPOSE, body))
                .param("tenant", tenant.value())
                .param("user", user)
                .param("key", key)
                .update();
    }

    /** A failed attempt frees the key, so the client can retry it. */
    void release(TenantId tenant, UUID user, String key) {
        jdbc.sql("delete from idempotency_keys where tenant_id = :tenant and user_id = :user and key = :key"
                        + " and not completed")
                .param("tenant", tenant.value())
                .param("user", user)
                .param("key", key)
                .update();
    }
}
