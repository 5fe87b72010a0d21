package io.team365.operators;

import static org.assertj.core.api.Assertions.assertThat;

import io.team365.support.Browserless;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The platform register of law-enforcement requests (operators only) and the public list of sub-processors. */
class LawEnforcementRegisterTests extends OperatorTest {

    private static Map<String, String> request(String authority, String clientId) {
        Map<String, String> form = new HashMap<>();
        form.put("authority", authority);
        form.put("receivedOn", "2026-11-20");
        form.put("legalBasis", "Production order under section 12");
        form.put("scope", "Sign-in records of one user account");
        form.put("clientId", clientId);
        form.put("decision", "partially-complied");
        form.put("disclosed", "true");
        form.put("notes", "Disclosed sign-in times only");
        return form;
    }

    private long rows(String authority) {
        return jdbc.sql("select count(*) from law_enforcement_requests where authority = :a")
                .param("a", authority)
                .query(Long.class)
                .single();
    }

    @Test
    void operatorsRecordRequestsAndNobodyElseSeesTheRegister() {
        SignedUp concerned = signUpAndVerify("Concerned Co");
        Browserless operator = operator();
        String authority = "Regional Police " + java.util.UUID.randomUUID();

        HttpResponse<String> recorded = operator.postForm(
                "/operator/law-enforcement",
                request(authority, concerned.tenantId().toString()));
        assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(302);
        var row = jdbc.sql("""
                        select received_on::text || '|' || legal_basis || '|' || client_id::text || '|' || decision
                               || '|' || disclosed::text || '|' || notes
                        from law_enforcement_requests where authority = :a
                        """).param("a", authority).query(String.class).single();
        assertThat(row)
                .isEqualTo("2026-11-20|Production order under section 12|" + concerned.tenantId()
                        + "|partially-complied|true|Disclosed sign-in times only");
        HttpResponse<String> page = operator.get("/operator/law-enforcement");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(authority).contains("Partly complied");

        // bad input: nothing recorded, every problem named
        String bad = "Bad Authority " + java.util.UUID.randomUUID();
        Map<String, String> wrong = request(bad, "not-a-uuid");
        wrong.put("receivedOn", "yesterday");
        wrong.put("decision", "maybe");
        wrong.put("legalBasis", "");
        HttpResponse<String> refused = operator.postForm("/operator/law-enforcement", wrong);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body())
                .contains("Give the date it was received")
                .contains("Choose a decision")
                .contains("No organisation has this id");
        Map<String, String> unknownClient =
                request(bad, java.util.UUID.randomUUID().toString());
        assertThat(operator.postForm("/operator/law-enforcement", unknownClient).statusCode())
                .isEqualTo(422);
        Map<String, String> future = request(bad, "");
        future.put("receivedOn", "2999-01-01");
        assertThat(operator.postForm("/operator/law-enforcement", future).statusCode())
                .isEqualTo(422);
        assertThat(rows(bad)).isZero();

        // a Client's owner is not an operator
        assertThat(concerned.session().get("/operator/law-enforcement").statusCode())
                .isEqualTo(403);
        assertThat(concerned
                        .session()
                        .postForm("/operator/law-enforcement", request("Sneaky " + authority, ""))
                        .statusCode())
                .isEqualTo(403);
        assertThat(rows("Sneaky " + authority)).isZero();
        assertThat(client().get("/operator/law-enforcement").statusCode())
                .as("anonymous: sent to sign in")
                .isEqualTo(302);
    }

    @Test
    void theSubProcessorsPageIsPublicAndListsPurposeAndLocation() {
        HttpResponse<String> page = client().get("/legal/sub-processors");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("Service providers (sub-processors)")
                .contains("Hosting")
                .contains("Payment gateway")
                .contains("Google Analytics")
                .contains("European Union")
                .contains("Location");
    }
}
