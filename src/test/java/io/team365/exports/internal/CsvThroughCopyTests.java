package io.team365.exports.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.team365.contacts.ContactExports;
import io.team365.core.TenantId;
import io.team365.core.exporting.ExportColumn;
import io.team365.core.exporting.ExportRow;
import io.team365.support.Browserless;
import io.team365.support.IntegrationTest;
import io.team365.tenancy.TenantContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Exports now read their rows through {@code COPY (select …) TO STDOUT (format binary)} with the selection's values
 * written into the statement as literals (ADR 0026). Awkward stored values come out byte for byte as the CSV writer
 * makes them from rows read the way exports read them before (a plain JDBC select of the same columns), and every
 * kind of filter value (quotes, backslashes, LIKE wildcards, ids, times, the member's record scope) selects the
 * same rows it selects in the list.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CsvThroughCopyTests extends IntegrationTest {

    @Autowired
    ContactExports contactExports;

    SignedUp owner;
    Browserless api;
    UUID quoted;
    UUID empty;
    UUID irish;
    UUID odd;

    @BeforeAll
    void aClientWithAwkwardContacts() {
        owner = signUpAndVerify("Awkward Values Co");
        api = apiClient(owner.session());
        assertThat(api.postJson(
                                "/api/v1/custom-fields",
                                "{\"object\":\"contact\",\"key\":\"tier\",\"label\":\"=Tier, \\\"A\\\"\","
                                        + "\"type\":\"text\"}")
                        .statusCode())
                .isEqualTo(201);
        HttpResponse<String> company = api.postJson("/api/v1/companies", "{\"name\":\"-Minus, \\\"Inc\\\"\"}");
        assertThat(company.statusCode()).as(company.body()).isEqualTo(201);
        UUID companyId = UUID.fromString(Browserless.jsonField(company.body(), "id"));
        quoted = insert(
                "\"Quote\", comma",
                "line\nbreak",
                "[{\"address\": \"-a@x.example\", \"primary\": false},"
                        + " {\"address\": \"b\\\"c@x.example\", \"primary\": true, \"label\": \"work\"}]",
                "[{\"number\": \"+49 30 1\"}, {\"number\": \"@2\", \"label\": \"x\"}]",
                "=HYPERLINK(\"http://x\")",
                "+1",
                "{awk,\"it's\"}",
                "{\"tier\": \"=cmd|' /C calc'!A0\"}",
                "{\"street\": \"Straße 1,\\r\\n2\", \"city\": \"\\tTab\", \"country\": \"Ísland\"}",
                companyId,
                owner.userId());
        empty = insert("", "Zoë 😀", "[]", "[]", null, null, "{awk}", "{}", "{}", null, null);
        irish = insert(
                "O'Brien",
                "back\\slash %_",
                "[{\"address\": \"\", \"primary\": true}, {\"address\": \"tab\\there@x.example\"}]",
                "[{\"number\": \"\"}, {\"number\": \"+4930 2\"}, {\"label\": \"none\"}]",
                "\rCR first",
                "\tTab first",
                "{awk}",
                "{\"tier\": \"@gold\"}",
                "{\"region\": \"\\\"quoted\\\"\", \"postalCode\": \"\"}",
                null,
                UUID.randomUUID());
        odd = insert(
                "Élodie",
                "Ünlü",
                "[{\"address\": \"e@x.example\"}, {\"address\": 7}, {\"address\": \"f@x.example\", \"primary\": \"true\"}]",
                "[{\"number\": \"1\"}, {\"number\": \"\"}, {\"number\": \"2\"}]",
                "CEO; founder",
                "Fair\u00a0\"2026\"",
                "{awk,-minus,=eq}",
                "{\"tier\": 7}",
                "{\"street\": \"\"}",
                companyId,
                owner.userId());
        insert("Not", "Selected", "[]", "[]", null, null, "{other}", "{}", "{}", null, owner.userId());
    }

    @Test
    void awkwardValuesComeOutByteForByteAsTheWriterMakesThemFromAPlainSelect() {
        byte[] file = file(startAndFinish(api, "{\"filter[tag][has]\":\"awk\"}"));
        byte[] expected = oracle("'awk' = any(tags)");
        assertThat(new String(file, StandardCharsets.UTF_8)).isEqualTo(new String(expected, StandardCharsets.UTF_8));
        assertThat(file).isEqualTo(expected);

        String csv = new String(file, StandardCharsets.UTF_8);
        assertThat(csv.substring(1, csv.indexOf("\r\n"))).endsWith(",createdAt,updatedAt,\"'=Tier, \"\"A\"\"\"");
        assertThat(csv)
                .contains(
                        "\"\"\"Quote\"\", comma\",\"line\nbreak\",\"b\"\"c@x.example\",\"'-a@x.example; b\"\"c@x.example\"",
                        ",'+49 30 1; @2,\"'=HYPERLINK(\"\"http://x\"\")\",\"'-Minus, \"\"Inc\"\"\"",
                        ",awk; it's,'+1,\"Straße 1,\r\n2\",'\tTab,,,Ísland,",
                        ",'=cmd|' /C calc'!A0\r\n",
                        ",O'Brien,back\\slash %_,,tab\there@x.example,'+4930 2,\"'\rCR first\",",
                        ",'\tTab first,,,\"\"\"quoted\"\"\",,,",
                        ",Élodie,Ünlü,e@x.example,e@x.example; f@x.example,1; ; 2,CEO; founder,",
                        ",,Zoë 😀,,,,,")
                .doesNotContain(",=", ",+", ",-", ",@");
        assertThat(rows(csv).stream().map(String::strip).filter(l -> l.startsWith(odd.toString())))
                .singleElement()
                .satisfies(line -> assertThat(line)
                        .contains(
                                ",awk; -minus; =eq,\"Fair\u00a0\"\"2026\"\"\",", ",Olive Owner," + owner.userId() + ",")
                        .endsWith(",7"));
        assertThat(rows(csv).stream().map(String::strip).filter(l -> l.startsWith(irish.toString())))
                .singleElement()
                .satisfies(line -> assertThat(line).endsWith(",'@gold").doesNotContain("Olive Owner"));
    }

    @Test
    void filterValuesWrittenIntoTheStatementSelectWhatTheListSelects() {
        assertThat(ids(startAndFinish(api, "{\"q\":\"O'Brien\"}"))).containsExactly(irish);
        assertThat(ids(startAndFinish(api, "{\"filter[tag][has]\":\"it's\"}"))).containsExactly(quoted);
        assertThat(ids(startAndFinish(api, "{\"filter[lastName][starts]\":\"back\\\\sl\"}")))
                .containsExactly(irish);
        assertThat(ids(startAndFinish(api, "{\"filter[lastName][contains]\":\"%_\"}")))
                .as("LIKE wildcards in the value are matched as themselves")
                .containsExactly(irish);
        assertThat(ids(startAndFinish(api, "{\"filter[lastName][contains]\":\"'; drop table contacts; --\"}")))
                .isEmpty();
        assertThat(ids(startAndFinish(api, "{\"filter[ownerId]\":\"me\",\"filter[tag][has]\":\"awk\"}")))
                .containsExactlyInAnyOrder(quoted, odd);
        assertThat(ids(startAndFinish(api, "{\"filter[createdAt][gt]\":\"2000-01-01\",\"filter[tag]\":\"awk\"}")))
                .containsExactlyInAnyOrder(quoted, empty, irish, odd);
        assertThat(ids(startAndFinish(api, "{\"filter[createdAt][lt]\":\"2000-01-01T00:00:00Z\"}")))
                .isEmpty();
        assertThat(inTenant(() -> jdbc.sql("select count(*) from contacts")
                        .query(Long.class)
                        .single()))
                .isEqualTo(5L);
    }

    @Test
    void aMemberWhoSeesOnlyTheirOwnRecordsExportsOnlyThose() {
        SignedUp client = signUpAndVerify("Scoped Export Co");
        Joined member = inviteAndJoin(client, "member");
        Browserless owners = apiClient(client.session());
        Browserless members = apiClient(member.session());
        String mine = Browserless.jsonField(
                members.postJson("/api/v1/contacts", "{\"firstName\":\"Mine\",\"lastName\":\"O'Member\"}")
                        .body(),
                "id");
        assertThat(owners.postJson("/api/v1/contacts", "{\"firstName\":\"Theirs\",\"lastName\":\"Owner's\"}")
                        .statusCode())
                .isEqualTo(201);
        assertThat(client.session()
                        .postForm("/settings/client/visibility", Map.of("recordVisibility", "own"))
                        .statusCode())
                .isEqualTo(302);
        assertThat(ids(members, startAndFinish(members, null))).containsExactly(UUID.fromString(mine));
        assertThat(ids(owners, startAndFinish(owners, null))).hasSize(2);
    }

    @Test
    void aClientSeesNoneOfAnotherClientsContacts() {
        SignedUp other = signUpAndVerify("Other Export Co");
        Browserless others = apiClient(other.session());
        assertThat(others.postJson("/api/v1/contacts", "{\"firstName\":\"Other\",\"lastName\":\"Person\"}")
                        .statusCode())
                .isEqualTo(201);
        List<UUID> exported = ids(others, startAndFinish(others, null));
        assertThat(exported).hasSize(1).doesNotContain(quoted, empty, irish, odd);
    }

    /** What the CSV writer makes of the contacts matching {@code where}, read with a plain select as before. */
    private byte[] oracle(String where) {
        return TenantContext.callAs(new TenantId(owner.tenantId()), owner.userId(), () -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            CsvExportWriter writer =
                    new CsvExportWriter(out, Map.of(owner.userId().toString(), "Olive Owner"));
            List<ExportColumn> columns = writer.select(contactExports.columns());
            String select = columns.stream().map(ExportColumn::sql).collect(Collectors.joining(", "));
            try {
                writer.begin();
                jdbc.sql("select " + select + " from (select * from contacts where deleted_at is null and " + where
                                + ") t left join companies co on co.tenant_id = t.tenant_id and co.id = t.company_id"
                                + " order by t.id")
                        .query(rs -> {
                            byte[][] cells = new byte[columns.size()][];
                            for (int i = 0; i < cells.length; i++) {
                                cells[i] = rs.getBytes(i + 1);
                            }
                            ExportRow row = new ExportRow() {
                                @Override
                                public String value(int column) {
                                    return cells[column] == null
                                            ? null
                                            : new String(cells[column], StandardCharsets.UTF_8);
                                }

                                @Override
                                public byte[] bytes(int column) {
                                    return cells[column];
                                }
                            };
                            try {
                                writer.row(row);
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            }
                        });
                writer.end();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return out.toByteArray();
        });
    }

    private UUID insert(
            String first,
            String last,
            String emails,
            String phones,
            String title,
            String source,
            String tags,
            String custom,
            String address,
            UUID company,
            UUID ownerId) {
        UUID id = UUID.randomUUID();
        inTenant(() -> jdbc.sql("""
                        insert into contacts (tenant_id, id, first_name, last_name, emails, phones, job_title, source,
                            tags, custom_fields, address, company_id, created_by, owner_id)
                        values (?, ?, ?, ?, cast(? as jsonb), cast(? as jsonb), ?, ?, cast(? as text[]),
                            cast(? as jsonb), cast(? as jsonb), ?, ?, ?)""")
                .params(
                        owner.tenantId(),
                        id,
                        first,
                        last,
                        emails,
                        phones,
                        title,
                        source,
                        tags,
                        custom,
                        address,
                        company,
                        owner.userId(),
                        ownerId)
                .update());
        return id;
    }

    /** The ids in an export's file, in file order (the file of a finished export, sorted by the database). */
    private List<UUID> ids(String exportId) {
        return ids(api, exportId);
    }

    private static List<UUID> ids(Browserless client, String exportId) {
        String csv = client.get("/api/v1/exports/" + exportId + "/file").body();
        return Arrays.stream(csv.substring(1).split("\r\n"))
                .skip(1)
                .filter(line -> line.length() >= 36 && line.charAt(36) == ',')
                .map(line -> UUID.fromString(line.substring(0, 36)))
                .toList();
    }

    private byte[] file(String exportId) {
        HttpResponse<String> response = api.get("/api/v1/exports/" + exportId + "/file");
        assertThat(response.statusCode()).isEqualTo(200);
        // rows come in the database's order; the oracle sorts by id, so compare with the rows sorted the same way
        return sortedById(response.body().getBytes(StandardCharsets.UTF_8));
    }

    /** The file with its data rows in id order. */
    private static byte[] sortedById(byte[] file) {
        String csv = new String(file, StandardCharsets.UTF_8);
        List<String> rows = new java.util.ArrayList<>(rows(csv));
        rows.sort(null);
        String header = csv.substring(0, csv.indexOf("\r\n") + 2);
        return (header + String.join("", rows)).getBytes(StandardCharsets.UTF_8);
    }

    /** The data rows with their CRLF (a line break inside quotes stays in its row). */
    private static List<String> rows(String csv) {
        int headerEnd = csv.indexOf("\r\n") + 2;
        List<String> rows = new java.util.ArrayList<>();
        int start = headerEnd;
        boolean quoted = false;
        for (int i = headerEnd; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
                rows.add(csv.substring(start, i + 2));
                start = i + 2;
                i++;
            }
        }
        return rows;
    }

    private static String startAndFinish(Browserless client, String filter) {
        HttpResponse<String> started = client.postJson(
                "/api/v1/exports",
                "{\"object\":\"contacts\",\"format\":\"csv\"" + (filter == null ? "" : ",\"filter\":" + filter) + "}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String id = Browserless.jsonField(started.body(), "id");
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < until) {
            String status = client.get("/api/v1/exports/" + id).body();
            if (status.contains("\"status\":\"done\"")) {
                return id;
            }
            assertThat(status).doesNotContain("\"status\":\"failed\"");
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("the export did not finish");
    }

    private <T> T inTenant(Supplier<T> work) {
        return TenantContext.callAs(new TenantId(owner.tenantId()), null, work::get);
    }
}
