package io.team365.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import io.team365.core.TenantId;
import io.team365.notifications.OutboundEmail;
import io.team365.notifications.Outbox;
import io.team365.support.Browserless;
import io.team365.support.IntegrationTest;
import io.team365.tenancy.TenantTransactions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.awaitility.Awaitility;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One data subject seeded into every module of a Client through the API (as people and integrations would), next to
 * an unrelated person sharing a deal and an activity with them, and the same person in another Client.
 */
final class SubjectWorld {

    static final String FIRST = "Zephyrine";
    static final String LAST = "Quillfeather";
    static final String FULL = FIRST + " " + LAST;
    static final String OTHER_NAME = "Bertrand Oakhollow";

    final String email;
    final String homeEmail;
    final String phone;
    final String mobile;
    final String otherEmail;
    final String otherPhone;
    final String viewId;
    final IntegrationTest.SignedUp owner;
    final IntegrationTest.SignedUp elsewhere;
    String contact;
    String lead;
    String unrelated;
    String deal;
    String company;
    String ownNote;
    String sharedCall;
    String attachment;
    String elsewhereContact;

    private final int port;

    SubjectWorld(
            IntegrationTest.SignedUp owner,
            IntegrationTest.SignedUp elsewhere,
            int port,
            Browserless api,
            Outbox outbox,
            TenantTransactions tenants) {
        this.owner = owner;
        this.elsewhere = elsewhere;
        this.port = port;
        String tag = UUID.randomUUID().toString().substring(0, 8);
        int digits = ThreadLocalRandom.current().nextInt(1000, 9999);
        email = "zephyrine.quill-" + tag + "@example.test";
        homeEmail = "zq.home-" + tag + "@example.test";
        phone = "+44 20 7946 " + digits;
        mobile = "07700 9" + ThreadLocalRandom.current().nextInt(10000, 99999);
        otherEmail = "bertrand-" + tag + "@example.test";
        otherPhone = "+33 1 23 45 " + digits;
        Browserless session = owner.session();

        created(session.postJson(
                "/api/v1/custom-fields",
                "{\"object\":\"contact\",\"key\":\"nickname\",\"label\":\"Nickname\",\"type\":\"text\"}"));
        created(session.postJson(
                "/api/v1/custom-fields",
                "{\"object\":\"deal\",\"key\":\"referrer\",\"label\":\"Referrer\",\"type\":\"text\"}"));
        // the subject's contact, made by an integration with an Idempotency-Key (its response is stored)
        contact = id(api.postJsonWith(
                "/api/v1/contacts", """
                {"firstName":"%s","lastName":"%s","jobTitle":"Buyer",
                 "emails":[{"address":"%s","label":"work","primary":true},{"address":"%s","label":"home"}],
                 "phones":[{"number":"%s","label":"office"},{"number":"%s","label":"mobile"}],
                 "address":{"street":"7 Quill Lane","city":"Bath","postalCode":"BA1 1AA","country":"gb"},
                 "socialLinks":[{"url":"https://www.linkedin.com/in/zephyrine-quillfeather"}],
                 "customFields":{"nickname":"Zephy"}}""".formatted(FIRST, LAST, email, homeEmail, phone, mobile), "create-" + tag));
        // field history: the job title changed
        ok(session.patchJson("/api/v1/contacts/" + contact, "{\"jobTitle\":\"Head of buying\"}"));
        ok(session.get("/api/v1/contacts/" + contact));
        unrelated = id(session.postJson(
                "/api/v1/contacts",
                "{\"firstName\":\"Bertrand\",\"lastName\":\"Oakhollow\",\"emails\":[{\"address\":\"%s\"}],"
                                .formatted(otherEmail)
                        + "\"phones\":[{\"number\":\"%s\"}]}".formatted(otherPhone)));
        // a lead with the same email, in the trash
        lead = id(session.postJson(
                "/api/v1/leads",
                "{\"firstName\":\"%s\",\"lastName\":\"%s\",\"emails\":[{\"address\":\"%s\"}],\"phones\":[{\"number\":\"%s\"}],"
                                .formatted(FIRST, LAST, email.toUpperCase(), phone)
                        + "\"companyName\":\"Quill Holdings\"}"));
        assertThat(session.delete("/api/v1/leads/" + lead).statusCode()).isEqualTo(204);
        // a sole trader's company named after them, with their phone
        company = id(session.postJson(
                "/api/v1/companies", "{\"name\":\"%s Consulting\",\"phone\":\"%s\"}".formatted(FULL, phone)));
        // a deal named after them, shared with the unrelated person, referred by their email
        deal = id(session.postJson(
                "/api/v1/deals",
                "{\"name\":\"%s renewal\",\"contactIds\":[\"%s\",\"%s\"],\"customFields\":{\"referrer\":\"%s\"}}"
                        .formatted(FULL, contact, unrelated, email)));
        ownNote = id(session.postJson("/api/v1/activities", """
                {"type":"note","links":[{"type":"contact","id":"%s"},{"type":"lead","id":"%s"}],
                 "body":"<p>Met %s at the fair; call %s or write to %s</p>"}""".formatted(contact, lead, FULL, phone, email)));
        sharedCall = id(session.postJson(
                "/api/v1/activities", """
                {"type":"call","subject":"Call with %s and the buyer",
                 "body":"Ask %s (%s) about seats","links":[{"type":"contact","id":"%s"},{"type":"contact","id":"%s"},
                 {"type":"deal","id":"%s"}]}""".formatted(FULL, FIRST, homeEmail, contact, unrelated, deal)));
        attachment = upload(apiToken(session), contact, FIRST + "-" + LAST + "-passport.txt", "passport of " + FULL);
        created(session.postJson(
                "/api/v1/consents",
                "{\"contactId\":\"" + contact + "\",\"purpose\":\"newsletter\",\"granted\":true,\"method\":\"form\","
                        + "\"evidence\":{\"page\":\"/signup\",\"note\":\"asked at the fair\"}}"));
        viewId = id(session.postJson(
                "/api/v1/views",
                "{\"object\":\"contact\",\"name\":\"Her view\",\"q\":\"%s\",\"filters\":[{\"field\":\"email\","
                                .formatted(FULL)
                        + "\"operator\":\"contains\",\"value\":\"%s\"}]}".formatted(email)));
        TenantId tenant = new TenantId(owner.tenantId());
        tenants.run(
                tenant,
                owner.userId(),
                () -> outbox.enqueue(
                        tenant,
                        new OutboundEmail(
                                "notice",
                                email,
                                "Hello " + FULL,
                                "Dear " + FULL + ", your number " + phone + " is on file.",
                                null)));
        // the same person in another Client
        Browserless there = elsewhere.session();
        elsewhereContact = id(there.postJson(
                "/api/v1/contacts",
                "{\"firstName\":\"%s\",\"lastName\":\"%s\",\"emails\":[{\"address\":\"%s\"}],\"phones\":[{\"number\":\"%s\"}]}"
                        .formatted(FIRST, LAST, email, phone)));
        id(there.postJson(
                "/api/v1/activities",
                "{\"type\":\"note\",\"links\":[{\"type\":\"contact\",\"id\":\"%s\"}],\"body\":\"<p>Lunch with %s</p>\"}"
                        .formatted(elsewhereContact, FULL)));
    }

