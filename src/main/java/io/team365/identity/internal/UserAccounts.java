package io.team365.identity.internal;

import io.team365.audit.AuditTrail;
import io.team365.identity.internal.sso.SsoRegistrations;
import io.team365.tenancy.DatabaseLookups;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Reads and writes {@code users}. Row-level security shows a person only to themselves, their Clients, or a lookup by email. */
@Repository
class UserAccounts {

    private static final String COLUMNS =
            "id, email, name, password_hash, email_verified_at, password_changed_at, locale, time_zone";

    private final JdbcClient jdbc;
    private final AuditTrail audit;

    UserAccounts(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    Optional<UserAccount> findByEmail(String email) {
        DatabaseLookups.byEmail(jdbc, email);
        return jdbc.sql("select " + COLUMNS + " from users where email = :email")
                .param("email", email)
                .query(UserAccounts::account)
                .optional();
    }

    Optional<UserAccount> findById(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from users where id = :id")
                .param("id", id)
                .query(UserAccounts::account)
                .optional();
    }

    void insert(UUID id, String email, String name, String passwordHash, boolean verified) {
        jdbc.sql("""
                        insert into users (id, email, name, password_hash, email_verified_at)
                        values (:id, :email, :name, :hash, case when :verified then now() end)
                        """)
                .param("id", id)
                .param("email", email)
                .param("name", name)
                .param("hash", passwordHash)
                .param("verified", verified)
                .update();
    }

    /**
     * The address's owner proved it (a link sent to it, a platform provider that verified it). Sign-in links a
     * Client's own provider made before that are dropped: such a provider vouched for the address in its Client only,
     * and may have made the account for someone else's address (ADR 0028, update). Run as the person (RLS).
     */
    void markEmailVerified(UUID id) {
        int proven = jdbc.sql("update users set email_verified_at = now() where id = :id and email_verified_at is null")
                .param("id", id)
                .update();
        if (proven == 0) {
            return;
        }
        List<String> dropped = jdbc.sql("delete from sso_identities where user_id = :id"
                        + " and registration_id like 'client-%' returning registration_id")
                .param("id", id)
                .query(String.class)
                .list();
        for (String registration : dropped) {
            // an unlink like any other, in the trail of the Client whose provider had made the link
            SsoRegistrations.tenantOf(registration)
                    .ifPresent(tenant -> audit.record(
                            tenant,
                            new AuditTrail.Actor(id, null, null, null),
                            "identity.unlinked",
                            "user",
                            id.toString(),
                            Map.of("provider", "client", "via", "address-proven")));
        }
    }

    void changePassword(UUID id, String passwordHash) {
        jdbc.sql("update users set password_hash = :hash, password_changed_at = now() where id = :id")
                .param("id", id)
                .param("hash", passwordHash)
                .update();
    }

    void updateProfile(UUID id, String name, String locale, String timeZone) {
        jdbc.sql("update users set name = :name, locale = :locale, time_zone = :tz where id = :id")
                .param("id", id)
                .param("name", name)
                .param("locale", locale)
                .param("tz", timeZone)
                .update();
    }

    private static UserAccount account(ResultSet rs, int row) throws SQLException {
        return new UserAccount(
                rs.getObject("id", UUID.class),
                rs.getString("email"),
                rs.getString("name"),
                rs.getString("password_hash"),
                instant(rs.getTimestamp("email_verified_at")),
                instant(rs.getTimestamp("password_changed_at")),
                rs.getString("locale"),
                rs.getString("time_zone"));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
