package io.team365.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import io.team365.core.TenantId;
import io.team365.files.FileStorage;
import io.team365.notifications.Outbox;
import io.team365.privacy.internal.ErasureOutcome;
import io.team365.privacy.internal.SubjectData;
import io.team365.privacy.internal.SubjectRecords;
import io.team365.privacy.subjects.ErasureReplay;
import io.team365.support.Browserless;
import io.team365.support.IntegrationTest;
import io.team365.tenancy.TenantContext;
import io.team365.tenancy.TenantTransactions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Erasure end to end: one subject in every module, erased from the registry alone, then searched for in every text
 * and JSON column of every table of the schema (not only the declared ones); then brought back as a restored backup
 * would, and erased again by the replay.
 */
class SubjectErasureTests extends IntegrationTest {

    @Autowired
    SubjectData subjects;

    @Autowired
    SuppressionList suppressions;

    @Autowired
    ErasureReplay replay;

    @Autowired
    TenantTransactions tenants;

    @Autowired
    Outbox outbox;

    @Autowired
    FileStorage storage;

    @Test
    void erasureLeavesNoTraceButTheSuppressionHashesAndARestoreIsErasedAgain() {
        SignedUp owner = signUpAndVerify("Erasure Co");
        SignedUp elsewhere = signUpAndVerify("Erasure Elsewhere Co");
        SubjectWorld world = new SubjectWorld(owner, elsewhere, port, apiClient(owner.session()), outbox, tenants);
        TenantId tenant = new TenantId(owner.tenantId());
        String blob = tenant.value() + "/" + world.attachment;
        SubjectWorld.settle(jdbc);
        assertThat(storage.exists(blob)).isTrue();
        assertThat(mentions(tenant, world.elsewhere.tenantId(), world.identifiers()))
                .as("the subject is everywhere before")
                .contains(
                        "contacts.first_name",
                        "leads.emails",
                        "deals.name",
                        "activities.body",
                        "attachments.file_name",
                        "timeline_entries.changes",
                        "saved_views.filters",
                        "outbound_emails.recipient",
                        "companies.name",
                        "event_publication.serialized_event");

        UUID request = UUID.randomUUID();
        ErasureOutcome outcome = tenants.call(tenant, owner.userId(), () -> {
            SubjectRecords subject = subjects.find(tenant, world.email.toUpperCase());
            assertThat(subject.contactIds()).containsExactly(UUID.fromString(world.contact));
            assertThat(subject.leadIds()).as("in the trash too").containsExactly(UUID.fromString(world.lead));
            assertThat(subject.emails()).contains(world.email, world.homeEmail);
            return subjects.erase(tenant, subject, request);
        });
        assertThat(outcome.deleted())
                .containsEntry("contacts", 1)
                .containsEntry("leads", 1)
                .containsEntry("attachments", 1)
                .containsEntry("consent_events", 1)
                .containsEntry("outbound_emails", 1)
                .containsEntry("idempotency_keys", 1)
                .containsEntry("deal_contacts", 1)
                .containsKey("activities");
        // the history of the subject's records keeps no value (the actor's name is anonymised: that column's rule);
        // the purge event then removes those entries altogether
        assertThat(outcome.anonymised())
                .containsKeys("deals", "activities", "saved_views", "companies", "timeline_entries");
        SubjectWorld.settle(jdbc);
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .alias("the attachment blob is deleted once the erasure committed")
                .until(() -> !storage.exists(blob));

        assertThat(mentions(tenant, world.elsewhere.tenantId(), world.identifiers()))
                .as("columns still naming the subject")
                .isEmpty();
        TenantContext.runAs(tenant, null, () -> {
            assertThat(jdbc.sql("select count(*) from subject_suppressions")
                            .query(Integer.class)
                            .single())
                    .as("two emails and two phones")
                    .isEqualTo(4);
            assertThat(jdbc.sql("select count(*) from activities where id = cast(:id as uuid)")
                            .param("id", world.ownNote)
                            .query(Integer.class)
                            .single())
                    .as("a note only about the subject goes")
                    .isZero();
            assertThat(jdbc.sql("select subject || ' ' || body_text from activities where id = cast(:id as uuid)")
                            .param("id", world.sharedCall)
                            .query(String.class)
                            .single())
                    .as("a shared call stays, scrubbed")
                    .isEqualTo("Call with [erased] and the buyer Ask [erased] ([erased]) about seats");
            assertThat(jdbc.sql("select count(*) from activity_links where activity_id = cast(:id as uuid)")
                            .param("id", world.sharedCall)
                            .query(Integer.class)
                            .single())
                    .as("still linked to the unrelated contact and the deal")
                    .isEqualTo(2);
            assertThat(jdbc.sql(
                                    "select name || ' ' || (custom_fields->>'referrer') from deals where id = cast(:id as uuid)")
                            .param("id", world.deal)
                            .query(String.class)
                            .single())
                    .isEqualTo("[erased] renewal [erased]");
            assertThat(jdbc.sql("select contact_id::text from deal_contacts where deal_id = cast(:id as uuid)")
                            .param("id", world.deal)
                            .query(String.class)
                            .list())
                    .containsExactly(world.unrelated);
            assertThat(jdbc.sql("select first_name || ' ' || last_name || ' ' || emails::text || phones::text"
                                    + " from contacts where id = cast(:id as uuid)")
                            .param("id", world.unrelated)
                            .query(String.class)
                            .single())
                    .as("the unrelated person is untouched")
                    .contains(SubjectWorld.OTHER_NAME, world.otherEmail, world.otherPhone);
            assertThat(jdbc.sql("select count(*) from timeline_entries where changes::text like '%Oakhollow%'")
                            .query(Integer.class)
                            .single())
                    .as("the shared deal's history still names the unrelated person")
                    .isPositive();
        });
        TenantId there = new TenantId(elsewhere.tenantId());
        assertThat(mentions(there, owner.tenantId(), List.of(SubjectWorld.FIRST, world.email, world.phone)))
                .as("the same person in another Client is untouched")
                .contains("contacts.first_name", "contacts.emails", "contacts.phones", "activities.body");

        assertThat(suppressions.isSuppressed(tenant, world.email.toUpperCase())).isTrue();
        assertThat(suppressions.isSuppressed(tenant, world.homeEmail)).isTrue();
        assertThat(suppressions.isSuppressed(tenant, world.phone.replace(" ", "-")))
                .isTrue();
        assertThat(suppressions.isSuppressed(there, world.email))
                .as("only in the Client that erased them")
                .isFalse();
        assertThat(suppressions.isSuppressed(tenant, world.otherEmail)).isFalse();
        assertThat(suppressions.isSuppressed(tenant, "")).isFalse();
        assertThat(suppressions.isSuppressed(tenant, "12")).isFalse();
        assertThat(suppressions.isSuppressed(tenant, null)).isFalse();
        assertThat(api(owner).get("/api/v1/audit?recordId=" + request).body())
                .contains("subject.erased")
                .doesNotContain(world.email, SubjectWorld.LAST);

        // a restored backup brings the contact back; someone types the lead in again
        TenantContext.runAs(
                tenant,
                null,
                () -> jdbc.sql("""
                        insert into contacts (tenant_id, id, first_name, last_name, emails, phones)
                        values (:tenant, :id, :first, :last, cast(:emails as jsonb), cast(:phones as jsonb))
                        """)
                        .param("tenant", tenant.value())
                        .param("id", UUID.fromString(world.contact))
                        .param("first", SubjectWorld.FIRST)
                        .param("last", SubjectWorld.LAST)
                        .param("emails", "[{\"address\":\"" + world.email + "\",\"label\":\"work\",\"primary\":true}]")
                        .param("phones", "[]")
                        .update());
        String again = Browserless.jsonField(
                owner.session()
                        .postJson(
                                "/api/v1/leads",
                                "{\"lastName\":\"%s\",\"phones\":[{\"number\":\"%s\"}]}"
                                        .formatted(SubjectWorld.LAST, world.mobile))
                        .body(),
                "id");
        SubjectWorld.settle(jdbc);
        ErasureReplay.Report report = replay.replay(tenant);
        assertThat(report.contacts()).isEqualTo(1);
        assertThat(report.leads()).as("found by the suppressed phone").isEqualTo(1);
        SubjectWorld.settle(jdbc);
        assertThat(mentions(tenant, world.elsewhere.tenantId(), world.identifiers()))
                .as("erased again")
                .isEmpty();
        assertThat(api(owner).get("/api/v1/leads/" + again).statusCode()).isEqualTo(404);
        assertThat(replay.replay(tenant).contacts())
                .as("nothing left to replay")
                .isZero();
        assertThat(replay.replay(there).contacts())
                .as("the other Client suppresses nothing")
                .isZero();
    }

