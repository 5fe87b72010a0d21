package io.team365.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.team365.core.TenantId;
import io.team365.support.IntegrationTest;
import io.team365.tenancy.TenantTransactions;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The keys are kept by the database in step with the records, and stay within their Client. */
class RecordKeysTests extends IntegrationTest {

    @Autowired
    TenantTransactions tenants;

    @Test
    void keysFollowInsertsUpdatesTrashAndDeletesAndStayWithinTheirClient() {
        var a = signUpAndVerify("Keys Ltd");
        var b = signUpAndVerify("Keys Ltd");
        UUID contact = UUID.randomUUID();
        UUID company = UUID.randomUUID();
        tenants.run(new TenantId(a.tenantId()), a.userId(), () -> {
            jdbc.sql("""
                            insert into contacts (tenant_id, id, first_name, emails, phones)
                            values (:t, :id, 'Ana', '[{"address": " Ana@Example.COM ", "primary": true}]',
                                    '[{"number": "+49 30 1234567"}, {"number": "12"}]')
                            """).param("t", a.tenantId()).param("id", contact).update();
            jdbc.sql("""
                            insert into companies (tenant_id, id, name, domain, website, phone)
                            values (:t, :id, 'Acme', null, 'https://www.Acme.com/about?x=1', '')
                            """).param("t", a.tenantId()).param("id", company).update();
        });

        assertThat(keysOf(a.tenantId(), contact)).containsExactly("email:ana@example.com", "phone:49301234567");
        assertThat(keysOf(a.tenantId(), company)).containsExactly("domain:acme.com");
        assertThat(keysOf(b.tenantId(), contact))
                .as("another Client sees none of them")
                .isEmpty();

        tenants.run(
                new TenantId(a.tenantId()),
                a.userId(),
                () -> jdbc.sql("update contacts set emails = '[{\"address\": \"new@example.com\"}]'"
                                + " where id = :id")
                        .param("id", contact)
                        .update());
        assertThat(keysOf(a.tenantId(), contact)).containsExactly("email:new@example.com", "phone:49301234567");

        tenants.run(
                new TenantId(a.tenantId()),
                a.userId(),
                () -> jdbc.sql("update contacts set deleted_at = now() where id = :id")
                        .param("id", contact)
                        .update());
        assertThat(keysOf(a.tenantId(), contact))
                .as("trashed records have no keys")
                .isEmpty();

        tenants.run(
                new TenantId(a.tenantId()),
                a.userId(),
                () -> jdbc.sql("update contacts set deleted_at = null where id = :id")
                        .param("id", contact)
                        .update());
        assertThat(keysOf(a.tenantId(), contact)).containsExactly("email:new@example.com", "phone:49301234567");

        tenants.run(
                new TenantId(a.tenantId()),
                a.userId(),
                () -> jdbc.sql("delete from companies where id = :id")
                        .param("id", company)
                        .update());
        assertThat(keysOf(a.tenantId(), company)).isEmpty();
    }

    @Test
    void javaKeysAreTheDatabasesKeys() {
        assertThat(RecordKeys.emailKey(" Ana@Example.COM ")).isEqualTo("ana@example.com");
        assertThat(RecordKeys.phoneKey("+49 (30) 123-4567")).isEqualTo("49301234567");
        assertThat(RecordKeys.phoneKey("12 34")).isNull();
        assertThat(RecordKeys.domainKey("HTTP://www.acme.com:8080/x")).isEqualTo("acme.com");
        assertThat(RecordKeys.domainKey("acme.co.uk")).isEqualTo("acme.co.uk");
        for (String site : List.of("HTTP://www.acme.com:8080/x", "acme.co.uk", "https://shop.acme.com/?q=1")) {
            String fromDatabase = jdbc.sql("select record_key_domain(:s)")
                    .param("s", site)
                    .query(String.class)
                    .single();
            assertThat(RecordKeys.domainKey(site)).isEqualTo(fromDatabase);
        }
        for (String number : List.of("+49 (30) 123-4567", "0044 20 7946 0958", "12")) {
            String fromDatabase = jdbc.sql("select record_key_phone(:s)")
                    .param("s", number)
                    .query(String.class)
                    .optional()
                    .orElse(null);
            assertThat(RecordKeys.phoneKey(number)).isEqualTo(fromDatabase);
        }
    }

    private List<String> keysOf(UUID tenant, UUID record) {
        return tenants.call(
                new TenantId(tenant),
                null,
                () -> jdbc.sql("select kind || ':' || key from record_keys where record_id = :id"
                                + " order by kind, key")
                        .param("id", record)
                        .query(String.class)
                        .list());
    }
}
