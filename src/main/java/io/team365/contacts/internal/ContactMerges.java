package io.team365.contacts.internal;

import io.team365.contacts.Contact;
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

/** The contacts side of merging: locking, deleting the merged rows, tombstones, and name look-alikes. */
@Repository
public class ContactMerges {

    /** How alike two names must be (pg_trgm similarity, 0 to 1) to be proposed as the same person. */
    static final double NAME_SIMILARITY = 0.6;

    private final JdbcClient jdbc;
    private final Contacts contacts;

    ContactMerges(JdbcClient jdbc, Contacts contacts) {
        this.jdbc = jdbc;
        this.contacts = contacts;
    }

    /** Locks the rows for the rest of the transaction, so two merges of the same records wait for each other. */
    public void lock(Collection<UUID> ids) {
        jdbc.sql("select id from contacts where id = any(:ids) order by id for update")
                .param("ids", ids.toArray(UUID[]::new))
                .query(UUID.class)
                .list();
    }

    /** Deletes a merged contact if it is still at {@code version}; false if it changed or is gone. */
    public boolean delete(UUID id, int version) {
        return jdbc.sql("delete from contacts where id = :id and version = :version and deleted_at is null")
                        .param("id", id)
                        .param("version", version)
                        .update()
                == 1;
    }

    /** Remembers where a merged contact went; older tombstones pointing at it now point at the survivor. */
    public void tombstone(TenantId tenant, UUID merged, UUID survivor, UUID by) {
        jdbc.sql("update contact_merges set survivor_id = :survivor where survivor_id = :merged")
                .param("survivor", survivor)
                .param("merged", merged)
                .update();
        jdbc.sql("insert into contact_merges (tenant_id, merged_id, survivor_id, merged_by)"
                        + " values (:tenant, :merged, :survivor, :by)")
                .param("tenant", tenant.value())
                .param("merged", merged)
                .param("survivor", survivor)
                .param("by", by)
                .update();
    }

    public Optional<UUID> survivorOf(UUID merged) {
        return jdbc.sql("select survivor_id from contact_merges where merged_id = :id")
                .param("id", merged)
                .query(UUID.class)
                .optional();
    }

    /** The contacts among {@code ids} the scope includes, not in the trash. */
    public List<Contact> visible(Collection<UUID> ids, RecordScope scope) {
        Map<String, Object> params = new HashMap<>();
        params.put("ids", ids.toArray(UUID[]::new));
        String where = "id = any(:ids) and deleted_at is null and " + scope.sql(null, params);
        return contacts.list(where, params, "id", Math.max(1, ids.size()));
    }

    /**
     * Pairs of contacts at the same company whose full names are alike. Within one company the candidates are few,
     * so the pairs are compared directly (a trigram index cannot serve under row-level security anyway).
     */
    public List<List<UUID>> similarNames(RecordScope scope, int limit) {
        Map<String, Object> params = new HashMap<>();
        String visibleA = scope.sql("a", params);
        String visibleB = scope.sql("b", params);
        return jdbc.sql("""
                        select a.id, b.id from contacts a
                        join contacts b on b.company_id = a.company_id and b.id > a.id and b.deleted_at is null
                        where a.company_id is not null and a.deleted_at is null and %s and %s
                          and similarity(lower(concat_ws(' ', a.first_name, a.last_name)),
                                         lower(concat_ws(' ', b.first_name, b.last_name))) > :similarity
                          and coalesce(a.first_name, a.last_name) is not null
                          and coalesce(b.first_name, b.last_name) is not null
                        order by a.id, b.id limit :limit
                        """.formatted(visibleA, visibleB))
                .params(params)
                .param("similarity", NAME_SIMILARITY)
                .param("limit", limit)
                .query((rs, n) -> List.of(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)))
                .list();
    }

    /** Companies were merged: their people now work at the survivor. A change like any other (version bumped). */
    public void moveToCompany(Collection<UUID> mergedCompanies, UUID survivor) {
        jdbc.sql("update contacts set company_id = :survivor, version = version + 1, updated_at = now()"
                        + " where company_id = any(:merged)")
                .param("survivor", survivor)
                .param("merged", mergedCompanies.toArray(UUID[]::new))
                .update();
    }
}
