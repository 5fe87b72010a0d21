package io.team365.imports;

import static org.assertj.core.api.Assertions.assertThat;

import io.team365.privacy.SuppressionList;
import io.team365.support.Browserless;
import io.team365.tenancy.TenantContext;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Contacts imported from CSV over the API: headers mapped automatically, duplicates in the file and in the
 * database, erased people skipped, bad rows rejected whole and listed, sources and consent recorded.
 */
class ContactImportTests extends ImportTestSupport {

    @Autowired
    SuppressionList suppressions;

    private static final String FILE = """
            firstName,lastName,email,phone,company,tags
            Ana,López,ana@example.test,+4930123456,Acme,vip;new
            Ben,Baker,dup@example.test,,,
            Anita,Again,ANA@example.test,,,
            Eve,Erased,erased@example.test,,,
            Bad,Row,not-an-email,,,
            Cy,Cole,cy@example.test,+4930999999,acme,
            =SUM(1),Formula,bad@@example,,,
            """;

    @Test
    void skipModeImportsWhatIsNewAndCountsEveryOutcomeExactly() {
        World world = world("Import Skip Co");
        String existing = Browserless.jsonField(
                world.session()
                        .postJson(
                                "/api/v1/contacts",
                                "{\"firstName\":\"Old\",\"emails\":[{\"address\":\"dup@example.test\"}]}")
                        .body(),
                "id");
        TenantContext.runAs(
                world.tenant(), null, () -> suppressions.suppress(world.tenant(), "erased@example.test", null));

        UUID id = start(world, FILE, "object", "contacts", "consentBasis", "consent:newsletter");
        String report = awaitEnd(world, id);

        assertThat(report)
                .contains("\"status\":\"done\"")
                .contains("\"errorsUrl\":\"/api/v1/imports/" + id + "/errors\"");
        assertThat(counts(report))
                .containsAllEntriesOf(Map.of(
                        "total", 7L,
                        "processed", 7L,
                        "created", 2L,
                        "skipped", 2L,
                        "failed", 2L,
                        "suppressed", 1L,
                        "updated", 0L));
        assertThat(number(report, "companiesCreated")).isEqualTo(1);
        // in SQL: one Ana, the existing contact untouched, nobody erased brought back, no half row
        assertThat(count(world, "select count(*) from contacts where emails @> '[{\"address\":\"ana@example.test\"}]'"))
                .isEqualTo(1);
        assertThat(count(world, "select count(*) from contacts where deleted_at is null"))
                .isEqualTo(3);
        assertThat(value(
                        world, "select first_name from contacts where id = ?", String.class, UUID.fromString(existing)))
                .isEqualTo("Old");
        assertThat(count(world, "select count(*) from contacts where emails::text like '%erased%'"))
                .isZero();
        assertThat(count(world, "select count(*) from contacts where first_name in ('Bad', '=SUM(1)')"))
                .isZero();
        assertThat(value(world, "select phones::text from contacts where first_name = 'Ana'", String.class))
                .contains("+4930123456");
        assertThat(value(
                        world,
                        "select array_to_string(tags, ' ') from contacts where first_name = 'Ana'",
                        String.class))
                .isEqualTo("vip new");
        // both contacts linked to the one company "Acme", made by the import
        assertThat(count(world, "select count(*) from companies where name_key = 'acme'"))
                .isEqualTo(1);
        assertThat(count(
                        world,
                        "select count(distinct company_id) from contacts where first_name in ('Ana', 'Cy')"
                                + " and company_id = (select id from companies where name_key = 'acme')"))
                .isEqualTo(1);
        assertThat(count(world, "select count(*) from import_created where import_id = ?", id))
                .isEqualTo(3);

        // privacy: every imported value's source is the file; consent per created contact in the ledger
        UUID ana = value(world, "select id from contacts where first_name = 'Ana'", UUID.class);
        // one row for the record naming the fields the file set (ADR 0019), nothing per field
        assertThat(count(
                        world,
                        "select count(*) from value_source_imports cross join unnest(fields) f where record_id = ?"
                                + " and import_id = ? and detail = 'people.csv' and record_type = 'contact'"
                                + " and f in ('firstName', 'lastName', 'emails', 'phones')",
                        ana,
                        id))
                .isEqualTo(4);
        assertThat(count(world, "select count(*) from value_source_imports where record_id = ?", ana))
                .isEqualTo(1);
        assertThat(count(world, "select count(*) from value_sources where record_id = ?", ana))
                .isZero();
        assertThat(count(
                        world,
                        "select count(*) from consent_events where purpose = 'newsletter' and granted"
                                + " and method = 'import' and contact_id in (select id from contacts where first_name in"
                                + " ('Ana', 'Cy'))"))
                .isEqualTo(2);
        assertThat(count(world, "select count(*) from consent_events")).isEqualTo(2);

        // the rejected rows, with reasons, safe to open in a spreadsheet
        var errors = world.api().get("/api/v1/imports/" + id + "/errors");
        assertThat(errors.statusCode()).isEqualTo(200);
        assertThat(errors.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(errors.body())
                .startsWith("record,reason,firstName,lastName,email,phone,company,tags\r\n")
                .contains("5,email: not an email address,Bad,Row,not-an-email")
                .contains("7,email: not an email address,'=SUM(1),Formula,bad@@example")
                .doesNotContain("Eve")
                .doesNotContain("Ben");
        assertThat(errors.body().lines().count()).isEqualTo(3);

        // audit: started and completed, counts only
        String audit = world.session().get("/api/v1/audit?recordId=" + id).body();
        assertThat(audit)
                .contains("import.started")
                .contains("import.completed")
                .doesNotContain("ana@example.test");

        assertThat(world.api().get("/api/v1/imports").body()).contains("\"id\":\"" + id + "\"");
    }

    @Test
    void anImportNeverRevivesAWithdrawnConsent() {
        World world = world("Import Withdrawn Co");
        String withdrew = Browserless.jsonField(
                world.session()
                        .postJson(
                                "/api/v1/contacts",
                                "{\"firstName\":\"Wanda\",\"emails\":[{\"address\":\"wanda@example.test\"}]}")
                        .body(),
                "id");
        for (boolean granted : new boolean[] {true, false}) {
            assertThat(world.session()
                            .postJson("/api/v1/consents", """
                                    {"contactId":"%s","purpose":"newsletter","granted":%s,"method":"form",
                                     "policyVersion":"2026-11","evidence":{"page":"/preferences"}}""".formatted(withdrew, granted))
                            .statusCode())
                    .isEqualTo(201);
        }
        String file = """
                firstName,email
                Wanda,wanda@example.test
                Nora,nora@example.test
                """;

        UUID id =
                start(world, file, "object", "contacts", "onDuplicate", "update", "consentBasis", "consent:newsletter");
        assertThat(counts(awaitEnd(world, id)))
                .containsAllEntriesOf(Map.of("processed", 2L, "created", 1L, "updated", 1L));

        assertThat(value(
                        world,
                        "select granted from consent_events where contact_id = ? and purpose = 'newsletter'"
                                + " order by recorded_at desc, id desc limit 1",
                        Boolean.class,
                        UUID.fromString(withdrew)))
                .as("Wanda's withdrawal still stands")
                .isFalse();
        assertThat(count(world, "select count(*) from consent_events where method = 'import'"))
                .as("only Nora, who is new, gets the file's consent")
                .isEqualTo(1);
        assertThat(count(
                        world,
                        "select count(*) from consent_events e join contacts c on c.id = e.contact_id"
                                + " where e.method = 'import' and e.granted and c.first_name = 'Nora'"))
                .isEqualTo(1);
    }

    @Test
    void updateModeMergesIntoTheExistingRecordAndRowsOfTheSameFile() {
        World world = world("Import Update Co");
        String existing = Browserless.jsonField(
                world.session()
                        .postJson(
                                "/api/v1/contacts",
                                "{\"firstName\":\"Old\",\"lastName\":\"Name\",\"emails\":[{\"address\":"
                                        + "\"dup@example.test\"}],\"tags\":[\"keep\"]}")
                        .body(),
                "id");
        String file = """
                firstName,email,phone,tags
                New,dup@example.test,+4930111111,fresh
                Twin,twin@example.test,,
                ,twin@example.test,+4930222222,second
                """;

        UUID id = start(world, file, "object", "contacts", "onDuplicate", "update");
        String report = awaitEnd(world, id);

        assertThat(counts(report))
                .containsAllEntriesOf(
                        Map.of("processed", 3L, "created", 1L, "updated", 2L, "skipped", 0L, "failed", 0L));
        UUID old = UUID.fromString(existing);
        assertThat(value(world, "select first_name || ' ' || last_name from contacts where id = ?", String.class, old))
                .as("given fields overwrite, the others stay")
                .isEqualTo("New Name");
        assertThat(value(world, "select phones::text from contacts where id = ?", String.class, old))
                .contains("+4930111111");
        assertThat(value(world, "select array_to_string(tags, ',') from contacts where id = ?", String.class, old))
                .isEqualTo("keep,fresh");
        assertThat(value(world, "select version from contacts where id = ?", Integer.class, old))
                .isEqualTo(2);
        assertThat(count(world, "select count(*) from contacts")).isEqualTo(2);
        assertThat(value(world, "select phones::text from contacts where first_name = 'Twin'", String.class))
                .contains("+4930222222");
        assertThat(count(world, "select count(*) from import_created where import_id = ?", id))
                .isEqualTo(1);
        // the fields the file set came from the import; the one it left alone keeps the person's source
        assertThat(count(
                        world,
                        "select count(*) from value_source_imports where record_id = ? and import_id = ?"
                                + " and 'firstName' = any(fields) and 'phones' = any(fields)"
                                + " and not 'lastName' = any(fields)",
                        old,
                        id))
                .isEqualTo(1);
        assertThat(count(world, "select count(*) from value_sources where record_id = ? and field = 'firstName'", old))
                .isZero();
        assertThat(value(
                        world,
                        "select source from value_sources where record_id = ? and field = 'lastName'",
                        String.class,
                        old))
                .isEqualTo("user");
    }

    @Test
    void createModeCreatesDuplicatesAndAnExplicitMappingIsFollowed() {
        World world = world("Import Create Co");
        world.session()
                .postJson(
                        "/api/v1/contacts", "{\"firstName\":\"Old\",\"emails\":[{\"address\":\"dup@example.test\"}]}");
        world.session().postJson("/api/v1/companies", "{\"name\":\"Example Inc\",\"domain\":\"example.test\"}");
        String file = """
                Given name,Mail,Ignored
                One,dup@example.test,x
                Two,dup@example.test,y
                """;

        UUID id = start(
                world,
                file,
                "object",
                "contacts",
                "onDuplicate",
                "create",
                "mapping",
                "{\"Given name\":\"firstName\",\"Mail\":\"email\",\"Ignored\":\"\"}");
        String report = awaitEnd(world, id);

        assertThat(counts(report)).containsAllEntriesOf(Map.of("created", 2L, "skipped", 0L, "updated", 0L));
        assertThat(count(world, "select count(*) from contacts where emails @> '[{\"address\":\"dup@example.test\"}]'"))
                .isEqualTo(3);
        assertThat(count(world, "select count(*) from contacts where first_name in ('One', 'Two')"))
                .isEqualTo(2);
        assertThat(count(
                        world,
                        "select count(*) from contacts c join companies co on co.id = c.company_id"
                                + " where c.first_name in ('One', 'Two') and co.name = 'Example Inc'"))
                .as("linked to the company of their email's domain")
                .isEqualTo(2);
    }

    @Test
    void aSharedPhoneMatchesOnlyPeopleWithoutAnEmail() {
        World world = world("Import Switchboard Co");
        String file = """
                firstName,email,phone
                Ana,ana@switchboard.test,+49 30 5550100
                Ben,ben@switchboard.test,+49 30 5550100
                Cleo,,030 5550100
                """;
        UUID id = start(world, file, "object", "contacts", "defaultRegion", "DE");
        String report = awaitEnd(world, id);

        assertThat(counts(report))
                .as("colleagues with their own emails are two people; the one without an email is Ana again")
                .containsAllEntriesOf(Map.of("created", 2L, "skipped", 1L, "failed", 0L));
        assertThat(count(world, "select count(*) from contacts")).isEqualTo(2);
    }

    @Test
    void notesBecomeOneNoteOnTheRecordOfEachRowAndUndoTrashesThem() {
        World world = world("Import Notes Co");
        String existing = Browserless.jsonField(
                world.session()
                        .postJson(
                                "/api/v1/contacts",
                                "{\"firstName\":\"Old\",\"emails\":[{\"address\":\"old@notes.test\"}]}")
                        .body(),
                "id");
        String file = "firstName,email,Notes\n"
                + "Ana,ana@notes.test,\"Met at the fair.\nWants a demo & a <b>quote</b>.\"\n"
                + "Ben,ben@notes.test,\n"
                + "Old,old@notes.test,Called back\n"
                // within the reader's limit for a value, but over the note form's once escaped, as there
                + "Long,long@notes.test," + "&".repeat(25_000) + "\n";

        UUID id = start(world, file, "object", "contacts", "onDuplicate", "update");
        String report = awaitEnd(world, id);

        assertThat(counts(report)).containsAllEntriesOf(Map.of("created", 2L, "updated", 1L, "failed", 1L));
        UUID ana = value(world, "select id from contacts where first_name = 'Ana'", UUID.class);
        UUID ben = value(world, "select id from contacts where first_name = 'Ben'", UUID.class);
        UUID old = UUID.fromString(existing);
        assertThat(count(world, "select count(*) from activities")).isEqualTo(2);
        String notesOf = "select count(*) from activities a join activity_links l on l.activity_id = a.id"
                + " where a.type = 'note' and l.record_type = 'contact' and l.record_id = ?";
        assertThat(count(world, notesOf, ana)).isEqualTo(1);
        assertThat(count(world, notesOf, ben)).as("no notes, no note").isZero();
        assertThat(count(world, notesOf, old))
                .as("a record it updated gets the row's note")
                .isEqualTo(1);
        // stored as a note typed into the form: the text escaped, its lines kept, a subject from its first words
        String anaNote =
                "select %s from activities a join activity_links l on l.activity_id = a.id" + " where l.record_id = ?";
        assertThat(value(world, anaNote.formatted("body"), String.class, ana))
                .isEqualTo("<p>Met at the fair.<br>Wants a demo &amp; a &lt;b&gt;quote&lt;/b&gt;.</p>");
        assertThat(value(world, anaNote.formatted("body_text"), String.class, ana))
                .isEqualTo("Met at the fair. Wants a demo & a <b>quote</b>.");
        assertThat(value(world, anaNote.formatted("subject"), String.class, ana))
                .isEqualTo("Met at the fair. Wants a demo &…");
        assertThat(count(
                        world,
                        "select count(*) from activities where owner_id = ? and created_by = ?"
                                + " and deleted_at is null and not done",
                        world.owner().userId(),
                        world.owner().userId()))
                .isEqualTo(2);
        // the notes are no field of the contact: its imported fields do not name them
        assertThat(count(world, "select count(*) from value_source_imports where 'notes' = any(fields)"))
                .isZero();
        assertThat(world.api().get("/api/v1/imports/" + id + "/errors").body())
                .containsPattern("(?m)^4,\"?notes: Use at most 100.?000 characters");
        // the record's activities, as its page shows them
        assertThat(world.session()
                        .get("/activities/panel?recordType=contact&recordId=" + ana)
                        .body())
                .contains("Met at the fair.");

        var undone = world.api().post("/api/v1/imports/" + id + "/undo");

        assertThat(undone.statusCode()).as(undone.body()).isEqualTo(200);
        assertThat(count(world, "select count(*) from activities where deleted_at is null"))
                .as("the notes go, also the one on the record the import only updated")
                .isZero();
        assertThat(count(world, "select count(*) from activities where deleted_at is not null"))
                .isEqualTo(2);
        assertThat(count(world, "select count(*) from contacts where id = ? and deleted_at is null", old))
                .isEqualTo(1);
    }
}
