package io.team365.identity.internal.sso;

import io.team365.core.TenantId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Reads and writes {@code sso_client_providers}, one row per Client, under tenant isolation. */
@Repository
class ClientSsoProviders {

    private final JdbcClient jdbc;

    ClientSsoProviders(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    Optional<ClientSsoProvider> find(TenantId tenant) {
        return jdbc.sql("select * from sso_client_providers where tenant_id = :tenant")
                .param("tenant", tenant.value())
                .query(ClientSsoProviders::provider)
                .optional();
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void save(ClientSsoProvider provider) {
        jdbc.sql("""
                        insert into sso_client_providers (tenant_id, issuer, client_id, client_secret,
                            authorization_uri, token_uri, jwk_set_uri, user_info_uri, require_sso, allow_join,
                            updated_at)
                        values (:tenant, :issuer, :clientId, :secret, :authorization, :token, :jwks, :userInfo,
                            :requireSso, :allowJoin, :now)
                        on conflict (tenant_id) do update set issuer = excluded.issuer,
                            client_id = excluded.client_id, client_secret = excluded.client_secret,
                            authorization_uri = excluded.authorization_uri, token_uri = excluded.token_uri,
                            jwk_set_uri = excluded.jwk_set_uri, user_info_uri = excluded.user_info_uri,
                            require_sso = excluded.require_sso, allow_join = excluded.allow_join,
                            updated_at = excluded.updated_at
                        """)
                .param("tenant", provider.tenant().value())
                .param("issuer", provider.issuer())
                .param("clientId", provider.clientId())
                .param("secret", provider.sealedSecret())
                .param("authorization", provider.endpoints().authorizationUri())
                .param("token", provider.endpoints().tokenUri())
                .param("jwks", provider.endpoints().jwkSetUri())
                .param("userInfo", provider.endpoints().userInfoUri())
                .param("requireSso", provider.requireSso())
                .param("allowJoin", provider.allowJoin())
                .param("now", Timestamp.from(provider.updatedAt()))
                .update();
    }

    @Transactional(propagation = Propagation.MANDATORY)
    boolean delete(TenantId tenant) {
        return jdbc.sql("delete from sso_client_providers where tenant_id = :tenant")
                        .param("tenant", tenant.value())
                        .update()
                > 0;
    }

    private static ClientSsoProvider provider(ResultSet rs, int row) throws SQLException {
        return new ClientSsoProvider(
                new TenantId(rs.getObject("tenant_id", UUID.class)),
                rs.getString("issuer"),
                rs.getString("client_id"),
                rs.getBytes("client_secret"),
                new Discovery.Endpoints(
                        rs.getString("authorization_uri"),
                        rs.getString("token_uri"),
                        rs.getString("jwk_set_uri"),
                        rs.getString("user_info_uri")),
                rs.getBoolean("require_sso"),
                rs.getBoolean("allow_join"),
                rs.getTimestamp("updated_at").toInstant());
    }
}
