package io.team365.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.team365.core.TenantId;
import io.team365.support.Browserless;
import io.team365.support.IntegrationTest;
import io.team365.tenancy.TenantContext;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Reads of personal records are audited: one entry per list read (record type and count, no values), timeline reads,
 * record reads; and the trail is queryable per subject by email address, which is never stored in the trail.
 */
class ReadAuditTests extends IntegrationTest {

    private String create(Browserless session, String path, String json) {
        HttpResponse<String> created = session.postJson(path, json);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return Browserless.jsonField(created.body(), "id");
    }

    private List<String> details(SignedUp owner, String action) {
        return TenantContext.callAs(
                new TenantId(owner.tenantId()),
                null,
                () -> jdbc.sql("select coalesce(target_id, '-') || ' ' || details::text from audit_events"
                                + " where action = :action order by occurred_at, id")
                        .param("action", action)
                        .query(String.class)
                        .list());
    }

    @Test
    void everyListReadIsOneEntryWithTheRecordTypeAndCountButNoValues() {
        SignedUp owner = signUpAndVerify("Lister Co");
        Browserless api = owner.session();
        String contact = create(api, "/api/v1/contacts", "{\"firstName\":\"Xanthippe\",\"lastName\":\"Listed\"}");
        create(api, "/api/v1/contacts", "{\"firstName\":\"Yorick\",\"lastName\":\"Listed\"}");
        create(api, "/api/v1/leads", "{\"firstName\":\"Lemmy\",\"lastName\":\"Listed\"}");
        create(api, "/api/v1/companies", "{\"name\":\"Listed Widgets\"}");

        assertThat(api.get("/api/v1/contacts").statusCode()).isEqualTo(200);
        assertThat(details(owner, "contact.listed"))
                .singleElement()
                .satisfies(d -> assertThat(d).contains("\"count\": 2").doesNotContain("Xanthippe"));
        assertThat(api.get("/contacts").statusCode()).isEqualTo(200);
        assertThat(details(owner, "contact.listed")).hasSize(2);

        for (String type : List.of("lead", "company", "deal", "activity")) {
            String collection = switch (type) {
                case "company" -> "companies";
                case "activity" -> "activities";
                default -> type + "s";
            };
            assertThat(api.get("/api/v1/" + collection).statusCode()).isEqualTo(200);
            assertThat(details(owner, type + ".listed")).as(type).hasSize(1);
        }
        assertThat(details(owner, "lead.listed").getFirst())
                .contains("\"count\": 1")
                .doesNotContain("Lemmy");
        assertThat(details(owner, "company.listed").getFirst()).doesNotContain("Widgets");

        assertThat(api.get("/api/v1/files?recordType=contact&recordId=" + contact)
                        .statusCode())
                .isEqualTo(200);
        assertThat(details(owner, "file.listed"))
                .singleElement()
                .satisfies(d -> assertThat(d).startsWith(contact).contains("\"count\": 0"));
        assertThat(api.get("/api/v1/contacts/" + contact + "/timeline").statusCode())
                .isEqualTo(200);
        assertThat(api.get("/contacts/" + contact + "/timeline").statusCode()).isEqualTo(200);
        assertThat(details(owner, "timeline.viewed"))
                .hasSize(2)
                .allSatisfy(d -> assertThat(d).startsWith(contact));
        assertThat(api.get("/api/v1/contacts/" + contact).statusCode()).isEqualTo(200);
        assertThat(api.get("/contacts/" + contact).statusCode()).isEqualTo(200);
        assertThat(details(owner, "contact.viewed")).hasSize(2);

        // and the per-record query finds all reads of the record
        assertThat(api.get("/api/v1/audit?recordId=" + contact).body())
                .contains("contact.viewed")
                .contains("timeline.viewed")
                .contains("file.listed");
    }

    @Test
    void theTrailIsQueryablePerSubjectEmailWithinTheClient() {
        SignedUp owner = signUpAndVerify("Subject Co");
        SignedUp other = signUpAndVerify("Other Subject Co");
        String email = uniqueEmail("subject");
        Browserless api = owner.session();
        String contact = create(
                api, "/api/v1/contacts", "{\"firstName\":\"Sam\",\"emails\":[{\"address\":\"%s\"}]}".formatted(email));
        String lead = create(
                api, "/api/v1/leads", "{\"firstName\":\"Sam\",\"emails\":[{\"address\":\"%s\"}]}".formatted(email));
        String bystander = create(
                api,
                "/api/v1/contacts",
                "{\"firstName\":\"Ben\",\"emails\":[{\"address\":\"%s\"}]}".formatted(uniqueEmail("ben")));
        String foreign = create(
                other.session(),
                "/api/v1/contacts",
                "{\"firstName\":\"Sam\",\"emails\":[{\"address\":\"%s\"}]}".formatted(email));
        api.get("/api/v1/contacts/" + contact);
        api.get("/api/v1/leads/" + lead);
        api.get("/api/v1/contacts/" + bystander);
        other.session().get("/api/v1/contacts/" + foreign);

        HttpResponse<String> about = api.get("/api/v1/audit?subjectEmail=" + email.toUpperCase());
        assertThat(about.statusCode()).isEqualTo(200);
        assertThat(about.body())
                .contains("\"targetId\":\"" + contact + "\"")
                .contains("\"targetId\":\"" + lead + "\"")
                .contains("contact.viewed")
                .contains("lead.viewed")
                .doesNotContain(bystander)
                .doesNotContain(foreign)
                .doesNotContain(email);
        assertThat(api.get("/api/v1/audit?subjectEmail=" + email + "&filter[action]=lead.")
                        .body())
                .contains(lead)
                .doesNotContain("\"targetId\":\"" + contact + "\"");
        assertThat(api.get("/api/v1/audit?subjectEmail=" + uniqueEmail("nobody"))
                        .body())
                .contains("\"data\":[]");
        assertThat(api.get("/api/v1/audit?subjectEmail=not-an-address").statusCode())
                .isEqualTo(400);
        assertThat(api.get("/api/v1/audit?subjectEmail=" + email + "&recordId=" + contact)
                        .statusCode())
                .isEqualTo(400);
        assertThat(inviteAndJoin(owner, "member")
                        .session()
                        .get("/api/v1/audit?subjectEmail=" + email)
                        .statusCode())
                .isEqualTo(403);
        assertThat(TenantContext.callAs(
                        new TenantId(owner.tenantId()),
                        null,
                        () -> jdbc.sql("select count(*) from audit_events where details::text ilike :email"
                                        + " or target_id ilike :email")
                                .param("email", "%" + email + "%")
                                .query(Long.class)
                                .single()))
                .as("no audit entry holds the subject's address")
                .isZero();
    }
}
