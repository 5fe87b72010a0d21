package io.team365.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.team365.support.AppRoleSql;
import io.team365.support.Browserless;
import io.team365.support.IntegrationTest;
import java.net.http.HttpResponse;
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

/**
 * Two Clients with data of every kind there is so far; nothing of one may be visible to the other, neither through
 * the API nor in SQL run as the application's database role. The SQL checks find the tenant tables from
 * information_schema, so tables added later are covered without editing this test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenantIsolationTests extends IntegrationTest {

    SignedUp alpha;
    SignedUp beta;
    String betaInvitationId;
    String betaTokenId;

    @BeforeAll
    void twoClientsWithData() {
        alpha = signUpAndVerify("Alpha GmbH");
        beta = signUpAndVerify("Beta SARL");
        for (SignedUp client : List.of(alpha, beta)) {
            assertThat(client.session()
                            .postJson("/api/v1/me/tokens", "{\"name\":\"tok\"}")
                            .statusCode())
                    .isEqualTo(201);
            assertThat(client.session()
                            .postJson(
                                    "/api/v1/invitations",
                                    "{\"email\":\"%s\",\"role\":\"member\"}".formatted(uniqueEmail("invitee")))
                            .statusCode())
                    .isEqualTo(201);
        }
        betaInvitationId = firstId(beta.session().get("/api/v1/invitations").body());
        betaTokenId = firstId(beta.session().get("/api/v1/me/tokens").body());
    }

    @Test
    void everyTenantTableHasForcedRowLevelSecurityAndTheAppRoleOwnsNothing() throws SQLException {
        try (Connection db = appConnection();
                Statement statement = db.createStatement()) {
            List<String> tables = tenantTables(db);
            assertThat(tables).contains("memberships", "invitations", "api_tokens", "audit_events", "outbound_emails");
            for (String table : tables) {
                try (ResultSet rs = statement.executeQuery("select c.relrowsecurity, c.relforcerowsecurity,"
                        + " pg_get_userbyid(c.relowner) from pg_class c where c.relname = '" + table + "'")) {
                    rs.next();
                    assertThat(rs.getBoolean(1))
                            .as(table + " has row-level security")
                            .isTrue();
                    assertThat(rs.getBoolean(2))
                            .as(table + " forces it on the owner too")
                            .isTrue();
                    assertThat(rs.getString(3))
                            .as(table + " is not owned by the app role")
                            .isNotEqualTo(appRole);
                }
            }
            try (PreparedStatement keys = db.prepareStatement("""
                    select c.relname from pg_index i
                    join pg_class c on c.oid = i.indrelid
                    join pg_attribute a on a.attrelid = c.oid and a.attnum = i.indkey[0]
                    where i.indisprimary and c.relname = any(?) and a.attname <> 'tenant_id'
                    """)) {
                keys.setArray(1, db.createArrayOf("text", tables.toArray()));
                List<String> wrong = new java.util.ArrayList<>();
                try (ResultSet rs = keys.executeQuery()) {
                    while (rs.next()) {
                        wrong.add(rs.getString(1));
                    }
                }
                assertThat(wrong)
                        .as("tenant tables whose primary key does not start with tenant_id (data rule 1)")
                        .isEmpty();
            }
            try (ResultSet rs = statement.executeQuery(
                    "select rolsuper or rolbypassrls from pg_roles where rolname = current_user")) {
                rs.next();
                assertThat(rs.getBoolean(1))
                        .as("the app role can bypass nothing")
                        .isFalse();
            }
            assertThatThrownBy(() -> statement.execute("alter table memberships disable row level security"))
                    .hasMessageContaining("must be owner");
        }
    }

    @Test
    void withNoTenantSetTheAppRoleSeesNoTenantRows() throws SQLException {
        try (Connection db = appConnection();
                Statement statement = db.createStatement()) {
            for (String table : tenantTables(db)) {
                try (ResultSet rs = statement.executeQuery("select count(*) from " + table)) {
                    rs.next();
                    assertThat(rs.getLong(1))
                            .as("rows of " + table + " visible without a tenant")
                            .isZero();
                }
            }
            try (ResultSet rs = statement.executeQuery("select count(*) from users")) {
                rs.next();
                assertThat(rs.getLong(1))
                        .as("people visible without a tenant or a lookup")
                        .isZero();
            }
            try (ResultSet rs = statement.executeQuery("select count(*) from clients")) {
                rs.next();
                assertThat(rs.getLong(1)).as("Clients visible without a tenant").isZero();
            }
        }
    }

    @Test
    void withOneTenantSetTheAppRoleSeesNothingOfTheOther() throws SQLException {
        try (Connection db = appConnection()) {
            setTenant(db, alpha.tenantId());
            long ownRows = 0;
            for (String table : tenantTables(db)) {
                ownRows += count(db, "select count(*) from " + table + " where tenant_id = ?", alpha.tenantId());
                assertThat(count(db, "select count(*) from " + table + " where tenant_id <> ?", alpha.tenantId()))
                        .as("other tenants' rows in " + table)
                        .isZero();
            }
            assertThat(ownRows)
                    .as("the check is not vacuous: alpha's own rows are visible")
                    .isGreaterThan(5);
            assertThat(count(db, "select count(*) from users where id = ?", beta.userId()))
                    .as("beta's owner is invisible to alpha")
                    .isZero();
            assertThat(count(db, "select count(*) from clients where id <> ?", alpha.tenantId()))
                    .as("other Clients in the registry")
                    .isZero();
        }
    }

    @Test
    void writesIntoAnotherTenantAreRefused() throws SQLException {
        try (Connection db = appConnection()) {
            setTenant(db, alpha.tenantId());
            try (PreparedStatement insert = db.prepareStatement(
                    "insert into audit_events (tenant_id, id, action)" + " values (?, gen_random_uuid(), 'forged')")) {
                insert.setObject(1, beta.tenantId());
                assertThatThrownBy(insert::executeUpdate).hasMessageContaining("row-level security");
            }
            try (PreparedStatement update =
                    db.prepareStatement("update memberships set role = 'read-only' where tenant_id = ?")) {
                update.setObject(1, beta.tenantId());
                assertThat(update.executeUpdate()).isZero();
            }
        }
    }

    @Test
    void theAuditTrailIsAppendOnlyForTheAppRole() throws SQLException {
        try (Connection db = appConnection();
                Statement statement = db.createStatement()) {
            setTenant(db, alpha.tenantId());
            assertThatThrownBy(() -> statement.executeUpdate("update audit_events set action = 'x'"))
                    .hasMessageContaining("permission denied");
            assertThatThrownBy(() -> statement.executeUpdate("delete from audit_events"))
                    .hasMessageContaining("permission denied");
        }
    }

    @Test
    void theApiShowsNothingOfAnotherClientAndAnswers404ForItsIds() {
        Browserless a = alpha.session();
        assertThat(a.get("/api/v1/members").body()).contains(alpha.email()).doesNotContain(beta.email());
        assertThat(a.get("/api/v1/audit").body()).doesNotContain(beta.email()).doesNotContain("Beta SARL");
        assertThat(a.get("/api/v1/invitations").body()).doesNotContain(betaInvitationId);
        assertThat(a.delete("/api/v1/invitations/" + betaInvitationId).statusCode())
                .isEqualTo(404);
        assertThat(a.delete("/api/v1/me/tokens/" + betaTokenId).statusCode()).isEqualTo(404);
        assertThat(a.patchJson("/api/v1/members/" + beta.userId(), "{\"role\":\"member\"}")
                        .statusCode())
                .isEqualTo(404);
        assertThat(a.delete("/api/v1/members/" + beta.userId()).statusCode()).isEqualTo(404);
        assertThat(beta.session().get("/api/v1/invitations").body()).contains(betaInvitationId);
    }

    @Test
    void thePagesShowNothingOfAnotherClient() {
        Browserless a = alpha.session();
        assertThat(a.get("/settings/users").body()).contains(alpha.email()).doesNotContain(beta.email());
        assertThat(a.get("/settings/audit").body()).doesNotContain(beta.email());
        assertThat(a.get("/settings/client").body()).contains("Alpha GmbH").doesNotContain("Beta SARL");
        assertThat(a.get("/app").body()).doesNotContain("Beta SARL");
        HttpResponse<String> forged = a.postForm(
                "/switch-client", java.util.Map.of("tenantId", beta.tenantId().toString()));
        assertThat(forged.statusCode()).isEqualTo(404);
    }

    private Connection appConnection() throws SQLException {
        return appRoleConnection();
    }

    private static List<String> tenantTables(Connection db) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement statement = db.createStatement();
                ResultSet rs = statement.executeQuery("select c.table_name from information_schema.columns c"
                        + " join information_schema.tables t using (table_schema, table_name)"
                        + " where c.table_schema = 'public' and c.column_name = 'tenant_id'"
                        + " and t.table_type = 'BASE TABLE' order by 1")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        return tables;
    }

    private static void setTenant(Connection db, UUID tenant) throws SQLException {
        AppRoleSql.set(db, "app.tenant_id", tenant);
    }

    private static long count(Connection db, String sql, UUID parameter) throws SQLException {
        return AppRoleSql.count(db, sql, parameter);
    }

    private static String firstId(String json) {
        return Browserless.jsonField(json, "id");
    }
}
