package io.team365.companies.internal;

import io.team365.identity.MemberLeaving;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A person closing their account leaves their companies with the Client, unowned (admins see them and can assign them
 * again). Runs inside the Client's transaction that removes the membership, so both happen or neither.
 */
@Component
class CompaniesOfLeavingMember {

    private final JdbcClient jdbc;

    CompaniesOfLeavingMember(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(MemberLeaving event) {
        jdbc.sql("update companies set owner_id = null, version = version + 1, updated_at = now()"
                        + " where tenant_id = :tenant and owner_id = :user")
                .param("tenant", event.tenant().value())
                .param("user", event.userId())
                .update();
    }
}
