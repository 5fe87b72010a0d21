package io.team365.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.team365.audit.internal.AuditChain;
import io.team365.core.TenantId;
import io.team365.core.personaldata.PersonalField;
import io.team365.core.retention.RetentionTarget;
import io.team365.support.IntegrationTest;
import io.team365.tenancy.TenantTransactions;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/**
 * Audit retention: entries older than seven years go with their seals, the last removed hash becomes the chain's
 * anchor so the rest still verifies, and nothing younger than seven years can go, whatever cutoff is asked for.
 */
class AuditRetentionTests extends IntegrationTest {

    @Autowired
    Environment environment;

    @Autowired
    AuditChain chain;

    @Autowired
    TenantTransactions tenants;

    @Autowired
    List<RetentionTarget> targets;

    private RetentionTarget auditTarget() {
        return targets.stream()
                .filter(t -> t.key().equals("audit.expired"))
                .findFirst()
                .orElseThrow();
    }

    private static Instant yearsAgo(int years) {
        return Instant.now().atZone(ZoneOffset.UTC).minusYears(years).toInstant();
    }

    @Test
    void entriesOlderThanSevenYearsGoWithTheirSealsAndTheChainStillVerifiesFromItsAnchor() throws Exception {
        RetentionTarget target = auditTarget();
        assertThat(target.defaultPeriod()).isEqualTo(Period.ofYears(7));
        assertThat(target.minimumPeriod()).isEqualTo(Period.ofYears(7));
        assertThat(target.action()).isEqualTo("delete");
        assertThat(target.category()).isEqualTo(PersonalField.Category.TECHNICAL);

        TenantId tenant = new TenantId(UUID.randomUUID());
        UUID sixYearsOld = UUID.randomUUID();
        UUID recent = UUID.randomUUID();
        try (Superuser db = Superuser.connect(environment, false)) {
            db.update("insert into clients (id, name) values (?, 'Retention Co')", tenant.value());
            // one statement, so the sealing job sees all of them or none
            db.update(
                    """
                    insert into audit_events (tenant_id, id, occurred_at, action, target_type, target_id) values
                        (?, gen_random_uuid(), now() - interval '9 years', 'contact.viewed', 'contact', 'a'),
                        (?, gen_random_uuid(), now() - interval '8 years 2 days', 'contact.viewed', 'contact', 'b'),
                        (?, gen_random_uuid(), now() - interval '8 years', 'contact.updated', 'contact', 'b'),
                        (?, ?, now() - interval '6 years', 'contact.viewed', 'contact', 'c'),
                        (?, ?, now(), 'contact.viewed', 'contact', 'd')
                    """,
                    tenant.value(),
                    tenant.value(),
                    tenant.value(),
                    tenant.value(),
                    sixYearsOld,
                    tenant.value(),
                    recent);
        }
        chain.seal(tenant);

        Instant sevenYearsAgo = yearsAgo(7);
        assertThat(tenants.call(tenant, null, () -> target.count(tenant, sevenYearsAgo)))
                .isEqualTo(3);
        assertThat(tenants.call(tenant, null, () -> target.apply(tenant, sevenYearsAgo)))
                .as("the run does what the preview showed")
                .isEqualTo(3);

        try (Superuser db = Superuser.connect(environment, false)) {
            assertThat(db.column(
                            "select id from audit_events where tenant_id = ? order by occurred_at", tenant.value()))
                    .containsExactly(sixYearsOld.toString(), recent.toString());
            assertThat(db.column("select seq from audit_seals where tenant_id = ? order by seq", tenant.value()))
                    .containsExactly("4", "5");
            assertThat(db.column(
                            "select seq || '/' || removed from audit_chain_anchors where tenant_id = ?",
                            tenant.value()))
                    .containsExactly("3/3");
        }
        ChainVerification verified = tenants.call(tenant, null, chain::verify);
        assertThat(verified.intact()).as(verified.toString()).isTrue();
        assertThat(verified.anchor()).isEqualTo(3);
        assertThat(verified.verified()).isEqualTo(2);

        // a cutoff newer than seven years ago is held at seven years: the six-year-old entry stays
        assertThat(tenants.call(tenant, null, () -> target.count(tenant, Instant.now())))
                .isZero();
        assertThat(tenants.call(tenant, null, () -> target.apply(tenant, Instant.now())))
                .isZero();
        try (Superuser db = Superuser.connect(environment, false)) {
            assertThat(db.count("select count(*) from audit_events where tenant_id = ?", tenant.value()))
                    .isEqualTo(2);
        }

        // tampering after the anchor is still found
        try (Superuser db = Superuser.connect(environment, true)) {
            db.update("update audit_events set target_id = 'x' where id = ?", recent);
        }
        ChainVerification broken = tenants.call(tenant, null, chain::verify);
        assertThat(broken.intact()).isFalse();
        assertThat(broken.problem().kind()).isEqualTo("altered");
        assertThat(broken.problem().entryId()).isEqualTo(recent);
    }

    @Test
    void retentionLeavesABrokenChainAndOtherClientsAlone() throws Exception {
        RetentionTarget target = auditTarget();
        TenantId tenant = new TenantId(UUID.randomUUID());
        TenantId other = new TenantId(UUID.randomUUID());
        UUID missing = UUID.randomUUID();
        try (Superuser db = Superuser.connect(environment, false)) {
            for (TenantId t : List.of(tenant, other)) {
                db.update("insert into clients (id, name) values (?, 'Broken Co')", t.value());
                db.update("""
                        insert into audit_events (tenant_id, id, occurred_at, action) values
                            (?, ?, now() - interval '9 years', 'contact.viewed'),
                            (?, gen_random_uuid(), now() - interval '8 years', 'contact.viewed')
                        """, t.value(), t == tenant ? missing : UUID.randomUUID(), t.value());
            }
        }
        chain.seal(tenant);
        chain.seal(other);
        try (Superuser db = Superuser.connect(environment, true)) {
            db.update("delete from audit_events where id = ?", missing);
        }
        assertThat(tenants.call(tenant, null, () -> target.apply(tenant, yearsAgo(7))))
                .as("a chain whose first entry is missing is not tidied away")
                .isZero();
        assertThat(tenants.call(tenant, null, chain::verify).problem().kind()).isEqualTo("removed");
        try (Superuser db = Superuser.connect(environment, false)) {
            assertThat(db.count("select count(*) from audit_events where tenant_id = ?", other.value()))
                    .as("the other Client's entries are untouched")
                    .isEqualTo(2);
        }
    }
}
