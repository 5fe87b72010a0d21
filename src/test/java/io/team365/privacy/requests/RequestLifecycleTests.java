package io.team365.privacy.requests;

import static org.assertj.core.api.Assertions.assertThat;

import io.team365.core.TenantId;
import io.team365.support.Browserless;
import io.team365.tenancy.TenantContext;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Data-subject requests through the API: filing, every transition allowed and refused, roles, tenant isolation. */
class RequestLifecycleTests extends RequestSupport {

    @Test
    void filedRequestsMoveThroughTheirStatesAndWrongStepsAreRefusedWith409() {
        SignedUp owner = signUpAndVerify("Requests Co");
        Browserless api = owner.session();
        String subject = uniqueEmail("subject");

        HttpResponse<String> filed = api.postJson(
                "/api/v1/privacy/requests", json("access", subject.toUpperCase(), "Everything you hold on me"));
        assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
        String id = Browserless.jsonField(filed.body(), "id");
        assertThat(filed.headers().firstValue("Location")).hasValue("/api/v1/privacy/requests/" + id);
        assertThat(Browserless.jsonField(filed.body(), "status")).isEqualTo("received");
        Instant received = Instant.parse(Browserless.jsonField(filed.body(), "receivedAt"));
        assertThat(Instant.parse(Browserless.jsonField(filed.body(), "dueAt")))
                .as("one calendar month after receipt, UTC")
                .isEqualTo(received.atZone(ZoneOffset.UTC).plusMonths(1).toInstant());
        assertThat(Browserless.jsonField(filed.body(), "subjectEmail")).isEqualTo(subject);

        // not verified yet: executing, completing or downloading is refused with a clear problem
        HttpResponse<String> early = api.postJson("/api/v1/privacy/requests/" + id + "/execute", "");
        assertThat(early.statusCode()).isEqualTo(409);
        assertThat(early.body()).contains("Verify the subject's identity");
        assertThat(api.postJson("/api/v1/privacy/requests/" + id + "/complete", "{\"note\":\"done\"}")
                        .statusCode())
                .isEqualTo(409);
        assertThat(api.get("/api/v1/privacy/requests/" + id + "/package").statusCode())
                .isEqualTo(409);

        HttpResponse<String> verified = api.postJson("/api/v1/privacy/requests/" + id + "/verify", "");
        assertThat(verified.statusCode()).as(verified.body()).isEqualTo(200);
        assertThat(Browserless.jsonField(verified.body(), "status")).isEqualTo("verified");
        assertThat(awaitMail(subject, "checked your identity"))
                .as("the subject is told, with a status link")
                .contains("/privacy/request/status/");
        HttpResponse<String> again = api.postJson("/api/v1/privacy/requests/" + id + "/verify", "");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("verified already").contains("\"field\":\"status\"");

        HttpResponse<String> noReason = api.postJson("/api/v1/privacy/requests/" + id + "/refuse", "{}");
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.body()).contains("\"field\":\"reason\"");
        HttpResponse<String> refused = api.postJson(
                "/api/v1/privacy/requests/" + id + "/refuse",
                "{\"reason\":\"We hold no data about this address beyond this request.\"}");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(200);
        assertThat(Browserless.jsonField(refused.body(), "status")).isEqualTo("refused");
        assertThat(awaitMail(subject, "refused your request"))
                .as("the refusal reason is emailed")
                .contains("We hold no data about this address beyond this request.");

        for (String step : new String[] {"verify", "execute"}) {
            HttpResponse<String> closed = api.postJson("/api/v1/privacy/requests/" + id + "/" + step, "");
            assertThat(closed.statusCode()).as(step).isEqualTo(409);
            assertThat(closed.body()).contains("completed or refused already");
        }
        assertThat(api.postJson("/api/v1/privacy/requests/" + id + "/refuse", "{\"reason\":\"again\"}")
                        .statusCode())
                .isEqualTo(409);
        assertThat(api.postJson(
                                "/api/v1/privacy/requests/" + id + "/extend",
                                "{\"reason\":\"late\",\"until\":\"2099-01-01\"}")
                        .statusCode())
                .as("a final request cannot be extended")
                .isEqualTo(409);