    /** Waits until every listener has run (timelines written, purges done), so nothing arrives after a check. */
    static void settle(JdbcClient jdbc) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> jdbc.sql("select count(*) from event_publication where completion_date is null")
                                .query(Integer.class)
                                .single()
                        == 0);
    }

    List<String> identifiers() {
        return List.of(
                FULL,
                FIRST,
                LAST,
                email,
                homeEmail,
                phone,
                mobile,
                phone.replaceAll("\\D", ""),
                mobile.replaceAll("\\D", ""));
    }

    private String upload(String token, String contactId, String fileName, String content) {
        String boundary = "----subject" + UUID.randomUUID().toString().replace("-", "");
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"recordType\"\r\n\r\ncontact\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"recordId\"\r\n\r\n" + contactId + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: text/plain\r\n\r\n" + content + "\r\n--" + boundary + "--\r\n";
        try {
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/files"))
                                    .header("Authorization", "Bearer " + token)
                                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            return id(response);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String apiToken(Browserless session) {
        return Browserless.jsonField(
                session.postJson("/api/v1/me/tokens", "{\"name\":\"files\"}").body(), "token");
    }

    private static String id(HttpResponse<String> response) {
        created(response);
        return Browserless.jsonField(response.body(), "id");
    }

    private static void created(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }

    private static void ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }
}
