package io.team365.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The measured operations, each twice: through the server's API with a bearer token, and as the same SQL the
 * server runs (copied from ContactStore, Contacts, Filters and KeysetSort) through raw JDBC as the application role
 * with {@code app.tenant_id} set on its own connection. The raw side reads every column of every row, but builds no
 * JSON and does none of the server's other work (token check, audit of the read, scope), which is what the ratio
 * prices.
 */
final class ContactScenarios {

    static final String COLUMNS = "id, first_name, last_name, emails, phones, job_title, company_id, owner_id, tags,"
            + " source, custom_fields, created_at, created_by, updated_at, updated_by, version, deleted_at";

    static final String GET_SQL = "select " + COLUMNS + " from contacts where id = ? and true";

    /** {@code filter[tag]=…&sort=-updatedAt}: where deleted, filters, scope, cursor; order; limit + 1. */
    static final String TAG_SQL = "select " + COLUMNS + " from contacts where deleted_at is null"
            + " and tags @> array[cast(? as text)] and true%s order by updated_at desc, id desc limit 51";

    static final String TAG_AFTER = " and (updated_at, id) < (cast(? as timestamptz), ?)";

    /** {@code filter[lastName][starts]=…&sort=lastName}. */
    static final String NAME_SQL = "select " + COLUMNS + " from contacts where deleted_at is null"
            + " and (last_name_key >= lower(?) collate \"C\" and last_name_key < (lower(?) || chr(1114111)) collate \"C\""
            + " and last_name ilike replace(replace(replace(?, '\\', '\\\\'), '%%', '\\%%'), '_', '\\_') || '%%'"
            + " escape '\\') and true%s order by last_name_key asc, id asc limit 51";

    /** How many times the name scenario's SQL binds the prefix before the cursor. */
    static final int NAME_PREFIX_PARAMETERS = 3;

    static final String NAME_AFTER = " and (last_name_key, id) > (lower(cast(? as text)) collate \"C\", ?)";

    private static final Pattern NEXT = Pattern.compile("\"nextCursor\"\\s*:\\s*\"([^\"]+)\"");

    private final String base;
    private final String token;
    private final List<UUID> ids;
    private final String tag;
    private final int pages;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    ContactScenarios(String base, String token, List<UUID> ids, String tag, int pages) {
        this.base = base;
        this.token = token;
        this.ids = ids;
        this.tag = tag;
        this.pages = pages;
    }

    private UUID randomId() {
        return ids.get(ThreadLocalRandom.current().nextInt(ids.size()));
    }

