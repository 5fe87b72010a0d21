package io.team365.imports;

import static org.assertj.core.api.Assertions.assertThat;

import io.team365.imports.internal.ImportRunner;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Imports in the background: a crash mid-import resumes without duplicates, cancel, undo. Batches of 3 here. */
class ImportRunTests extends ImportTestSupport {

    @Autowired
    ImportRunner runner;

    @Autowired
    DataSource dataSource;

    private static String people(int n, String prefix) {
        StringBuilder csv = new StringBuilder("firstName,email\n");
        for (int i = 1; i <= n; i++) {
            csv.append(prefix).append(i).append(',').append(prefix).append(i).append("@example.test\n");
        }
        return csv.toString();
    }

    @Test
    void aWorkerThatDiesInTheMiddleIsResumedFromItsCheckpointWithoutDuplicates() {
        World world = world("Import Crash Co");
        runner.crashInBatch(3); // batches 1 and 2 commit; batch 3 writes its rows, then the worker dies

        UUID id = start(world, people(11, "crash"), "object", "contacts");
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .until(() -> count(world, "select runs from imports where id = ?", id) >= 2);
        String report = awaitEnd(world, id);

        assertThat(report).contains("\"status\":\"done\"");
        assertThat(counts(report))
                .containsAllEntriesOf(
                        Map.of("total", 11L, "processed", 11L, "created", 11L, "skipped", 0L, "failed", 0L));
        assertThat(count(world, "select count(*) from contacts")).isEqualTo(11);
        assertThat(count(world, "select count(distinct emails->0->>'address') from contacts"))
                .isEqualTo(11);
        assertThat(count(world, "select count(*) from import_created where import_id = ?", id))
                .isEqualTo(11);
        assertThat(count(world, "select checkpoint from imports where id = ?", id))
                .isEqualTo(11);
        // one value-source row per imported record (ADR 0019), none repeated by the resumed batch
        assertThat(count(world, "select count(*) from value_source_imports where 'emails' = any(fields)"))
                .isEqualTo(11);
        assertThat(count(world, "select count(*) from value_sources")).isZero();
        assertThat(count(world, "select count(*) from record_keys where kind = 'email'"))
                .isEqualTo(11);
    }

    @Test
    void rowsRejectedWhileTheNextBatchIsReadAheadCountOnceEvenAcrossACrash() {
        World world = world("Import Read Ahead Co");
        // batches of 3; one bad row (no name, no valid email) in each; batch 2 dies after its rows were checked ahead
        // and written, while batch 3 was already being read and checked
        StringBuilder csv = new StringBuilder("firstName,email\n");
        for (int i = 1; i <= 9; i++) {
            csv.append(i % 3 == 2 ? "" : "ahead" + i)
                    .append(',')
                    .append(i % 3 == 2 ? "not-an-email" : "ahead" + i + "@example.test")
                    .append('\n');
        }
        runner.crashInBatch(2);

        UUID id = start(world, csv.toString(), "object", "contacts");
        String report = awaitEnd(world, id);

        assertThat(report).contains("\"status\":\"done\"");
        assertThat(counts(report))
                .containsAllEntriesOf(Map.of("total", 9L, "processed", 9L, "created", 6L, "failed", 3L));
        assertThat(count(world, "select runs from imports where id = ?", id)).isGreaterThanOrEqualTo(2);
        assertThat(count(world, "select count(*) from contacts")).isEqualTo(6);
        assertThat(value(
                        world,
                        "select string_agg(record_number::text, ',' order by record_number) from import_errors"
                                + " where import_id = ?",
                        String.class,
                        id))
                .isEqualTo("2,5,8");
        assertThat(count(world, "select count(*) from import_created where import_id = ?", id))
                .isEqualTo(6);
    }

