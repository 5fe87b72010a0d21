package io.team365.tenancy;

import io.team365.core.Ids;
import io.team365.core.TenantId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates, renames and finds Clients. */
@Service
public class ClientManagement {

    public static final int MAX_NAME_LENGTH = 200;

    private final JdbcClient jdbc;

    ClientManagement(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A new id for a Client about to be created: bind it first, so the rows created with it pass row-level security. */
    public TenantId newId() {
        return new TenantId(Ids.newId());
    }

    @Transactional
    public TenantId create(TenantId id, String name) {
        jdbc.sql("insert into clients (id, name) values (:id, :name)")
                .param("id", id.value())
                .param("name", name.strip())
                .update();
        return id;
    }

    @Transactional
    public void rename(TenantId id, String name) {
        jdbc.sql("update clients set name = :name, updated_at = now() where id = :id")
                .param("id", id.value())
                .param("name", name.strip())
                .update();
    }

    @Transactional
    public void setRecordVisibility(TenantId id, Client.RecordVisibility visibility) {
        jdbc.sql("update clients set record_visibility = :visibility, updated_at = now() where id = :id")
                .param("id", id.value())
                .param("visibility", visibility.value())
                .update();
    }

    public Optional<Client> find(TenantId id) {
        return jdbc.sql("select id, name, created_at, record_visibility from clients where id = :id")
                .param("id", id.value())
                .query(ClientManagement::client)
                .optional();
    }

    public List<Client> findAll(Collection<TenantId> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select id, name, created_at, record_visibility from clients where id in (:ids) order by name")
                .param("ids", ids.stream().map(TenantId::value).toList())
                .query(ClientManagement::client)
                .list();
    }

    /** Every Client, for jobs that visit each tenant in turn: the one read across tenants, declared as such. */
    @Transactional(readOnly = true)
    public List<TenantId> allIds() {
        DatabaseLookups.asWorker(jdbc, "tenant-registry");
        return jdbc.sql("select id from clients order by id")
                .query((rs, n) -> new TenantId(rs.getObject(1, UUID.class)))
                .list();
    }

    private static Client client(ResultSet rs, int row) throws SQLException {
        return new Client(
                new TenantId(rs.getObject("id", UUID.class)),
                rs.getString("name"),
                rs.getTimestamp("created_at").toInstant(),
                Client.RecordVisibility.parse(rs.getString("record_visibility")).orElse(Client.RecordVisibility.ALL));
    }
}
