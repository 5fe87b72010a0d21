package io.team365.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.team365.core.TenantId;
import io.team365.support.IntegrationTest;
import io.team365.tenancy.TenantTransactions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The search index bypasses the tenant policy only inside search_records(), which must bind the tenant itself: checked
 * at the SQL level as the application role, the way an attacker with the application's connection would try.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchIsolationTests extends IntegrationTest {

    private static final String ALL_KINDS = "array['contact', 'company', 'lead', 'deal']";

    @Autowired
    TenantTransactions tenants;

    SignedUp alpha;
    SignedUp beta;
    UUID alphasContact = UUID.randomUUID();
    UUID alphasCompany = UUID.randomUUID();
    UUID betasContact = UUID.randomUUID();

    @BeforeAll
    void twoClientsWithLookAlikeRecords() {
        alpha = signUpAndVerify("Isolation Alpha");
        beta = signUpAndVerify("Isolation Beta");
        tenants.run(new TenantId(alpha.tenantId()), alpha.userId(), () -> {
            jdbc.sql("""
                            insert into contacts (tenant_id, id, first_name, last_name, emails, phones)
                            values (:t, :id, 'Isolde', 'Ålander', '[{"address": "isolde@alpha.example"}]',
                                    '[{"number": "+44 20 7946 0958"}]')
                            """)
                    .param("t", alpha.tenantId())
                    .param("id", alphasContact)
                    .update();
            jdbc.sql("""
                            insert into companies (tenant_id, id, name, domain)
                            values (:t, :id, 'Isolde Shipping', 'isolde-shipping.example')
                            """)
                    .param("t", alpha.tenantId())
                    .param("id", alphasCompany)
                    .update();
        });
        tenants.run(
                new TenantId(beta.tenantId()),
                beta.userId(),
                () -> jdbc.sql("""
                                insert into contacts (tenant_id, id, first_name, last_name)
                                values (:t, :id, 'Isolde', 'Beta')
                                """)
                        .param("t", beta.tenantId())
                        .param("id", betasContact)
                        .update());
    }

    @Test
    void theFunctionFindsOnlyTheBoundClientsRecords() throws SQLException {
        try (Connection db = appConnection()) {
            bind(db, beta.tenantId());
            for (String q : List.of(
                    "isolde",
                    "Isolde Alander",
                    "isolde@alpha.example",
                    "020 7946 0958",
                    "isolde-shipping.example",
                    "Isolda Alandr")) {
                List<UUID> found = search(db, q);
                assertThat(found).as("beta searching " + q).doesNotContain(alphasContact, alphasCompany);
            }
            assertThat(search(db, "isolde")).containsExactly(betasContact);

            bind(db, alpha.tenantId());
            assertThat(search(db, "isolde")).contains(alphasContact, alphasCompany);
            assertThat(search(db, "isolde@alpha.example")).containsExactly(alphasContact);
            assertThat(search(db, "020 7946 0958")).containsExactly(alphasContact);

            unbind(db);
            assertThat(search(db, "isolde")).as("no Client bound: nothing").isEmpty();
        }
    }

    @Test
    void theTablesAreReadOnlyForTheApplicationAndHeldToTheBoundClient() throws SQLException {
        try (Connection db = appConnection();
                Statement statement = db.createStatement()) {
            bind(db, beta.tenantId());
            for (String table : List.of("search_entries", "search_terms")) {
                try (ResultSet rs = statement.executeQuery("select count(*), count(*) filter (where tenant_id <> '"
                        + beta.tenantId() + "') from " + table + " where record_id in ('" + alphasContact + "', '"
                        + betasContact + "') or " + table + "::text ilike '%isolde%'")) {
                    rs.next();
                    assertThat(rs.getLong(1)).as(table + ": beta's own rows").isPositive();
                    assertThat(rs.getLong(2))
                            .as(table + ": another Client's rows, even with a non-leakproof filter")
                            .isZero();
                }
            }
            for (String write : List.of(
                    "insert into search_entries (tenant_id, record_type, record_id, title, folded) values ('"
                            + beta.tenantId() + "', 'contact', gen_random_uuid(), 'Forged', 'forged')",
                    "insert into search_terms (tenant_id, record_type, term, record_id) values ('" + beta.tenantId()
                            + "', 'contact', 'forged', gen_random_uuid())",
                    "update search_entries set title = 'Changed'",
                    "update search_terms set term = 'changed'",
                    "truncate search_terms")) {
                assertThatThrownBy(() -> statement.execute(write))
                        .as(write)
                        .isInstanceOf(SQLException.class)
                        .hasMessageContaining("permission denied");
            }

            unbind(db);
            try (ResultSet rs = statement.executeQuery(
                    "select (select count(*) from search_entries) + (select count(*) from search_terms)")) {
                rs.next();
                assertThat(rs.getLong(1)).as("no Client bound: no rows").isZero();
            }
        }
    }

    @Test
    void onlyTheOwnerRoleGetsPastThePolicyAndOnlyThroughADefinerFunctionWithAFixedPath() throws SQLException {
        try (Connection db = appConnection();
                Statement statement = db.createStatement()) {
            try (ResultSet rs = statement.executeQuery("""
                    select c.relforcerowsecurity, p.polname, array(select rolname from pg_roles r
                                                                   where r.oid = any(p.polroles))
                    from pg_policy p join pg_class c on c.oid = p.polrelid
                    where c.relname in ('search_entries', 'search_terms') order by c.relname, p.polname
                    """)) {
                int policies = 0;
                while (rs.next()) {
                    policies++;
                    assertThat(rs.getBoolean(1)).as("forced").isTrue();
                    List<String> roles = List.of((String[]) rs.getArray(3).getArray());
                    if (rs.getString(2).equals("tenant_isolation")) {
                        assertThat(roles).containsExactly(appRole);
                    } else {
                        assertThat(rs.getString(2)).isEqualTo("search_definer");
                        assertThat(roles).hasSize(1).doesNotContain(appRole);
                    }
                }
                assertThat(policies).isEqualTo(4);
            }
            try (ResultSet rs = statement.executeQuery("""
                    select p.prosecdef, pg_get_userbyid(p.proowner), p.proconfig::text
                    from pg_proc p where p.proname = 'search_records'
                    """)) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getBoolean(1)).as("security definer").isTrue();
                assertThat(rs.getString(2)).isNotEqualTo(appRole);
                assertThat(rs.getString(3)).as("a fixed search path").contains("search_path=public, pg_temp");
            }
        }
    }

    private Connection appConnection() throws SQLException {
        return appRoleConnection();
    }

    private static void bind(Connection db, UUID tenant) throws SQLException {
        try (PreparedStatement set = db.prepareStatement("select set_config('app.tenant_id', ?, false)")) {
            set.setString(1, tenant.toString());
            set.execute();
        }
    }

    private static void unbind(Connection db) throws SQLException {
        try (Statement statement = db.createStatement()) {
            statement.execute("select set_config('app.tenant_id', '', false)");
        }
    }

    private static List<UUID> search(Connection db, String q) throws SQLException {
        List<UUID> found = new ArrayList<>();
        try (PreparedStatement search =
                db.prepareStatement("select record_id from search_records(?, " + ALL_KINDS + ", null, 50)")) {
            search.setString(1, q);
            try (ResultSet rs = search.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getObject(1, UUID.class));
                }
            }
        }
        return found;
    }
}
