package io.team365.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.team365.audit.internal.AuditChain;
import io.team365.core.TenantId;
import io.team365.support.Browserless;
import io.team365.support.IntegrationTest;
import io.team365.tenancy.TenantTransactions;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/**
 * The audit hash chain: entries get sealed, and verification finds a row altered or deleted by someone with full
 * database access, and an entry slipped in with an old date; the application role can change no seal.
 */
class AuditChainTests extends IntegrationTest {

    @Autowired
    Environment environment;

    @Autowired
    AuditChain chain;

    @Autowired
    TenantTransactions tenants;

    private String contact(Browserless session, String firstName, String email) {
        HttpResponse<String> created = session.postJson(
                "/api/v1/contacts",
                "{\"firstName\":\"%s\",\"emails\":[{\"address\":\"%s\"}]}".formatted(firstName, email));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return Browserless.jsonField(created.body(), "id");
    }

    static long number(String json, String field) {
        var matcher =
                java.util.regex.Pattern.compile("\"" + field + "\":(\\d+)").matcher(json);
        assertThat(matcher.find()).as(field + " in " + json).isTrue();
        return Long.parseLong(matcher.group(1));
    }

    private HttpResponse<String> verification(Browserless session) {
        return session.get("/api/v1/audit/verification");
    }

    @Test
    void unsealedEntriesGetSealedInOrderAndTheChainVerifies() throws Exception {
        SignedUp owner = signUpAndVerify("Chain Co");
        String id = contact(owner.session(), "Chloe", uniqueEmail("chloe"));
        owner.session().get("/api/v1/contacts/" + id);
        owner.session().get("/contacts/" + id);

        chain.seal(new TenantId(owner.tenantId())); // the scheduled job may have sealed some already
        try (Superuser db = Superuser.connect(environment, false)) {
            assertThat(db.count(
                            "select count(*) from audit_events e where tenant_id = ? and not exists (select 1 from"
                                    + " audit_seals s where s.tenant_id = e.tenant_id and s.entry_id = e.id)",
                            owner.tenantId()))
                    .as("entries left unsealed")
                    .isZero();
            List<String> seqs =
                    db.column("select seq from audit_seals where tenant_id = ? order by seq", owner.tenantId());
            assertThat(seqs.getFirst()).isEqualTo("1");
            assertThat(seqs.getLast()).isEqualTo(String.valueOf(seqs.size()));
            // sealed in order of (occurred_at, id)
            List<String> chained = db.column(
                    "select e.id from audit_seals s join audit_events e on e.tenant_id = s.tenant_id"
                            + " and e.id = s.entry_id where s.tenant_id = ? order by s.seq",
                    owner.tenantId());
            List<String> byTime = db.column(
                    "select id from audit_events where tenant_id = ? order by occurred_at, id", owner.tenantId());
            assertThat(chained).isEqualTo(byTime);
        }
        HttpResponse<String> verified = verification(owner.session());
        assertThat(verified.statusCode()).isEqualTo(200);
        assertThat(verified.body()).contains("\"intact\":true").contains("\"problem\":null");
        assertThat(number(verified.body(), "verified")).isGreaterThanOrEqualTo(4); // created, signed in, viewed twice
        assertThat(chain.seal(new TenantId(owner.tenantId())))
                .as("sealing again finds only what came since (the verification read itself is not audited)")
                .isZero();
    }

    @Test
    void aRowAlteredByTheDatabaseOwnerIsFound() throws Exception {
        SignedUp owner = signUpAndVerify("Altered Co");
        SignedUp bystander = signUpAndVerify("Bystander Co");
        String id = contact(owner.session(), "Alma", uniqueEmail("alma"));
        owner.session().get("/api/v1/contacts/" + id);
        assertThat(verification(owner.session()).body()).contains("\"intact\":true");
        assertThat(verification(bystander.session()).body()).contains("\"intact\":true");

        String viewed;
        try (Superuser db = Superuser.connect(environment, true)) {
            viewed = db.column(
                            "select id from audit_events where tenant_id = ? and action = 'contact.viewed'",
                            owner.tenantId())
                    .getFirst();
            assertThat(db.update(
                            "update audit_events set actor_email = 'someone-else@example.test' where tenant_id = ?"
                                    + " and id = ?::uuid",
                            owner.tenantId(),
                            viewed))
                    .isEqualTo(1);
        }
        HttpResponse<String> result = verification(owner.session());
        assertThat(result.body())
                .contains("\"intact\":false")
                .contains("\"kind\":\"altered\"")
                .contains("\"entryId\":\"" + viewed + "\"");
        assertThat(verification(bystander.session()).body())
                .as("another Client's chain is not affected")
                .contains("\"intact\":true");

        // the admin's page shows the same
        HttpResponse<String> page = owner.session().postForm("/settings/audit/verification", java.util.Map.of());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("audit-chain-result").contains(viewed).contains("changed after it was sealed");
    }

