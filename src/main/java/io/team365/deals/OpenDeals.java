package io.team365.deals;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The open deals (not won, lost or in the trash) of many contacts and companies, in one query, for modules that
 * attach things to the deals of the people involved (mail linking).
 */
@Service
public class OpenDeals {

    private final JdbcClient jdbc;

    OpenDeals(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Contact or company id → the ids of its open deals, in the Client bound to the transaction. */
    @Transactional(readOnly = true)
    public Map<UUID, List<UUID>> of(Collection<UUID> contactIds, Collection<UUID> companyIds) {
        Map<UUID, List<UUID>> found = new HashMap<>();
        if (contactIds.isEmpty() && companyIds.isEmpty()) {
            return found;
        }
        jdbc.sql("""
                        select dc.contact_id as party, d.id from deal_contacts dc
                        join deals d on d.tenant_id = dc.tenant_id and d.id = dc.deal_id
                        where dc.contact_id = any(:contacts) and d.status = 'open' and d.deleted_at is null
                        union
                        select d.company_id, d.id from deals d
                        where d.company_id = any(:companies) and d.status = 'open' and d.deleted_at is null
                        """)
                .param("contacts", contactIds.toArray(UUID[]::new))
                .param("companies", companyIds.toArray(UUID[]::new))
                .query((rs, n) -> found.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                        .add(rs.getObject(2, UUID.class)))
                .list();
        return found;
    }
}