    private Browserless api(SignedUp owner) {
        return owner.session();
    }

    /**
     * Every text, varchar, text[] and JSON column of every table in the schema that holds one of the terms, read as
     * the application role with the Client bound (row-level security shows only its rows); in tables without a
     * tenant column, rows naming the other Client are its own business and skipped.
     */
    private List<String> mentions(TenantId tenant, UUID otherTenant, List<String> terms) {
        return TenantContext.callAs(tenant, null, () -> {
            List<String[]> columns = jdbc.sql("""
                            select c.table_name, c.column_name,
                                   exists (select 1 from information_schema.columns k where k.table_schema = 'public'
                                           and k.table_name = c.table_name and k.column_name = 'tenant_id')
                            from information_schema.columns c
                            join information_schema.tables t on t.table_schema = c.table_schema
                                 and t.table_name = c.table_name and t.table_type = 'BASE TABLE'
                            where c.table_schema = 'public' and c.table_name <> 'flyway_schema_history'
                              and (c.data_type in ('text', 'character varying', 'character', 'json', 'jsonb')
                                   or (c.data_type = 'ARRAY' and c.udt_name in ('_text', '_varchar')))
                            order by 1, 2
                            """)
                    .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
                    .list();
            assertThat(columns).as("the schema's text columns").hasSizeGreaterThan(60);
            List<String> found = new ArrayList<>();
            for (String[] column : columns) {
                String foreign = column[2].equals("t") || column[2].equals("true")
                        ? ""
                        : " and t::text not like '%" + otherTenant + "%'";
                for (String term : Set.copyOf(terms)) {
                    int rows = jdbc.sql("select count(*) from " + column[0] + " t where t." + column[1]
                                    + "::text ilike :term" + foreign)
                            .param("term", "%" + term.replace("_", "\\_") + "%")
                            .query(Integer.class)
                            .single();
                    if (rows > 0) {
                        found.add(column[0] + "." + column[1]);
                        break;
                    }
                }
            }
            return found;
        });
    }
}
