package io.team365.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.team365.privacy.ValueSources;
import io.team365.privacy.internal.SubjectData;
import io.team365.privacy.internal.SubjectRecords;
import io.team365.tenancy.TenantContext;
import io.team365.tenancy.TenantTransactions;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The sources of imported values are kept as one row per record naming the fields (ADR 0019), yet every reader still
 * answers per field: the record's sources, the access package; a person's later change takes over just the field it
 * changed; an erasure deletes the row.
 */
class ImportedValueSourceTests extends ImportTestSupport {

    @Autowired
    ValueSources valueSources;

    @Autowired
    SubjectData subjects;

    @Autowired
    TenantTransactions tenants;

    @Autowired
    ObjectMapper json;

    @Test
    void importedSourcesAnswerPerFieldGiveWayToAPersonsChangeAndGoWithAnErasure() throws Exception {
        World world = world("Imported Sources Co");
        World other = world("Imported Sources Elsewhere Co");
        String file = """
                firstName,lastName,email,jobTitle
                Ida,Import,ida@example.test,Buyer
                Eli,Erase,eli@example.test,
                """;
        UUID id = start(world, file, "object", "contacts");
        assertThat(awaitEnd(world, id)).contains("\"status\":\"done\"", "\"created\":2");
        UUID ida = value(world, "select id from contacts where first_name = 'Ida'", UUID.class);
        UUID eli = value(world, "select id from contacts where first_name = 'Eli'", UUID.class);
        assertThat(count(world, "select count(*) from value_source_imports")).isEqualTo(2);
        assertThat(count(other, "select count(*) from value_source_imports"))
                .as("another Client sees none of them")
                .isZero();

        // per field, as a person entering them would have been
        assertThat(sources(world, ida))
                .containsExactlyInAnyOrder(
                        "emails=import/people.csv",
                        "firstName=import/people.csv",
                        "jobTitle=import/people.csv",
                        "lastName=import/people.csv");
        assertThat(sources(world, eli)).noneMatch(s -> s.startsWith("jobTitle="));

        // the access package names the import file as the source of each imported value
        Map<String, String> files = tenants.call(world.tenant(), world.owner().userId(), () -> {
            SubjectRecords subject = subjects.find(world.tenant(), "ida@example.test");
            ByteArrayOutputStream zip = new ByteArrayOutputStream();
            try {
                subjects.writePackage(world.tenant(), subject, UUID.randomUUID(), zip);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return unzip(zip.toByteArray());
        });
        JsonNode contact =
                json.readTree(files.get("contacts.json")).path("rows").get(0);
        assertThat(contact.path("first_name").path("value").asString()).isEqualTo("Ida");
        assertThat(contact.path("first_name").path("source").asString()).isEqualTo("import (people.csv)");
        assertThat(contact.path("job_title").path("source").asString()).isEqualTo("import (people.csv)");
        assertThat(contact.path("emails").path("source").asString()).isEqualTo("import (people.csv)");
        assertThat(files.get("value_source_imports.json")).contains(ida.toString(), id.toString());

        // a person changes one field: that field is theirs, the others still came from the file
        HttpResponse<String> edited = world.session()
                .postForm("/contacts/" + ida + "/inline/jobTitle", Map.of("jobTitle", "Head buyer", "version", "1"));
        assertThat(edited.statusCode()).as(edited.body()).isLessThan(400);
        assertThat(sources(world, ida))
                .containsExactlyInAnyOrder(
                        "emails=import/people.csv",
                        "firstName=import/people.csv",
                        "jobTitle=user/ui",
                        "lastName=import/people.csv");
        assertThat(count(world, "select count(*) from value_source_imports where record_id = ?", ida))
                .as("expanded into one row per field before the person's source was written")
                .isZero();
        assertThat(count(world, "select count(*) from value_sources where record_id = ?", ida))
                .isEqualTo(4);

        // erasure deletes the record's import row with everything else about the person
        tenants.run(world.tenant(), world.owner().userId(), () -> {
            SubjectRecords subject = subjects.find(world.tenant(), "eli@example.test");
            subjects.erase(world.tenant(), subject, UUID.randomUUID());
        });
        assertThat(count(world, "select count(*) from value_source_imports where record_id = ?", eli))
                .isZero();
        assertThat(count(world, "select count(*) from value_sources where record_id = ?", eli))
                .isZero();
    }

    @Test
    void recordingImportedSourcesRefusesBadInput() {
        World world = world("Imported Sources Input Co");
        UUID record = UUID.randomUUID();
        TenantContext.runAs(world.tenant(), null, () -> {
            assertThat(catchThrowable(() -> valueSources.recordImported(
                            world.tenant(),
                            "deal",
                            Map.of(record, List.of("name")),
                            Set.of(),
                            UUID.randomUUID(),
                            "f.csv",
                            null)))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(catchThrowable(() -> valueSources.recordImported(
                            world.tenant(),
                            "contact",
                            Map.of(record, List.of()),
                            Set.of(),
                            UUID.randomUUID(),
                            "f.csv",
                            null)))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(catchThrowable(() -> valueSources.recordImported(
                            world.tenant(), "contact", Map.of(record, List.of("name")), Set.of(), null, "f.csv", null)))
                    .isInstanceOf(IllegalArgumentException.class);
        });
        assertThat(count(world, "select count(*) from value_source_imports")).isZero();
    }

    /** field=source/detail for each of the record's fields, through the API the record's page uses. */
    private List<String> sources(World world, UUID record) {
        return TenantContext.callAs(
                world.tenant(),
                null,
                () -> valueSources.of("contact", record).stream()
                        .map(o -> o.field() + "=" + o.source() + (o.detail() == null ? "" : "/" + o.detail()))
                        .toList());
    }

    private static Map<String, String> unzip(byte[] bytes) {
        Map<String, String> files = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                files.put(entry.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }
}
