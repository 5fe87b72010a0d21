package io.team365.contacts;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The company each of many contacts works for, in one query, for modules that attach things to a contact's company
 * as well (mail linking). Contacts in the trash and contacts without a company are absent from the answer.
 */
@Service
public class ContactCompanies {

    private final JdbcClient jdbc;

    ContactCompanies(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Contact id → company id, in the Client bound to the transaction. */
    @Transactional(readOnly = true)
    public Map<UUID, UUID> of(Collection<UUID> contactIds) {
        Map<UUID, UUID> found = new HashMap<>();
        if (contactIds.isEmpty()) {
            return found;
        }
        jdbc.sql("""
                        select id, company_id from contacts
                        where id = any(:ids) and company_id is not null and deleted_at is null
                        """)
                .param("ids", contactIds.toArray(UUID[]::new))
                .query((rs, n) -> found.put(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)))
                .list();
        return found;
    }
}
