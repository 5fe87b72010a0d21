package io.team365.privacy.internal;

import io.team365.core.MergeCounts;
import io.team365.core.RecordsMerged;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Records merged: what privacy keeps about them follows the survivor, in the merge's transaction (ADR 0017).
 *
 * <ul>
 *   <li>The consent ledger is append-only, so entries are not changed: each entry of a merged contact is recorded
 *       again for the survivor, with its original method, time, policy version and evidence, plus
 *       {@code mergedFrom}/{@code mergedEntry} naming where it came from; the originals are then deleted (they name a
 *       contact that no longer exists, and an erasure of the survivor must find them). The survivor's consent is
 *       then, as always, the newest entry per purpose, whichever record it was given on.
 *   <li>An objection to marketing on any of the records holds for the survivor.
 *   <li>Value sources: a field the survivor took from a merged record takes that record's source (where it has one);
 *       sources of fields the survivor had none for are added; the merged records' own rows go.
 * </ul>
 */
@Component
class MergedSubjectData implements MergeCounts {

    private final JdbcClient jdbc;
    private final ValueSourceStore sources;

    MergedSubjectData(JdbcClient jdbc, ValueSourceStore sources) {
        this.jdbc = jdbc;
        this.sources = sources;
    }

    @EventListener
    void on(RecordsMerged merged) {
        UUID[] gone = merged.mergedIds().toArray(UUID[]::new);
        if ("contact".equals(merged.recordType())) {
            moveConsents(merged.survivorId(), gone);
            jdbc.sql("""
                            insert into subject_objections (tenant_id, contact_id, request_id, objected_at)
                            select tenant_id, :survivor, request_id, objected_at from subject_objections
                            where contact_id = any(:gone)
                            on conflict do nothing
                            """)
                    .param("survivor", merged.survivorId())
                    .param("gone", gone)
                    .update();
            jdbc.sql("delete from subject_objections where contact_id = any(:gone)")
                    .param("gone", gone)
                    .update();
        }
        moveValueSources(merged, gone);
    }

    private void moveConsents(UUID survivor, UUID[] gone) {
        jdbc.sql("""
                        insert into consent_events (tenant_id, id, contact_id, purpose, granted, method, policy_version,
                            evidence, recorded_by, recorded_at)
                        select tenant_id, gen_random_uuid(), :survivor, purpose, granted, method, policy_version,
                            evidence || jsonb_build_object('mergedFrom', contact_id, 'mergedEntry', id),
                            recorded_by, recorded_at
                        from consent_events where contact_id = any(:gone)
                        """).param("survivor", survivor).param("gone", gone).update();
        jdbc.sql("delete from consent_events where contact_id = any(:gone)")
                .param("gone", gone)
                .update();
    }

    private void moveValueSources(RecordsMerged merged, UUID[] gone) {
        // sources an import recorded per record become per-field rows first, so the field rules below see them all
        UUID[] all = java.util.Arrays.copyOf(gone, gone.length + 1);
        all[gone.length] = merged.survivorId();
        sources.expand(all);
        for (Map.Entry<String, UUID> picked : merged.fieldSources().entrySet()) {
            copySources(merged, new UUID[] {picked.getValue()}, picked.getKey(), true);
        }
        copySources(merged, gone, null, false);
        jdbc.sql("delete from value_sources where record_type = :type and record_id = any(:gone)")
                .param("type", merged.recordType())
                .param("gone", gone)
                .update();
    }

    /**
     * The sources of {@code from} (of one field, or all) given to the survivor: replacing its own for a field whose
     * value came from there, else only where it has none.
     */
    private void copySources(RecordsMerged merged, UUID[] from, String field, boolean replace) {
        jdbc.sql("""
                        insert into value_sources (tenant_id, record_type, record_id, field, source, detail,
                            recorded_by, recorded_at)
                        select distinct on (field) tenant_id, record_type, :survivor, field, source, detail,
                            recorded_by, recorded_at
                        from value_sources
                        where record_type = :type and record_id = any(:from)
                          and (cast(:field as text) is null or field = cast(:field as text))
                        order by field, recorded_at desc
                        on conflict (tenant_id, record_type, record_id, field) do %s
                        """.formatted(
                                replace
                                        ? "update set source = excluded.source, detail = excluded.detail,"
                                                + " recorded_by = excluded.recorded_by,"
                                                + " recorded_at = excluded.recorded_at"
                                        : "nothing"))
                .param("survivor", merged.survivorId())
                .param("type", merged.recordType())
                .param("from", from)
                .param("field", field)
                .update();
    }

    @Override
    public String label() {
        return "duplicates.related.consents";
    }

    @Override
    public long count(String recordType, Collection<UUID> ids) {
        return "contact".equals(recordType)
                ? jdbc.sql("select count(*) from consent_events where contact_id = any(:ids)")
                        .param("ids", ids.toArray(UUID[]::new))
                        .query(Long.class)
                        .single()
                : 0;
    }
}
