package io.team365.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.team365.support.AppRoleSql;
import io.team365.support.IntegrationTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A person's second factors and sign-in links (issue 7) belong to no Client, so tenant isolation does not cover them:
 * each row is the person's own. Checked in SQL as the application's database role, the way the code reaches them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PersonalSecurityTablesIsolationTests extends IntegrationTest {

    /** Each table, and a statement adding one row of the person in app.user_id (the parameter). */
    private static final List<List<String>> TABLES = List.of(
            List.of(
                    "user_totp",
                    "insert into user_totp (user_id, sealed_secret, created_at) values (?, '\\x01', now())"),
            List.of(
                    "user_recovery_codes",
                    "insert into user_recovery_codes (user_id, code_hash, created_at)"
                            + " values (?, repeat('a', 64), now())"),
            List.of("mfa_failures", "insert into mfa_failures (user_id, at) values (?, now())"),
            List.of(
                    "passkey_users",
                    "insert into passkey_users (user_id, user_handle) values (?, gen_random_uuid()::text)"),
            List.of(
                    "passkey_credentials",
                    "insert into passkey_credentials (credential_id, id, user_id, user_handle, label,"
                            + " credential_type, public_key, attestation_object, signature_count, uv_initialized,"
                            + " backup_eligible, backup_state, created_at)"
                            + " select 'cred-' || gen_random_uuid(), gen_random_uuid(), user_id, user_handle, 'Key',"
                            + " 'public-key', '\\x01', '\\x01', 0, true, false, false, now()"
                            + " from passkey_users where user_id = ?"),
            List.of(
                    "sso_identities",
                    "insert into sso_identities (id, user_id, registration_id, issuer, subject, subject_key, linked_at)"
                            + " values (gen_random_uuid(), ?, 'testidp', 'https://idp.example.test',"
                            + " gen_random_uuid()::text, gen_random_uuid()::text, now())"));

    UUID alice;
    UUID bob;

    @BeforeAll
    void twoPeopleWithEveryKindOfRow() throws SQLException {
        alice = signUpAndVerify("Alice Security Co").userId();
        bob = signUpAndVerify("Bob Security Co").userId();
        try (Connection db = appConnection()) {
            for (UUID person : List.of(alice, bob)) {
                actAs(db, person);
                for (List<String> table : TABLES) {
                    assertThat(AppRoleSql.update(db, table.get(1), person))
                            .as("%s: the person adds their own row", table.get(0))
                            .isEqualTo(1);
                }
            }
        }
    }

    @Test
    void everyOneOfThemForcesRowLevelSecurity() throws SQLException {
        try (Connection db = appConnection()) {
            for (List<String> table : TABLES) {
                try (PreparedStatement query = db.prepareStatement(
                        "select relrowsecurity and relforcerowsecurity from pg_class where relname = ?")) {
                    query.setString(1, table.get(0));
                    try (ResultSet rs = query.executeQuery()) {
                        assertThat(rs.next()).isTrue();
                        assertThat(rs.getBoolean(1)).as(table.get(0)).isTrue();
                    }
                }
            }
        }
    }

    @Test
    void aPersonSeesAndChangesOnlyTheirOwnRows() throws SQLException {
        try (Connection db = appConnection()) {
            actAs(db, alice);
            for (List<String> table : TABLES) {
                String name = table.get(0);
                assertThat(AppRoleSql.count(db, "select count(*) from " + name + " where user_id = ?", alice))
                        .as("%s: Alice's own", name)
                        .isPositive();
                assertThat(AppRoleSql.count(db, "select count(*) from " + name + " where user_id = ?", bob))
                        .as("%s: nothing of Bob's", name)
                        .isZero();
                assertThat(AppRoleSql.update(db, "delete from " + name + " where user_id = ?", bob))
                        .as("%s: Bob's rows cannot be deleted", name)
                        .isZero();
            }
            assertThat(AppRoleSql.update(db, "update user_totp set last_used_step = 1 where user_id = ?", bob))
                    .isZero();
            assertThat(AppRoleSql.update(
                            db, "update passkey_credentials set label = 'mine now' where user_id = ?", bob))
                    .isZero();
            assertThatThrownBy(() -> AppRoleSql.update(
                            db, "update sso_identities set user_id = ? where user_id is not null", bob))
                    .as("Alice's link cannot be handed to Bob")
                    .hasMessageContaining("row-level security");

            assertThatThrownBy(() -> AppRoleSql.update(db, TABLES.get(0).get(1), bob))
                    .as("a second factor cannot be planted on someone else")
                    .hasMessageContaining("row-level security");
            assertThatThrownBy(() -> AppRoleSql.update(db, TABLES.get(5).get(1), bob))
                    .as("nor a sign-in link")
                    .hasMessageContaining("row-level security");
        }
        try (Connection db = appConnection()) {
            actAs(db, bob);
            for (List<String> table : TABLES) {
                assertThat(AppRoleSql.count(db, "select count(*) from " + table.get(0) + " where user_id = ?", bob))
                        .as("%s: Bob's rows are still there", table.get(0))
                        .isPositive();
            }
        }
    }

    @Test
    void withNoPersonSetNothingIsVisible() throws SQLException {
        try (Connection db = appConnection()) {
            for (List<String> table : TABLES) {
                assertThat(AppRoleSql.count(db, "select count(*) from " + table.get(0) + " where user_id = ?", alice))
                        .as(table.get(0))
                        .isZero();
            }
        }
    }

    private Connection appConnection() throws SQLException {
        Connection db = appRoleConnection();
        db.setAutoCommit(true);
        return db;
    }

    private static void actAs(Connection db, UUID person) throws SQLException {
        AppRoleSql.set(db, "app.user_id", person);
    }
}
