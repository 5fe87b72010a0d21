package io.team365.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import io.team365.support.Browserless;
import io.team365.support.IntegrationTest;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Every change of a contact lands on its timeline, newest first, with who changed which field from what to what. */
class ContactTimelineTests extends IntegrationTest {

    @Test
    void changesAppearWithTheirFieldHistory() {
        SignedUp owner = signUpAndVerify("Timeline Co");
        Browserless api = owner.session();
        String id = Browserless.jsonField(
                api.postJson(
                                "/api/v1/contacts",
                                "{\"firstName\":\"Tim\",\"lastName\":\"Line\",\"jobTitle\":\"Intern\"}")
                        .body(),
                "id");
        api.send(
                "PATCH",
                "/api/v1/contacts/" + id,
                "application/merge-patch+json",
                "{\"jobTitle\":\"Engineer\",\"tags\":[\"promoted\"]}",
                "\"v1\"");
        api.send("PATCH", "/api/v1/contacts/" + id, "application/merge-patch+json", "{\"jobTitle\":null}", "\"v2\"");

        String timeline = Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(
                        () -> api.get("/api/v1/contacts/" + id + "/timeline").body(),
                        body -> body.split("\"kind\"", -1).length == 4);
        assertThat(timeline.indexOf("\"from\":\"Engineer\",\"to\":null"))
                .as("newest first")
                .isLessThan(timeline.indexOf("\"from\":\"Intern\",\"to\":\"Engineer\""));
        assertThat(timeline)
                .contains("\"field\":\"tags\",\"from\":null,\"to\":\"promoted\"")
                .contains("contact.created")
                .contains("\"actorName\":\"Olive Owner\"");

        assertThat(jdbc.sql("select count(*) from event_publication where event_type like '%RecordChanged'")
                        .query(Integer.class)
                        .single())
                .as("the events went through the publication registry")
                .isPositive();
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> jdbc.sql("select count(*) from event_publication where completion_date is null"
                                        + " and event_type like '%RecordChanged'")
                                .query(Integer.class)
                                .single()
                        == 0);

        String page = api.page("/contacts/" + id + "/timeline").body();
        assertThat(page)
                .contains("changed the contact")
                .contains("<del>Intern</del>")
                .contains("<ins>Engineer</ins>");
        assertThat(api.page("/contacts/" + id).body()).contains("hx-get=\"/contacts/" + id + "/timeline\"");
    }

    @Test
    void anotherClientsTimelineIsNotFound() {
        SignedUp owner = signUpAndVerify("Timeline Owner Co");
        String id = Browserless.jsonField(
                owner.session()
                        .postJson("/api/v1/contacts", "{\"firstName\":\"Private\"}")
                        .body(),
                "id");
        SignedUp other = signUpAndVerify("Timeline Snoop Co");
        assertThat(other.session().get("/api/v1/contacts/" + id + "/timeline").statusCode())
                .isEqualTo(404);
        assertThat(other.session().page("/contacts/" + id + "/timeline").statusCode())
                .isEqualTo(404);
    }
}
