package io.team365.exports;

import static org.assertj.core.api.Assertions.assertThat;

import io.team365.core.RecordsPurged;
import io.team365.core.TenantId;
import io.team365.support.Browserless;
import io.team365.support.IntegrationTest;
import io.team365.tenancy.TenantContext;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Purged (erased) records take every earlier export of their kind with them, files included. */
class ExportErasureTests extends IntegrationTest {

    @Value("${team365.data-dir}")
    String dataDir;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void purgedContactsTakeEarlierContactExportsAndTheirFilesButNotOtherKinds() throws Exception {
        SignedUp owner = signUpAndVerify("Export Erasure Co");
        Browserless api = apiClient(owner.session());
        HttpResponse<String> contact =
                api.postJson("/api/v1/contacts", "{\"firstName\":\"Erin\",\"lastName\":\"Gone\"}");
        String contactId = Browserless.jsonField(contact.body(), "id");
        String contacts = finished(api, "{\"object\":\"contacts\",\"format\":\"csv\"}");
        String companies = finished(api, "{\"object\":\"companies\",\"format\":\"json\"}");
        Path contactsFile = Path.of(dataDir, "exports", owner.tenantId().toString(), contacts);
        Path companiesFile = Path.of(dataDir, "exports", owner.tenantId().toString(), companies);
        assertThat(Files.readString(contactsFile)).contains("Erin");

        new TransactionTemplate(transactions)
                .executeWithoutResult(status -> events.publishEvent(new RecordsPurged(
                        new TenantId(owner.tenantId()), "contact", List.of(UUID.fromString(contactId)))));

        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (Files.exists(contactsFile) && System.nanoTime() < until) {
            Thread.sleep(100);
        }
        assertThat(contactsFile).doesNotExist();
        assertThat(companiesFile).exists();
        List<String> left = TenantContext.callAs(
                new TenantId(owner.tenantId()),
                null,
                () -> jdbc.sql("select object from exports").query(String.class).list());
        assertThat(left).containsExactly("companies");
        assertThat(api.get("/api/v1/exports/" + contacts).statusCode()).isEqualTo(404);
        assertThat(api.get("/api/v1/exports/" + companies + "/file").statusCode())
                .isEqualTo(200);
    }

    private static String finished(Browserless api, String request) throws InterruptedException {
        HttpResponse<String> started = api.postJson("/api/v1/exports", request);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String id = Browserless.jsonField(started.body(), "id");
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < until) {
            if (api.get("/api/v1/exports/" + id).body().contains("\"status\":\"done\"")) {
                return id;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("export " + id + " did not finish");
    }
}