    @Test
    void aDeletedRowIsFound() throws Exception {
        SignedUp owner = signUpAndVerify("Deleted Co");
        String id = contact(owner.session(), "Dora", uniqueEmail("dora"));
        owner.session().get("/api/v1/contacts/" + id);
        owner.session().get("/api/v1/contacts/" + id);
        assertThat(verification(owner.session()).body()).contains("\"intact\":true");

        String created;
        try (Superuser db = Superuser.connect(environment, true)) {
            created = db.column(
                            "select id from audit_events where tenant_id = ? and action = 'contact.created'",
                            owner.tenantId())
                    .getFirst();
            assertThat(db.update(
                            "delete from audit_events where tenant_id = ? and id = ?::uuid", owner.tenantId(), created))
                    .isEqualTo(1);
        }
        assertThat(verification(owner.session()).body())
                .contains("\"intact\":false")
                .contains("\"kind\":\"removed\"")
                .contains("\"entryId\":\"" + created + "\"");
    }

    @Test
    void aRemovedSealAndABackdatedEntryAreFound() throws Exception {
        SignedUp owner = signUpAndVerify("Backdated Co");
        String id = contact(owner.session(), "Bea", uniqueEmail("bea"));
        owner.session().get("/api/v1/contacts/" + id);
        assertThat(verification(owner.session()).body()).contains("\"intact\":true");

        UUID forged = UUID.randomUUID();
        try (Superuser db = Superuser.connect(environment, false)) {
            // inserting is what the application does; an entry dated an hour back is not what it does
            db.update(
                    "insert into audit_events (tenant_id, id, occurred_at, action, target_type, target_id)"
                            + " values (?, ?, now() - interval '1 hour', 'contact.viewed', 'contact', ?)",
                    owner.tenantId(),
                    forged,
                    id);
        }
        HttpResponse<String> result = verification(owner.session());
        assertThat(result.body())
                .contains("\"intact\":false")
                .contains("\"kind\":\"out-of-order\"")
                .contains("\"entryId\":\"" + forged + "\"");
        try (Superuser db = Superuser.connect(environment, true)) {
            assertThat(db.count("select count(*) from audit_seals where entry_id = ?", forged))
                    .as("a backdated entry is never sealed into the chain")
                    .isZero();
            db.update("delete from audit_events where id = ?", forged);
            assertThat(verification(owner.session()).body()).contains("\"intact\":true");
            db.update("delete from audit_seals where tenant_id = ? and seq = 2", owner.tenantId());
        }
        assertThat(verification(owner.session()).body())
                .contains("\"intact\":false")
                .contains("\"kind\":\"removed\"")
                .contains("\"seq\":2");
    }

    @Test
    void theApplicationRoleCannotChangeOrRemoveSealsEntriesOrAnchors() {
        SignedUp owner = signUpAndVerify("Guarded Co");
        TenantId tenant = new TenantId(owner.tenantId());
        chain.seal(tenant);
        for (String sql : List.of(
                "update audit_seals set hash = sha256('x'::bytea)",
                "delete from audit_seals",
                "update audit_events set action = 'x'",
                "delete from audit_events",
                "insert into audit_chain_anchors (tenant_id, seq, hash, removed, cutoff)"
                        + " values (app_tenant_id(), 1, sha256('x'::bytea), 0, now())")) {
            assertThatThrownBy(
                            () -> tenants.run(tenant, null, () -> jdbc.sql(sql).update()))
                    .as(sql)
                    .rootCause()
                    .hasMessageContaining("permission denied");
        }
    }

    @Test
    void theTriggerRefusesYoungRowsEvenToTheOwnerAndVerificationIsAdminOnly() throws Exception {
        SignedUp owner = signUpAndVerify("Trigger Co");
        chain.seal(new TenantId(owner.tenantId()));
        try (Superuser db = Superuser.connect(environment, false)) {
            assertThatThrownBy(() -> db.update("delete from audit_events where tenant_id = ?", owner.tenantId()))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> db.update("delete from audit_seals where tenant_id = ?", owner.tenantId()))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(
                            () -> db.update("update audit_seals set seq = seq where tenant_id = ?", owner.tenantId()))
                    .hasMessageContaining("append-only");
        }
        Joined member = inviteAndJoin(owner, "member");
        assertThat(verification(member.session()).statusCode()).isEqualTo(403);
        assertThat(member.session()
                        .postForm("/settings/audit/verification", java.util.Map.of())
                        .statusCode())
                .isEqualTo(403);
        assertThat(client().get("/api/v1/audit/verification").statusCode()).isEqualTo(401);
    }
}