    private static String randomPrefix() {
        return Synthetic.LAST_NAME_PREFIXES[ThreadLocalRandom.current().nextInt(Synthetic.LAST_NAME_PREFIXES.length)];
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Authorization", "Bearer " + token)
                        .header("Accept", "application/json")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    LoadRun.Operation apiGet() {
        return () -> {
            HttpResponse<String> r = get("/api/v1/contacts/" + randomId());
            return r.statusCode() == 200;
        };
    }

    LoadRun.Operation jdbcGet(Connection c) throws SQLException {
        PreparedStatement s = c.prepareStatement(GET_SQL);
        return () -> {
            s.setObject(1, randomId());
            try (ResultSet rs = s.executeQuery()) {
                return readAll(rs) == 1;
            }
        };
    }

    /**
     * What the server sends to PostgreSQL for one {@code GET /api/v1/contacts/{id}} with a token, replayed through raw
     * JDBC on one connection: the token check (a transaction that sets the lookup hash and notes the token's use),
     * then for each of the membership read, the contact read and the audit entry of the read, the tenant binding on
     * checkout and its clearing on return (TenantBindingDataSource). It prices the database's share of the API's
     * cost; the rest is HTTP, security filters, JSON and the pool.
     */
    LoadRun.Operation jdbcServerStatements(Connection c, UUID tenant, UUID user) throws SQLException {
        String hash = sha256(token);
        PreparedStatement lookup = c.prepareStatement("select set_config('app.lookup_hash', ?, true)");
        PreparedStatement touch = c.prepareStatement("update api_tokens set last_used_at = now() where token_hash = ?"
                + " and revoked_at is null returning tenant_id, user_id");
        PreparedStatement bind =
                c.prepareStatement("select set_config('app.tenant_id', ?, false), set_config('app.user_id', ?, false)");
        PreparedStatement member = c.prepareStatement("select u.email, u.name, m.role from memberships m join users u"
                + " on u.id = m.user_id where m.tenant_id = ? and m.user_id = ?");
        PreparedStatement contact = c.prepareStatement(GET_SQL);
        PreparedStatement audit = c.prepareStatement("insert into audit_events (tenant_id, id, actor_id, actor_email,"
                + " action, target_type, target_id, details, ip, user_agent) values (?, ?, ?, ?, 'contact.viewed',"
                + " 'contact', ?, cast('{}' as jsonb), '127.0.0.1', 'bench')");
        return () -> {
            unbind(bind);
            c.setAutoCommit(false);
            lookup.setString(1, hash);
            lookup.execute();
            touch.setString(1, hash);
            boolean known;
            try (ResultSet rs = touch.executeQuery()) {
                known = rs.next();
            }
            c.commit();
            c.setAutoCommit(true);
            bind(bind, tenant, user);
            member.setObject(1, tenant);
            member.setObject(2, user);
            try (ResultSet rs = member.executeQuery()) {
                known &= rs.next();
            }
            unbind(bind);
            bind(bind, tenant, user);
            UUID id = randomId();
            contact.setObject(1, id);
            try (ResultSet rs = contact.executeQuery()) {
                known &= readAll(rs) == 1;
            }
            unbind(bind);
            bind(bind, tenant, user);
            audit.setObject(1, tenant);
            audit.setObject(2, UUID.randomUUID());
            audit.setObject(3, user);
            audit.setString(4, "bench@bench.team365.test");
            audit.setString(5, id.toString());
            audit.executeUpdate();
            // left bound: the next operation starts by clearing it, as the pool's return would
            return known;
        };
    }

    private static void bind(PreparedStatement bind, UUID tenant, UUID user) throws SQLException {
        bind.setString(1, tenant.toString());
        bind.setString(2, user.toString());
        bind.execute();
    }

    private static void unbind(PreparedStatement bind) throws SQLException {
        bind.setString(1, "");
        bind.setString(2, "");
        bind.execute();
    }

    private static String sha256(String secret) {
        try {
            return java.util.HexFormat.of()
                    .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                            .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Pages of a list, following nextCursor up to {@code pages} deep, then starting over. */
    LoadRun.Operation apiList(boolean byName) {
        String[] cursor = {null};
        String[] prefix = {randomPrefix()};
        int[] depth = {0};
        return () -> {
            String query = byName
                    ? "limit=50&sort=lastName&filter%5BlastName%5D%5Bstarts%5D=" + enc(prefix[0])
                    : "limit=50&sort=-updatedAt&filter%5Btag%5D=" + enc(tag);
            if (cursor[0] != null) {
                query += "&cursor=" + enc(cursor[0]);
            }
            HttpResponse<String> r = get("/api/v1/contacts?" + query);
            Matcher next = NEXT.matcher(r.body());
            depth[0]++;
            if (next.find() && depth[0] < pages) {
                cursor[0] = next.group(1);
            } else {
                cursor[0] = null;
                depth[0] = 0;
                prefix[0] = randomPrefix();
            }
            return r.statusCode() == 200 && r.body().contains("\"emails\"");
        };
    }

    LoadRun.Operation jdbcList(Connection c, boolean byName) throws SQLException {
        String sql = byName ? NAME_SQL : TAG_SQL;
        PreparedStatement first = c.prepareStatement(sql.formatted(""));
        PreparedStatement after = c.prepareStatement(sql.formatted(byName ? NAME_AFTER : TAG_AFTER));
        Object[] cursor = {null, null};
        String[] prefix = {randomPrefix()};
        int[] depth = {0};
        return () -> {
            PreparedStatement s = cursor[0] == null ? first : after;
            int bound = byName ? NAME_PREFIX_PARAMETERS : 1;
            for (int i = 1; i <= bound; i++) {
                s.setString(i, byName ? prefix[0] : tag);
            }
            if (cursor[0] != null) {
                s.setObject(bound + 1, cursor[0]);
                s.setObject(bound + 2, cursor[1]);
            }
            int rows = 0;
            Object lastValue = null;
            Object lastId = null;
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows++;
                    readRow(rs);
                    if (rows == 50) {
                        lastValue = byName ? rs.getString("last_name") : rs.getTimestamp("updated_at");
                        lastId = rs.getObject("id", UUID.class);
                    }
                }
            }
            depth[0]++;
            if (rows > 50 && depth[0] < pages) {
                cursor[0] = byName && lastValue == null ? "" : lastValue;
                cursor[1] = lastId;
            } else {
                cursor[0] = null;
                depth[0] = 0;
                prefix[0] = randomPrefix();
            }
            return rows > 0;
        };
    }

    private static int readAll(ResultSet rs) throws SQLException {
        int rows = 0;
        while (rs.next()) {
            readRow(rs);
            rows++;
        }
        return rows;
    }

    /** Reads every column as the server's row mapper does (strings, uuids, timestamps, the tags array). */
    private static void readRow(ResultSet rs) throws SQLException {
        rs.getObject(1, UUID.class);
        rs.getString(2);
        rs.getString(3);
        rs.getString(4);
        rs.getString(5);
        rs.getString(6);
        rs.getObject(7, UUID.class);
        rs.getObject(8, UUID.class);
        java.sql.Array tags = rs.getArray(9);
        if (tags != null) {
            tags.getArray();
        }
        rs.getString(10);
        rs.getString(11);
        Timestamp created = rs.getTimestamp(12);
        rs.getObject(13, UUID.class);
        rs.getTimestamp(14);
        rs.getObject(15, UUID.class);
        rs.getInt(16);
        rs.getTimestamp(17);
        if (created == null) {
            throw new IllegalStateException("a contact without created_at");
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
