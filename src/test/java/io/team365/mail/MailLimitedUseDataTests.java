package io.team365.mail;

import static io.team365.mail.MailLinkTests.id;
import static org.assertj.core.api.Assertions.assertThat;

import io.team365.core.TenantId;
import io.team365.mail.internal.account.MailAccount;
import io.team365.mail.internal.account.MailAccountStore;
import io.team365.mail.internal.sync.MessagesStored;
import io.team365.support.Browserless;
import io.team365.support.IntegrationTest;
import io.team365.tenancy.TenantTransactions;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Limited Use in the data: mail linked to a contact never comes out of an export, a search, a list filter or the
 * record API, and there is no export of mail at all. Only the mail client and the records' timelines (for those who
 * may see the message) show it.
 */
class MailLimitedUseDataTests extends IntegrationTest {

    private static final String SUBJECT_WORD = "Xylophonic7741";
    private static final String BODY_WORD = "Marzipanic4410";

    @Autowired
    TenantTransactions tenants;

    @Autowired
    MailAccountStore accounts;

    @Autowired
    ApplicationEventPublisher events;

    @Test
    void exportsSearchListsAndTheRecordApiNeverReturnMailContent() {
        SignedUp owner = signUpAndVerify("Limited Use Co");
        TenantId tenant = new TenantId(owner.tenantId());
        Browserless api = apiClient(owner.session());
        MailRows rows = new MailRows(jdbc, tenants, accounts);
        String ana = id(
                api.postJson(
                        "/api/v1/contacts",
                        "{\"firstName\":\"Anabel\",\"lastName\":\"Limited\",\"emails\":[{\"address\":\"anabel@limited.test\"}]}"));
        UUID account = rows.account(tenant, owner.userId(), "me@limited.test", MailAccount.Sharing.TEAM);
        var message = rows.message(
                tenant,
                account,
                "anabel@limited.test",
                List.of("me@limited.test"),
                List.of(),
                "Plans " + SUBJECT_WORD,
                "The body says " + BODY_WORD);
        tenants.run(
                tenant, null, () -> events.publishEvent(new MessagesStored(tenant, account, List.of(message.id()))));
        assertThat(rows.links(tenant, message.id())).containsExactly("contact:" + ana);
        assertThat(owner.session().get("/contacts/" + ana + "/timeline").body())
                .as("the linked record shows it to whoever may see it")
                .contains(SUBJECT_WORD);

        for (String format : List.of("csv", "json")) {
            String file = export(api, "contacts", format);
            assertThat(file)
                    .contains("Anabel")
                    .doesNotContain(SUBJECT_WORD, BODY_WORD, message.id().toString());
        }
        for (String object : List.of("mail", "messages", "mail_messages", "emails")) {
            HttpResponse<String> refused =
                    api.postJson("/api/v1/exports", "{\"object\":\"%s\",\"format\":\"csv\"}".formatted(object));
            assertThat(refused.statusCode()).as("no export of " + object).isEqualTo(400);
        }

        for (String word : List.of(SUBJECT_WORD, BODY_WORD)) {
            HttpResponse<String> found = api.get("/api/v1/search?q=" + word);
            assertThat(found.statusCode()).isEqualTo(200);
            assertThat(found.body()).doesNotContain(word, ana, message.id().toString());
            HttpResponse<String> page = owner.session().get("/search?q=" + word);
            assertThat(page.body())
                    .doesNotContain("/contacts/" + ana, message.id().toString());
            HttpResponse<String> listed = api.get("/api/v1/contacts?q=" + word);
            assertThat(listed.statusCode()).isEqualTo(200);
            assertThat(listed.body()).doesNotContain(ana);
        }
        HttpResponse<String> contact = api.get("/api/v1/contacts/" + ana);
        assertThat(contact.body()).doesNotContain(SUBJECT_WORD, BODY_WORD);
        HttpResponse<String> timeline = api.get("/api/v1/contacts/" + ana + "/timeline");
        assertThat(timeline.body())
                .as("the API's timeline carries no mail content; the mail API serves a record's threads")
                .doesNotContain(SUBJECT_WORD, BODY_WORD);
    }

    private static String export(Browserless api, String object, String format) {
        HttpResponse<String> started =
                api.postJson("/api/v1/exports", "{\"object\":\"%s\",\"format\":\"%s\"}".formatted(object, format));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String id = Browserless.jsonField(started.body(), "id");
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < until) {
            HttpResponse<String> status = api.get("/api/v1/exports/" + id);
            if (status.body().contains("\"status\":\"done\"")) {
                HttpResponse<String> file = api.get("/api/v1/exports/" + id + "/file");
                assertThat(file.statusCode()).isEqualTo(200);
                return file.body();
            }
            assertThat(status.body()).doesNotContain("\"status\":\"failed\"");
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("export " + id + " did not finish");
    }
}
