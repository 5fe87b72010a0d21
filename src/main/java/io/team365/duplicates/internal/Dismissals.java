package io.team365.duplicates.internal;

import io.team365.core.TenantId;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@code duplicate_dismissals}: pairs of records a person said are not duplicates, the smaller id first. */
@Repository
public class Dismissals {

    private final JdbcClient jdbc;

    Dismissals(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The pair as stored: the smaller id first. */
    public static List<UUID> pair(UUID a, UUID b) {
        return a.compareTo(b) < 0 ? List.of(a, b) : List.of(b, a);
    }

    public void add(TenantId tenant, String recordType, UUID a, UUID b, UUID by) {
        List<UUID> pair = pair(a, b);
        jdbc.sql("""
                        insert into duplicate_dismissals (tenant_id, record_type, first_id, second_id, dismissed_by)
                        values (:tenant, :type, :first, :second, :by) on conflict do nothing
                        """)
                .param("tenant", tenant.value())
                .param("type", recordType)
                .param("first", pair.get(0))
                .param("second", pair.get(1))
                .param("by", by)
                .update();
    }

    /** The dismissed pairs whose both records are among {@code ids}. */
    public Set<List<UUID>> among(String recordType, Collection<UUID> ids) {
        Set<List<UUID>> pairs = new HashSet<>();
        if (ids.isEmpty()) {
            return pairs;
        }
        UUID[] array = ids.toArray(UUID[]::new);
        jdbc.sql("select first_id, second_id from duplicate_dismissals where record_type = :type"
                        + " and first_id = any(:ids) and second_id = any(:ids)")
                .param("type", recordType)
                .param("ids", array)
                .query((rs, n) -> pairs.add(List.of(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class))))
                .list();
        return pairs;
    }

    /** Records gone (merged or purged): their dismissals mean nothing any more. */
    public void forget(String recordType, Collection<UUID> ids) {
        jdbc.sql("delete from duplicate_dismissals where record_type = :type"
                        + " and (first_id = any(:ids) or second_id = any(:ids))")
                .param("type", recordType)
                .param("ids", ids.toArray(UUID[]::new))
                .update();
    }
}