        String detail = api.get("/api/v1/privacy/requests/" + id).body();
        assertThat(detail)
                .contains("\"action\":\"filed\"")
                .contains("\"action\":\"verified\"")
                .contains("\"action\":\"refused\"")
                .contains("\"reason\":\"We hold no data about this address beyond this request.\"")
                .contains("\"userId\":\"" + owner.userId() + "\"");

        TenantId tenant = new TenantId(owner.tenantId());
        String history = TenantContext.callAs(
                tenant,
                null,
                () -> jdbc.sql(
                                "select string_agg(action || ':' || coalesce(from_status, '-') || '>' || to_status, ',' order by at, id)"
                                        + " from privacy_request_history where request_id = ?")
                        .param(UUID.fromString(id))
                        .query(String.class)
                        .single());
        assertThat(history).isEqualTo("filed:->received,verified:received>verified,refused:verified>refused");
        String audit = TenantContext.callAs(
                tenant,
                null,
                () -> jdbc.sql("select string_agg(action || ' ' || details::text, '; ') from audit_events"
                                + " where target_id = ?")
                        .param(id)
                        .query(String.class)
                        .single());
        assertThat(audit)
                .contains("privacy-request.filed")
                .contains("privacy-request.verified")
                .contains("privacy-request.refused")
                .as("audit details hold ids and fixed words, never the subject's address")
                .doesNotContain(subject);
    }

    @Test
    void badInputIsRefusedNamingTheFields() {
        SignedUp owner = signUpAndVerify("Requests Input Co");
        Browserless api = owner.session();
        HttpResponse<String> bad = api.postJson(
                "/api/v1/privacy/requests",
                "{\"type\":\"forget-me\",\"subjectEmail\":\"not-an-email\",\"details\":\"" + "x".repeat(2001) + "\"}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body())
                .contains("\"field\":\"type\"")
                .contains("\"field\":\"subjectEmail\"")
                .contains("\"field\":\"details\"");
        HttpResponse<String> unknown = api.postJson(
                "/api/v1/privacy/requests", "{\"type\":\"access\",\"subjectEmail\":\"a@b.test\",\"priority\":1}");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("priority");
        assertThat(api.get("/api/v1/privacy/requests?filter[status]=lost").body())
                .contains("filter[status]");
        assertThat(api.get("/api/v1/privacy/requests?limit=500").statusCode()).isEqualTo(400);
        assertThat(api.get("/api/v1/privacy/requests?cursor=bm9wZQ").statusCode())
                .isEqualTo(400);
        assertThat(api.get("/api/v1/privacy/requests/not-a-uuid").statusCode()).isEqualTo(400);

        String id = Browserless.jsonField(
                api.postJson("/api/v1/privacy/requests", json("erasure", uniqueEmail("s"), null))
                        .body(),
                "id");
        HttpResponse<String> extend = api.postJson(
                "/api/v1/privacy/requests/" + id + "/extend", "{\"reason\":\" \",\"until\":\"next week\"}");
        assertThat(extend.statusCode()).isEqualTo(400);
        assertThat(extend.body()).contains("\"field\":\"reason\"").contains("\"field\":\"until\"");
        assertThat(api.postJson("/api/v1/privacy/requests/" + id + "/extend", "{\"reason\":\"x\",\"until\":1}")
                        .statusCode())
                .isEqualTo(400);
        assertThat(api.postJson("/api/v1/privacy/requests/" + id + "/refuse", "not json")
                        .statusCode())
                .isEqualTo(400);
        assertThat(api.postJson("/api/v1/privacy/requests/" + UUID.randomUUID() + "/verify", "")
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void membersFileAndSeeTheirOwnRequestsOnlyAdminsHandleThem() {
        SignedUp owner = signUpAndVerify("Requests Roles Co");
        Joined member = inviteAndJoin(owner, "member");
        Joined reader = inviteAndJoin(owner, "read-only");
        Joined admin = inviteAndJoin(owner, "admin");
        String ownersRequest = Browserless.jsonField(
                owner.session()
                        .postJson("/api/v1/privacy/requests", json("objection", uniqueEmail("o"), null))
                        .body(),
                "id");
        HttpResponse<String> byMember = member.session()
                .postJson("/api/v1/privacy/requests", json("rectification", uniqueEmail("m"), "Wrong surname"));
        assertThat(byMember.statusCode()).as("any member may file").isEqualTo(201);
        String membersRequest = Browserless.jsonField(byMember.body(), "id");
        assertThat(reader.session()
                        .postJson("/api/v1/privacy/requests", json("access", uniqueEmail("r"), null))
                        .statusCode())
                .isEqualTo(403);

        String memberList = member.session().get("/api/v1/privacy/requests").body();
        assertThat(memberList).contains(membersRequest).doesNotContain(ownersRequest);
        assertThat(member.session()
                        .get("/api/v1/privacy/requests/" + ownersRequest)
                        .statusCode())
                .isEqualTo(404);
        assertThat(member.session()
                        .get("/api/v1/privacy/requests/" + membersRequest)
                        .statusCode())
                .isEqualTo(200);
        for (String step : new String[] {"verify", "execute", "refuse", "extend", "complete", "package"}) {
            HttpResponse<String> denied = step.equals("package")
                    ? member.session().get("/api/v1/privacy/requests/" + membersRequest + "/" + step)
                    : member.session()
                            .postJson("/api/v1/privacy/requests/" + membersRequest + "/" + step, "{\"reason\":\"x\"}");
            assertThat(denied.statusCode()).as(step).isEqualTo(403);
        }
        assertThat(member.session().get("/settings/privacy/requests").statusCode())
                .isEqualTo(403);

        String adminList = admin.session().get("/api/v1/privacy/requests").body();
        assertThat(adminList).contains(membersRequest).contains(ownersRequest);
        assertThat(admin.session()
                        .postJson("/api/v1/privacy/requests/" + membersRequest + "/verify", "")
                        .statusCode())
                .isEqualTo(200);
        assertThat(member.session()
                        .get("/api/v1/privacy/requests/" + membersRequest)
                        .body())
                .contains("\"status\":\"verified\"");
    }

    @Test
    void anotherClientCanNeitherSeeNorActOnARequest() {
        SignedUp owner = signUpAndVerify("Requests Isolation Co");
        SignedUp stranger = signUpAndVerify("Requests Stranger Co");
        String id = Browserless.jsonField(
                owner.session()
                        .postJson("/api/v1/privacy/requests", json("erasure", uniqueEmail("iso"), null))
                        .body(),
                "id");
        Browserless other = stranger.session();
        assertThat(other.get("/api/v1/privacy/requests/" + id).statusCode()).isEqualTo(404);
        assertThat(other.get("/api/v1/privacy/requests?filter[status]=all").body())
                .doesNotContain(id);
        for (String step : new String[] {"verify", "execute", "refuse"}) {
            assertThat(other.postJson("/api/v1/privacy/requests/" + id + "/" + step, "{\"reason\":\"x\"}")
                            .statusCode())
                    .as(step)
                    .isEqualTo(404);
        }
        assertThat(other.postJson(
                                "/api/v1/privacy/requests/" + id + "/extend",
                                "{\"reason\":\"x\",\"until\":\"" + Instant.now().plusSeconds(86400 * 40) + "\"}")
                        .statusCode())
                .isEqualTo(404);
        assertThat(other.get("/settings/privacy/requests/" + id).statusCode()).isEqualTo(404);

        UUID requestId = UUID.fromString(id);
        long seenByStranger = TenantContext.callAs(
                new TenantId(stranger.tenantId()),
                null,
                () -> jdbc.sql("select count(*) from privacy_requests where id = ?")
                        .param(requestId)
                        .query(Long.class)
                        .single());
        long seenByOwner = TenantContext.callAs(
                new TenantId(owner.tenantId()),
                null,
                () -> jdbc.sql("select count(*) from privacy_requests where id = ? and status = 'received'")
                        .param(requestId)
                        .query(Long.class)
                        .single());
        assertThat(seenByStranger).as("row-level security hides the row").isZero();
        assertThat(seenByOwner).as("and nothing the stranger tried changed it").isEqualTo(1);
    }
}
