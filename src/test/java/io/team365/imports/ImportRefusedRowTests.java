package io.team365.imports;

import static org.assertj.core.api.Assertions.assertThat;

import io.team365.imports.internal.ImportRunner;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * A record that passes the import's checks but that the database refuses costs that record only: its batch is
 * written again in halves (records 4 | 5, 6, then 5 | 6) and the import ends done. The database is made to refuse a first name no check
 * in Java knows about with a constraint added for these tests only ({@code not valid}: rows already there are not
 * checked) and dropped after them. Batches of 3 here.
 */
class ImportRefusedRowTests extends ImportTestSupport {

    private static final String CONSTRAINT = "contacts_import_test_refused";

    @Autowired
    ImportRunner runner;

    @Value("${spring.datasource.url}")
    String url;

    @Value("${spring.flyway.user}")
    String ownerRole;

    @Value("${spring.flyway.password}")
    String ownerPassword;

    @BeforeEach
    void refuseAName() throws Exception {
        owner("alter table contacts add constraint " + CONSTRAINT
                + " check (coalesce(lower(first_name), '') <> 'refusedbydb') not valid");
    }

    @AfterEach
    void acceptItAgain() throws Exception {
        owner("alter table contacts drop constraint if exists " + CONSTRAINT);
    }

    /** The tables' owner alters them; the application's role cannot (and must not be able to). */
    private void owner(String sql) throws Exception {
        try (Connection db = DriverManager.getConnection(url, ownerRole, ownerPassword);
                Statement statement = db.createStatement()) {
            statement.execute(sql);
        }
    }

    /**
     * Batch 2 holds records 4 to 6: record 5 is refused by the database, records 4 and 6 have the same email (so the
     * second updates the first, as within a batch written whole).
     */
    private static final String FILE = """
            firstName,email
            Ana,ana@example.test
            Ben,ben@example.test
            Cy,cy@example.test
            Dee,dup@example.test
            RefusedByDb,refused@example.test
            Dee Again,dup@example.test
            Eve,eve@example.test
            Flo,flo@example.test
            """;

    @Test
    void aRecordTheDatabaseRefusesIsRejectedAloneAndTheImportEndsDone() {
        World world = world("Import Refused Row Co");

        UUID id = start(world, FILE, "object", "contacts", "onDuplicate", "update");
        String report = awaitEnd(world, id);

        assertThat(report).contains("\"status\":\"done\"");
        assertWrittenAroundTheRefusedRecord(world, id, report);
    }

    @Test
    void aCrashWhileTheRefusedBatchIsWrittenOneByOneResumesWithoutDuplicates() {
        World world = world("Import Refused Crash Co");
        // batch 2 is refused whole; its first half (record 4), written again, dies before it commits
        runner.crashInBatch(2);

        UUID id = start(world, FILE, "object", "contacts", "onDuplicate", "update");
        String report = awaitEnd(world, id);

        assertThat(report).contains("\"status\":\"done\"");
        assertThat(count(world, "select runs from imports where id = ?", id)).isGreaterThanOrEqualTo(2);
        assertWrittenAroundTheRefusedRecord(world, id, report);
    }

    private void assertWrittenAroundTheRefusedRecord(World world, UUID id, String report) {
        assertThat(counts(report))
                .containsAllEntriesOf(Map.of(
                        "total", 8L,
                        "processed", 8L,
                        "created", 6L,
                        "updated", 1L,
                        "skipped", 0L,
                        "failed", 1L,
                        "suppressed", 0L));
        assertThat(count(world, "select checkpoint from imports where id = ?", id))
                .isEqualTo(8);
        assertThat(count(world, "select count(*) from contacts")).isEqualTo(6);
        assertThat(count(world, "select count(*) from contacts where lower(first_name) like 'refused%'"))
                .isZero();
        assertThat(value(
                        world,
                        "select first_name from contacts where emails->0->>'address' = 'dup@example.test'",
                        String.class))
                .isEqualTo("Dee Again");
        // nothing half written: every contact, and only those, has its keys, search entry and undo entry
        assertThat(count(world, "select count(*) from record_keys where kind = 'email'"))
                .isEqualTo(6);
        assertThat(count(world, "select count(*) from record_keys where key like 'refused%'"))
                .isZero();
        assertThat(count(
                        world,
                        "select count(*) from contacts c where exists (select 1 from search_entries s"
                                + " where s.record_type = 'contact' and s.record_id = c.id)"))
                .isEqualTo(6);
        assertThat(count(world, "select count(*) from search_entries")).isEqualTo(6);
        assertThat(count(
                        world,
                        "select count(*) from import_created i join contacts c on c.id = i.record_id"
                                + " where i.import_id = ?",
                        id))
                .isEqualTo(6);
        assertThat(count(world, "select count(*) from import_created where import_id = ?", id))
                .isEqualTo(6);
        assertThat(count(world, "select count(*) from value_source_imports where 'emails' = any(fields)"))
                .isEqualTo(6);

        var errors = world.api().get("/api/v1/imports/" + id + "/errors");
        assertThat(errors.statusCode()).isEqualTo(200);
        assertThat(errors.body())
                .startsWith("record,reason,firstName,email\r\n")
                .contains("5,The database refused this record: one of its values breaks the rule " + CONSTRAINT
                        + ".,RefusedByDb,refused@example.test")
                .doesNotContainIgnoringCase("violates")
                .doesNotContainIgnoringCase("insert");
        assertThat(errors.body().lines().count()).isEqualTo(2);
    }
}
