package io.team365.identity.internal;

import io.team365.core.TenantId;
import io.team365.identity.Member;
import io.team365.identity.Role;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Who belongs to which Client, in which role. */
@Repository
class Memberships {

    record Row(TenantId tenant, Role role) {}

    private final JdbcClient jdbc;
    private final VerifiedTokens verifiedTokens;

    Memberships(JdbcClient jdbc, VerifiedTokens verifiedTokens) {
        this.jdbc = jdbc;
        this.verifiedTokens = verifiedTokens;
    }

    void insert(TenantId tenant, UUID userId, Role role) {
        jdbc.sql("insert into memberships (tenant_id, user_id, role) values (:tenant, :user, :role)")
                .param("tenant", tenant.value())
                .param("user", userId)
                .param("role", role.value())
                .update();
    }

    /** The person's Clients, most recently used first; needs {@code app.user_id} bound to that person. */
    List<Row> ofUser(UUID userId) {
        return jdbc.sql("select tenant_id, role from memberships where user_id = :user"
                        + " order by last_used_at desc nulls last, created_at")
                .param("user", userId)
                .query((rs, n) -> new Row(new TenantId(rs.getObject(1, UUID.class)), Role.of(rs.getString(2))))
                .list();
    }

    Optional<Role> roleOf(TenantId tenant, UUID userId) {
        return jdbc.sql("select role from memberships where tenant_id = :tenant and user_id = :user")
                .param("tenant", tenant.value())
                .param("user", userId)
                .query(String.class)
                .optional()
                .map(Role::of);
    }

    Optional<Role> lockRole(TenantId tenant, UUID userId) {
        return jdbc.sql("select role from memberships where tenant_id = :tenant and user_id = :user for update")
                .param("tenant", tenant.value())
                .param("user", userId)
                .query(String.class)
                .optional()
                .map(Role::of);
    }

    List<Member> members(TenantId tenant) {
        return jdbc.sql("""
                        select u.id, u.email, u.name, m.role, m.created_at
                        from memberships m join users u on u.id = m.user_id
                        where m.tenant_id = :tenant
                        order by lower(u.name), u.email
                        """)
                .param("tenant", tenant.value())
                .query((rs, n) -> new Member(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getString(3),
                        Role.of(rs.getString(4)),
                        rs.getTimestamp(5).toInstant()))
                .list();
    }

    /** Locks the Client's owner rows, so two concurrent demotions cannot both leave it without an owner. */
    int lockOwners(TenantId tenant) {
        return jdbc.sql("select user_id from memberships where tenant_id = :tenant and role = 'owner' for update")
                .param("tenant", tenant.value())
                .query(UUID.class)
                .list()
                .size();
    }

    void changeRole(TenantId tenant, UUID userId, Role role) {
        verifiedTokens.forget(tenant, userId);
        jdbc.sql("update memberships set role = :role where tenant_id = :tenant and user_id = :user")
                .param("role", role.value())
                .param("tenant", tenant.value())
                .param("user", userId)
                .update();
    }

    void delete(TenantId tenant, UUID userId) {
        verifiedTokens.forget(tenant, userId);
        jdbc.sql("delete from memberships where tenant_id = :tenant and user_id = :user")
                .param("tenant", tenant.value())
                .param("user", userId)
                .update();
    }

    void touch(TenantId tenant, UUID userId) {
        jdbc.sql("update memberships set last_used_at = now() where tenant_id = :tenant and user_id = :user")
                .param("tenant", tenant.value())
                .param("user", userId)
                .update();
    }
}
