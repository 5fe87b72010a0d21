package io.team365.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Companies, leads and deals from CSV. */
class OtherObjectImportTests extends ImportTestSupport {

    @Test
    void companiesAreDeduplicatedByDomainThenName() {
        World world = world("Import Companies Co");
        world.session().postJson("/api/v1/companies", "{\"name\":\"Existing\",\"domain\":\"existing.test\"}");
        String file = """
                name,website,industry
                Existing Renamed,https://www.existing.test/about,Retail
                Globex,globex.test,Energy
                globex,,Chemicals
                Initech,initech.test,
                ,nameless.test,
                """;

        UUID id = start(world, file, "object", "companies", "onDuplicate", "update");
        String report = awaitEnd(world, id);

        assertThat(counts(report))
                .containsAllEntriesOf(Map.of("processed", 5L, "created", 2L, "updated", 2L, "failed", 1L));
        assertThat(count(world, "select count(*) from companies")).isEqualTo(3);
        assertThat(value(
                        world,
                        "select name || '/' || industry from companies where domain = 'existing.test'",
                        String.class))
                .isEqualTo("Existing Renamed/Retail");
        assertThat(value(world, "select industry from companies where domain = 'globex.test'", String.class))
                .isEqualTo("Chemicals");
        assertThat(world.api().get("/api/v1/imports/" + id + "/errors").body()).contains("5,name:");
    }

    @Test
    void leadsAreImportedWithTheirStatusAndDeduplicatedByPhone() {
        World world = world("Import Leads Co");
        String file = """
                firstName,lastName,phone,company,status
                Lia,Lead,+4930555555,Lead Corp,contacted
                Lia,Again,+49 30 555555,,
                Max,Mustermann,,,weird
                """;

        UUID id = start(world, file, "object", "leads");
        String report = awaitEnd(world, id);

        assertThat(counts(report))
                .containsAllEntriesOf(Map.of("processed", 3L, "created", 1L, "skipped", 1L, "failed", 1L));
        assertThat(value(world, "select status || '/' || company_name from leads", String.class))
                .isEqualTo("contacted/Lead Corp");
        assertThat(world.api().get("/api/v1/imports/" + id + "/errors").body())
                .contains("3,\"status: Choose one of the statuses");
    }

    @Test
    void dealsGoToTheNamedPipelineStageWithTheirCompanyAndContact() {
        World world = world("Import Deals Co");
        world.session()
                .postJson(
                        "/api/v1/contacts",
                        "{\"firstName\":\"Buyer\",\"emails\":[{\"address\":\"buyer@example.test\"}]}");
        String file = """
                name,amount,currency,closeDate,stage,company,contactEmail
                Big deal,1250.50,EUR,2027-01-31,,Deal Corp,buyer@example.test
                No money,,,,,,
                Bad date,10,EUR,31/01/2027,,,
                Bad stage,10,EUR,,Nowhere,,
                """;

        UUID id = start(world, file, "object", "deals");
        String report = awaitEnd(world, id);

        assertThat(counts(report)).containsAllEntriesOf(Map.of("processed", 4L, "created", 2L, "failed", 2L));
        assertThat(value(
                        world,
                        "select amount::text || ' ' || currency from deals where name = 'Big deal'",
                        String.class))
                .isEqualTo("1250.50 EUR");
        assertThat(count(
                        world,
                        "select count(*) from deals d join companies c on c.id = d.company_id"
                                + " where d.name = 'Big deal' and c.name = 'Deal Corp'"))
                .isEqualTo(1);
        assertThat(count(
                        world,
                        "select count(*) from deal_contacts dc join contacts c on c.id = dc.contact_id"
                                + " where c.first_name = 'Buyer'"))
                .isEqualTo(1);
        assertThat(count(
                        world,
                        "select count(*) from deals d join pipeline_stages s on s.id = d.stage_id"
                                + " where s.position = (select min(position) from pipeline_stages where pipeline_id ="
                                + " d.pipeline_id and kind = 'open')"))
                .as("the default pipeline's first open stage")
                .isEqualTo(2);
        String errors = world.api().get("/api/v1/imports/" + id + "/errors").body();
        assertThat(errors).contains("3,closeDate:").contains("4,stage:");
    }

    @Test
    void notesOfCompaniesAndDealsGoOnTheRecordOfTheirRow() {
        World world = world("Import Other Notes Co");
        String companies = """
                name,domain,Description
                Globex,globex.test,Makes everything
                Globex Again,globex.test,Second row about Globex
                Initech,initech.test,
                """;
        UUID companyImport = start(world, companies, "object", "companies", "onDuplicate", "update");
        assertThat(awaitEnd(world, companyImport)).contains("\"status\":\"done\"");
        String deals = """
                name,Notes
                With note,Renewal due in spring
                Without note,
                """;
        UUID dealImport = start(world, deals, "object", "deals");
        assertThat(awaitEnd(world, dealImport)).contains("\"status\":\"done\"");

        String notesOf = "select count(*) from activities a join activity_links l on l.activity_id = a.id"
                + " where a.type = 'note' and l.record_type = ? and l.record_id = (select id from %s where %s)";
        assertThat(count(world, notesOf.formatted("companies", "domain = 'globex.test'"), "company"))
                .as("two records of the file merged into one company: one note each")
                .isEqualTo(2);
        assertThat(count(world, notesOf.formatted("companies", "domain = 'initech.test'"), "company"))
                .isZero();
        assertThat(count(world, notesOf.formatted("deals", "name = 'With note'"), "deal"))
                .isEqualTo(1);
        assertThat(count(world, notesOf.formatted("deals", "name = 'Without note'"), "deal"))
                .isZero();
        assertThat(count(world, "select count(*) from activities")).isEqualTo(3);
        assertThat(count(
                        world,
                        "select count(*) from import_created where record_type = 'activity' and import_id = ?",
                        dealImport))
                .isEqualTo(1);
    }
}
