package io.team365.imports;

import static org.assertj.core.api.Assertions.assertThat;

import io.team365.support.Browserless;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The awkward-file corpus (src/test/resources/imports, written by make-corpus.py) through the whole job: uploaded
 * over the API with the mapping the headers suggest, run by the worker in batches of 3, checked in the report and in
 * the database. The readers' tests (read.*Tests) know these files byte by byte; here they must come out of an import
 * as a finished job with every record counted once and nothing half written.
 */
class ImportCorpusTests extends ImportTestSupport {

    private static final String DONE = "done";

    /** An object's table and its records' type in import_created, search_entries and record_keys. */
    private static final Map<String, String> RECORD_TYPES =
            Map.of("contacts", "contact", "companies", "company", "leads", "lead", "deals", "deal");

    @ParameterizedTest(name = "{0} as {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            # file | object | done, or the upload's refusal status | total | failed | why those fail (or the refusal's message)
            utf8.csv                | contacts  | done    | 2     | 0      | two people, names only
            utf8-bom.csv            | contacts  | done    | 2     | 0      | the same two; the BOM is not part of a header
            utf16le-bom.csv         | contacts  | done    | 2     | 0      | the same two in UTF-16 with a BOM
            utf16be.csv             | contacts  | done    | 2     | 0      | the same two in UTF-16 without a BOM
            windows1252.csv         | contacts  | done    | 2     | 0      | the same two in Windows-1252
            semicolon.csv           | contacts  | done    | 2     | 0      | German headers, a quoted ; in a value
            tab.tsv                 | contacts  | done    | 2     | 0      | an unquoted comma in a company; Acme, Inc. created
            pipe.csv                | contacts  | done    | 2     | 0      | a comma in a name is no delimiter here
            embedded-newlines.csv   | contacts  | done    | 3     | 0      | newlines inside quotes; blank lines are no records
            ragged.csv              | contacts  | done    | 5     | 5      | Bob too few values, Cid too many; Ann, Dan, Eve phones of 3 digits without a region; the all-empty row is no record
            huge-field.csv          | contacts  | done    | 5     | 2      | Bob's and Dan's notes are over 32,768 characters
            unterminated-quote.csv  | contacts  | done    | 7     | 2      | Bob's quote runs over Cid's line, Fay's never closes
            empty.csv               | contacts  | 400     | 0     | 0      | The file is empty: there is nothing in it to import.
            header-only.csv         | contacts  | done    | 0     | 0      | a header and no records: done with nothing
            binary-junk.bin         | contacts  | 400     | 0     | 0      | The file cannot be imported: The file is not a text file
            google-contacts.csv     | contacts  | done    | 3     | 1      | Bo's (415) 555-0134 has no country code and no region is given
            outlook.csv             | contacts  | done    | 2     | 1      | Jürgen's 0211 1234567 has no country code and no region is given
            hubspot-companies.csv   | companies | done    | 3     | 0      | 250 and 40 employees become the ranges 201-500 and 11-50
            salesforce-leads.csv    | leads     | done    | 2     | 1      | Pat's (555) 010-2000 has no country code and no region is given
            zoho-deals.csv          | deals     | done    | 3     | 3      | the new Client has no pipeline named Standard
            contacts-v3.vcf         | contacts  | done    | 2     | 1      | Grace's (202) 555-0142 has no country code and no region is given; Ada's photo and folded lines import
            contacts-v4.vcf         | contacts  | done    | 1     | 0      | Marie Curie with a folded logo, tel: URIs and a LABEL parameter
            contacts-v21-qp.vcf     | contacts  | done    | 2     | 1      | Jürgen's country Deutschland is not a country name we know
            broken.vcf              | contacts  | done    | 6     | 3      | a card without END, a garbage line inside a card, a card cut off at the end
            """)
    void aCorpusFileGoesThroughTheImport(
            String file, String object, String outcome, long total, long failed, String why) throws IOException {
        World world = world("Corpus " + file);
        HttpResponse<String> started = world.api().upload(file, corpus(file), ImportClient.fields("object", object));
        if (!outcome.equals(DONE)) {
            // refused at the upload, with a reason a person can act on (the last column); nothing queued
            assertThat(started.statusCode()).as(started.body()).isEqualTo(Integer.parseInt(outcome));
            assertThat(started.body()).contains("\"field\":\"file\"").contains(why);
            assertThat(count(world, "select count(*) from imports")).isZero();
            return;
        }
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        UUID id = UUID.fromString(Browserless.jsonField(started.body(), "id"));
        String report = awaitEnd(world, id);

        assertThat(report).as(why).contains("\"status\":\"done\"");
        Map<String, Long> counts = counts(report);
        assertThat(counts.get("total")).as(report).isEqualTo(total);
        assertThat(counts.get("processed")).isEqualTo(total);
        assertThat(counts.get("created")
                        + counts.get("updated")
                        + counts.get("skipped")
                        + counts.get("failed")
                        + counts.get("suppressed"))
                .as(report)
                .isEqualTo(counts.get("processed"));
        assertThat(counts.get("failed")).as(why + ": " + report).isEqualTo(failed);
        String errors = world.api().get("/api/v1/imports/" + id + "/errors").body();
        // a header line, then one line per rejected record (a cell with a newline is quoted and spans lines)
        assertThat(errors).startsWith("record,reason");
        assertNothingHalfWritten(world, id, object, counts.get("created"), number(report, "companiesCreated"));
    }

    /** Every record the import created is whole: its keys and its search entry, and undo knows it. */
    private void assertNothingHalfWritten(World world, UUID id, String object, long created, long companies) {
        String type = RECORD_TYPES.get(object);
        assertThat(count(
                        world, "select count(*) from import_created where import_id = ? and record_type = ?", id, type))
                .isEqualTo(created);
        assertThat(count(
                        world,
                        "select count(*) from import_created where import_id = ? and record_type = 'company'",
                        id))
                .isEqualTo(object.equals("companies") ? created : companies);
        assertThat(count(world, "select count(*) from " + object)).isEqualTo(created);
        for (var table : RECORD_TYPES.entrySet()) {
            assertThat(count(
                            world,
                            "select count(*) from " + table.getKey() + " r where not exists (select 1 from"
                                    + " search_entries s where s.record_type = '" + table.getValue() + "'"
                                    + " and s.record_id = r.id)"))
                    .as("%s without a search entry", table.getKey())
                    .isZero();
        }
        for (var table : Map.of("contacts", "contact", "leads", "lead").entrySet()) {
            assertThat(count(
                            world,
                            "select count(*) from " + table.getKey() + " r cross join jsonb_array_elements(r.emails) e"
                                    + " where record_key_email(e->>'address') is not null and not exists"
                                    + " (select 1 from record_keys k where k.record_type = '" + table.getValue() + "'"
                                    + " and k.record_id = r.id and k.kind = 'email'"
                                    + " and k.key = record_key_email(e->>'address'))"))
                    .as("%s emails without their record key", table.getKey())
                    .isZero();
        }
        assertThat(count(
                        world,
                        "select count(*) from companies r where record_key_domain(r.domain) is not null"
                                + " and not exists (select 1 from record_keys k where k.record_type = 'company'"
                                + " and k.record_id = r.id and k.kind = 'domain'"
                                + " and k.key = record_key_domain(r.domain))"))
                .as("company domains without their record key")
                .isZero();
    }

    private static byte[] corpus(String file) throws IOException {
        try (InputStream in = ImportCorpusTests.class.getResourceAsStream("/imports/" + file)) {
            assertThat(in).as(file).isNotNull();
            return in.readAllBytes();
        }
    }
}
