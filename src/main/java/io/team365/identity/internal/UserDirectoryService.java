package io.team365.identity.internal;

import io.team365.core.TenantId;
import io.team365.identity.Member;
import io.team365.identity.UserDirectory;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

@Service
class UserDirectoryService implements UserDirectory {

    private final Memberships memberships;
    private final JdbcClient jdbc;

    UserDirectoryService(Memberships memberships, JdbcClient jdbc) {
        this.memberships = memberships;
        this.jdbc = jdbc;
    }

    @Override
    public List<Member> membersOf(TenantId tenant) {
        return memberships.members(tenant);
    }

    @Override
    public Optional<Instant> signedUpAt(UUID userId) {
        return jdbc.sql("select created_at from users where id = :id")
                .param("id", userId)
                .query(Timestamp.class)
                .optional()
                .map(Timestamp::toInstant);
    }
}