    @Test
    void aBatchWhoseDatabaseConnectionIsKilledRollsBackAndTheImportResumesWithoutDuplicates() throws Exception {
        World world = world("Import Killed Connection Co");
        UUID id;
        try (Connection blocker = dataSource.getConnection()) {
            // hold the worker inside its first batch: the batch inserts its contacts, then waits for this lock
            blocker.setAutoCommit(false);
            try (Statement s = blocker.createStatement()) {
                s.execute("lock table import_created in share mode");
            }
            id = start(world, people(8, "killed"), "object", "contacts");
            Integer worker = Awaitility.await()
                    .atMost(Duration.ofSeconds(20))
                    .until(() -> jdbc.sql("""
                                            select pid from pg_stat_activity
                                            where wait_event_type = 'Lock' and query like 'insert into import_created%'""").query(Integer.class).optional().orElse(null), pid -> pid != null);
            assertThat(jdbc.sql("select pg_terminate_backend(?)")
                            .param(worker)
                            .query(Boolean.class)
                            .single())
                    .isTrue();
            blocker.rollback();
        }
        String report = awaitEnd(world, id);

        assertThat(report).contains("\"status\":\"done\"");
        assertThat(counts(report))
                .containsAllEntriesOf(Map.of("total", 8L, "processed", 8L, "created", 8L, "failed", 0L));
        assertThat(count(world, "select runs from imports where id = ?", id)).isGreaterThanOrEqualTo(2);
        assertThat(count(world, "select count(*) from contacts")).isEqualTo(8);
        assertThat(count(world, "select count(distinct emails->0->>'address') from contacts"))
                .isEqualTo(8);
        assertThat(count(world, "select count(*) from import_created where import_id = ?", id))
                .isEqualTo(8);
        assertThat(count(world, "select count(*) from record_keys where kind = 'email'"))
                .isEqualTo(8);
    }

    @Test
    void cancelStopsAfterTheCurrentBatchKeepsWhatWasImportedAndUndoTrashesIt() {
        World world = world("Import Cancel Co");
        runner.crashInBatch(2); // the import stops with one batch committed and waits for its lease to run out
        UUID id = start(world, people(9, "cancel"), "object", "contacts");
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .until(() -> count(world, "select checkpoint from imports where id = ?", id) == 3);

        var cancelled = world.api().post("/api/v1/imports/" + id + "/cancel");
        assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
        assertThat(cancelled.body()).contains("\"cancelRequested\":true");
        String report = awaitEnd(world, id);

        assertThat(report).contains("\"status\":\"cancelled\"");
        assertThat(counts(report)).containsAllEntriesOf(Map.of("processed", 3L, "created", 3L));
        assertThat(count(world, "select count(*) from contacts where deleted_at is null"))
                .isEqualTo(3);
        assertThat(world.api().post("/api/v1/imports/" + id + "/cancel").statusCode())
                .isEqualTo(409);

        var undone = world.api().post("/api/v1/imports/" + id + "/undo");
        assertThat(undone.statusCode()).as(undone.body()).isEqualTo(200);
        assertThat(undone.body()).contains("\"status\":\"undone\"");
        assertThat(count(world, "select count(*) from contacts where deleted_at is null"))
                .isZero();
        assertThat(count(world, "select count(*) from contacts where deleted_at is not null"))
                .isEqualTo(3);
        String audit = world.session().get("/api/v1/audit?recordId=" + id).body();
        assertThat(audit)
                .contains("import.cancel-requested")
                .contains("import.cancelled")
                .contains("import.undone");
    }

    @Test
    void undoTrashesWhatTheImportCreatedExceptWhatWasChangedSinceAndLeavesUpdatesAlone() {
        World world = world("Import Undo Co");
        world.session()
                .postJson(
                        "/api/v1/contacts",
                        "{\"firstName\":\"Kept\",\"emails\":[{\"address\":\"kept@example.test\"}]}");
        String file = """
                firstName,email,company
                Kept,kept@example.test,
                Una,una@example.test,Undo Ltd
                Dos,dos@example.test,
                Tres,tres@example.test,
                """;
        UUID id = start(world, file, "object", "contacts", "onDuplicate", "update");
        assertThat(awaitEnd(world, id)).contains("\"status\":\"done\"");
        assertThat(world.api().post("/api/v1/imports/" + id + "/cancel").statusCode())
                .isEqualTo(409);
        // someone edits one imported contact after the import ended
        update(
                world,
                "update contacts set job_title = 'Edited', updated_at = now() + interval '1 minute',"
                        + " version = version + 1 where first_name = 'Dos'");

        var undone = world.api().post("/api/v1/imports/" + id + "/undo");

        assertThat(undone.statusCode()).as(undone.body()).isEqualTo(200);
        assertThat(count(world, "select count(*) from contacts where deleted_at is null"))
                .isEqualTo(2);
        assertThat(count(
                        world,
                        "select count(*) from contacts where deleted_at is null and first_name in"
                                + " ('Kept', 'Dos')"))
                .isEqualTo(2);
        assertThat(count(world, "select count(*) from companies where deleted_at is not null and name = 'Undo Ltd'"))
                .isEqualTo(1);
        assertThat(world.api().post("/api/v1/imports/" + id + "/undo").statusCode())
                .as("only once")
                .isEqualTo(409);
    }
}
