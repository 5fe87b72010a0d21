package io.team365.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

/**
 * Connections to the server's embedded PostgreSQL, bound to one Client. The embedded cluster is initialised with
 * trust authentication on localhost (zonky's initdb), so the server's random role passwords are not needed; the
 * port is the one PostgreSQL wrote into {@code postmaster.pid}. Both roles are bound by the forced row-level
 * security, so every connection sets {@code app.tenant_id} for its whole session.
 */
final class BenchDatabase {

    static final String OWNER = "team365_owner";
    static final String APP = "team365_app";

    private final int port;

    BenchDatabase(int port) {
        this.port = port;
    }

    /** The port of the embedded PostgreSQL whose data is in {@code <dataDir>/postgres}. */
    static BenchDatabase of(Path dataDir) throws IOException {
        List<String> pid = Files.readAllLines(dataDir.resolve("postgres").resolve("postmaster.pid"));
        return new BenchDatabase(Integer.parseInt(pid.get(3).strip()));
    }

    int port() {
        return port;
    }

    Connection connect(String role, UUID tenant) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", role);
        props.setProperty("ApplicationName", "team365-bench");
        Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/team365", props);
        try (PreparedStatement set = c.prepareStatement("select set_config('app.tenant_id', ?, false)")) {
            set.setString(1, tenant.toString());
            set.execute();
        }
        return c;
    }

    boolean tableExists(Connection c, String table) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select to_regclass(?) is not null")) {
            s.setString(1, "public." + table);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    static long count(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select count(*) from " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
