package io.team365.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import io.team365.core.TenantId;
import io.team365.notifications.Outbox;
import io.team365.privacy.internal.SubjectData;
import io.team365.privacy.internal.SubjectRecords;
import io.team365.support.IntegrationTest;
import io.team365.tenancy.TenantTransactions;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The access package holds every seeded item about the subject, as JSON and CSV with sources, and nobody else's. */
class SubjectAccessPackageTests extends IntegrationTest {

    @Autowired
    SubjectData subjects;

    @Autowired
    TenantTransactions tenants;

    @Autowired
    Outbox outbox;

    @Autowired
    ObjectMapper json;

    @Test
    void everySeededItemIsInThePackageWithItsSourceAndNothingOfAnyoneElse() {
        SignedUp owner = signUpAndVerify("Access Co");
        SignedUp elsewhere = signUpAndVerify("Access Elsewhere Co");
        SubjectWorld world = new SubjectWorld(owner, elsewhere, port, apiClient(owner.session()), outbox, tenants);
        SubjectWorld.settle(jdbc);
        TenantId tenant = new TenantId(owner.tenantId());
        UUID request = UUID.randomUUID();

        Map<String, String> files = tenants.call(tenant, owner.userId(), () -> {
            SubjectRecords subject = subjects.find(tenant, world.email);
            ByteArrayOutputStream zip = new ByteArrayOutputStream();
            try {
                subjects.writePackage(tenant, subject, request, zip);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return unzip(zip.toByteArray());
        });

        assertThat(files)
                .containsKeys(
                        "README.txt",
                        "manifest.json",
                        "contacts.json",
                        "contacts.csv",
                        "leads.json",
                        "leads.csv",
                        "deals.json",
                        "activities.json",
                        "attachments.json",
                        "timeline_entries.json",
                        "consent_events.json",
                        "saved_views.json",
                        "idempotency_keys.json",
                        "outbound_emails.json",
                        "audit_events.json",
                        "audit_events.csv");
        JsonNode contacts = json.readTree(files.get("contacts.json")).path("rows");
        assertThat(contacts).hasSize(1);
        JsonNode contact = contacts.get(0);
        assertThat(contact.path("id").asString()).isEqualTo(world.contact);
        assertThat(contact.path("first_name").path("value").asString()).isEqualTo(SubjectWorld.FIRST);
        assertThat(contact.path("first_name").path("source").asString())
                .as("entered by a person, through the API (value_sources)")
                .isEqualTo("user (api)");
        assertThat(contact.path("job_title").path("source").asString()).isEqualTo("user (api)");
        assertThat(contact.path("emails").path("value").toString()).contains(world.email, world.homeEmail);
        assertThat(contact.path("phones").path("value").toString()).contains(world.phone, world.mobile);
        assertThat(contact.path("address").path("value").path("city").asString())
                .isEqualTo("Bath");
        assertThat(contact.path("social_links").path("value").toString()).contains("zephyrine-quillfeather");
        assertThat(contact.path("custom_fields").path("value").path("nickname").asString())
                .isEqualTo("Zephy");
        assertThat(contact.path("job_title").path("value").asString()).isEqualTo("Head of buying");
        assertThat(contact.has("created_at")).isTrue();
        assertThat(files.get("contacts.csv"))
                .startsWith("\"id\",\"first_name\",\"first_name_source\",\"last_name\"")
                .contains("\"first_name\",\"first_name_source\"")
                .contains("\"" + SubjectWorld.FIRST + "\",\"user (api)\"")
                .contains(world.homeEmail, world.mobile, "Bath", "Zephy");
        assertThat(files.get("leads.json"))
                .contains(world.lead, "Quill Holdings")
                .contains("\"deleted_at\":\"20");
        assertThat(files.get("deals.json")).contains(SubjectWorld.FULL + " renewal");
        assertThat(files.get("deal_contacts.csv")).contains(world.contact);
        assertThat(files.get("activities.json")).contains(world.ownNote, world.sharedCall, "Met " + SubjectWorld.FULL);
        assertThat(files.get("activity_links.json")).contains(world.ownNote);
        assertThat(files.get("attachments.json"))
                .contains(SubjectWorld.FIRST + "-" + SubjectWorld.LAST + "-passport.txt");
        assertThat(files.get("timeline_entries.json")).contains("Head of buying", "contact.created");
        assertThat(files.get("consent_events.json")).contains("asked at the fair");
        assertThat(files.get("saved_views.json")).contains(world.viewId, world.email);
        assertThat(files.get("idempotency_keys.json")).contains("/api/v1/contacts/" + world.contact);
        assertThat(files.get("outbound_emails.json")).contains("Dear " + SubjectWorld.FULL);
        assertThat(files.get("outbound_emails.csv")).contains("\"recipient_source\"");
        assertThat(files.get("companies.json")).contains(SubjectWorld.FULL + " Consulting");
        assertThat(files.get("audit_events.json")).contains("contact.created", "contact.viewed", "consent.granted");

        JsonNode manifest = json.readTree(files.get("manifest.json"));
        assertThat(manifest.path("requestId").asString()).isEqualTo(request.toString());
        JsonNode contactTable = null;
        for (JsonNode table : manifest.path("tables")) {
            if (table.path("table").asString().equals("contacts")) {
                contactTable = table;
            }
        }
        assertThat(contactTable).isNotNull();
        assertThat(contactTable.path("rows").asInt()).isEqualTo(1);
        assertThat(contactTable.path("fields").toString())
                .contains("\"column\":\"emails\"", "\"category\":\"contact\"", "\"purpose\":\"reach the contact\"")
                .contains("\"retention\":\"record_lifetime\"", "\"erasure\":\"delete\"");
        assertThat(manifest.path("attachments").toString()).contains("passport.txt", "text/plain");
        assertThat(files.get("README.txt")).contains("contacts (1 rows)", "purpose: reach the contact", "passport.txt");

        String everything = String.join("\n", files.values());
        assertThat(everything)
                .as("nothing of the other Client, nor the unrelated person's rows, emails or phones")
                .doesNotContain(world.elsewhereContact, elsewhere.tenantId().toString(), "Lunch with")
                .doesNotContain(world.unrelated + "\",\"first_name", world.otherEmail, world.otherPhone);
        files.forEach((name, content) -> {
            if (!name.startsWith("timeline_entries.") && !name.startsWith("event_publication.")) {
                // the shared deal's history lists its contacts by name: kept as stored (ADR 0009)
                assertThat(content).as(name).doesNotContain("Oakhollow");
            }
        });
        assertThat(owner.session().get("/api/v1/audit?recordId=" + request).body())
                .contains("subject.package-built");
    }

    @Test
    void aRequestAboutAMembersAddressHoldsTheClientsRecordsButNeverTheirAccountOrCredentials() {
        SignedUp owner = signUpAndVerify("Member Subject Co");
        Joined member = inviteAndJoin(owner, "member");
        owner.session()
                .postJson(
                        "/api/v1/contacts",
                        "{\"firstName\":\"Mira\",\"emails\":[{\"address\":\"" + member.email() + "\"}]}");
        TenantId tenant = new TenantId(owner.tenantId());

        Map<String, String> files = tenants.call(tenant, owner.userId(), () -> {
            SubjectRecords subject = subjects.find(tenant, member.email());
            assertThat(subject.userIds())
                    .as("a Client's request never reaches a member's account")
                    .isEmpty();
            ByteArrayOutputStream zip = new ByteArrayOutputStream();
            try {
                subjects.writePackage(tenant, subject, UUID.randomUUID(), zip);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return unzip(zip.toByteArray());
        });

        assertThat(files).containsKey("contacts.json");
        assertThat(files.get("contacts.json")).contains("Mira");
        files.forEach((name, content) -> {
            if (name.startsWith("users.")
                    || name.startsWith("memberships.")
                    || name.startsWith("spring_session.")
                    || name.startsWith("sign_in_attempts.")
                    || name.startsWith("api_tokens.")) {
                assertThat(content).as(name).doesNotContain(member.userId().toString(), member.email());
            }
            assertThat(content).as(name).doesNotContain("$argon2");
        });
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
