package io.team365.companies.internal;

import io.team365.companies.Company;
import io.team365.core.TenantId;
import io.team365.identity.RecordScope;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The companies side of merging: locking, deleting the merged rows, tombstones, and name look-alikes. */
@Repository
public class CompanyMerges {

    /** How alike two names must be (pg_trgm similarity, 0 to 1) to be proposed as the same organisation. */
    static final double NAME_SIMILARITY = 0.6;

    private final JdbcClient jdbc;
    private final Companies companies;

    CompanyMerges(JdbcClient jdbc, Companies companies) {
        this.jdbc = jdbc;
        this.companies = companies;
    }

    /** Locks the rows for the rest of the transaction, so two merges of the same companies wait for each other. */
    public void lock(Collection<UUID> ids) {
        jdbc.sql("select id from companies where id = any(:ids) order by id for update")
                .param("ids", ids.toArray(UUID[]::new))
                .query(UUID.class)
                .list();
    }

    /** Deletes a merged company if it is still at {@code version}; false if it changed or is gone. */
    public boolean delete(UUID id, int version) {
        return jdbc.sql("delete from companies where id = :id and version = :version and deleted_at is null")
                        .param("id", id)
                        .param("version", version)
                        .update()
                == 1;
    }

    /** Remembers where a merged company went; older tombstones pointing at it now point at the survivor. */
    public void tombstone(TenantId tenant, UUID merged, UUID survivor, UUID by) {
        jdbc.sql("update company_merges set survivor_id = :survivor where survivor_id = :merged")
                .param("survivor", survivor)
                .param("merged", merged)
                .update();
        jdbc.sql("insert into company_merges (tenant_id, merged_id, survivor_id, merged_by)"
                        + " values (:tenant, :merged, :survivor, :by)")
                .param("tenant", tenant.value())
                .param("merged", merged)
                .param("survivor", survivor)
                .param("by", by)
                .update();
    }

    public Optional<UUID> survivorOf(UUID merged) {
        return jdbc.sql("select survivor_id from company_merges where merged_id = :id")
                .param("id", merged)
                .query(UUID.class)
                .optional();
    }

    /** The companies among {@code ids} the scope includes, not in the trash. */
    public List<Company> visible(Collection<UUID> ids, RecordScope scope) {
        Map<String, Object> params = new HashMap<>();
        params.put("ids", ids.toArray(UUID[]::new));
        String where = "id = any(:ids) and deleted_at is null and " + scope.sql(null, params);
        return companies.list(where, params, "id", Math.max(1, ids.size()));
    }

    /**
     * Pairs of visible companies with alike names. Only names sharing their first word are compared (a hash join on
     * it), which bounds the work: a trigram index cannot serve under row-level security.
     */
    public List<List<UUID>> similarNames(RecordScope scope, int limit) {
        Map<String, Object> params = new HashMap<>();
        String visibleA = scope.sql("a", params);
        String visibleB = scope.sql("b", params);
        return jdbc.sql("""
                        select a.id, b.id from companies a
                        join companies b on split_part(b.name_key, ' ', 1) = split_part(a.name_key, ' ', 1)
                            and b.id > a.id and b.deleted_at is null
                        where a.deleted_at is null and %s and %s
                          and similarity(a.name_key, b.name_key) > :similarity
                        order by a.id, b.id limit :limit
                        """.formatted(visibleA, visibleB))
                .params(params)
                .param("similarity", NAME_SIMILARITY)
                .param("limit", limit)
                .query((rs, n) -> List.of(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)))
                .list();
    }
}
