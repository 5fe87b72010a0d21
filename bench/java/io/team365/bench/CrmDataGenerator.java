package io.team365.bench;

import static io.team365.bench.Synthetic.pick;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Fills one Client with synthetic CRM data through COPY, as the owner role with {@code app.tenant_id} set (the tables
 * force row-level security on the owner too): companies, contacts, and deals with their contacts when the deals
 * module's tables exist, and activities with their links when the activities module's do. Sizes at scale 1 are the
 * issue's: 200,000 companies, 1,000,000 contacts, 300,000 deals (1-3 contacts each), 2,000,000 activities (each on
 * a contact, a third also on a company or a deal). Writes the rows and seconds per table to
 * {@code bench/results/crm-data.json}.
 *
 * <p>Run with a server up: {@code bench/crm-data.sh [scale]}, or through {@code bench/crm-api.sh}, which generates
 * when the benchmark Client is empty.
 */
public final class CrmDataGenerator {

    static final int COMPANIES = 200_000;
    static final int CONTACTS = 1_000_000;
    static final int DEALS = 300_000;
    static final int ACTIVITIES = 2_000_000;

    /** Rows and seconds of one table's load. */
    record Loaded(String table, long rows, double seconds, double copySeconds, double insertSeconds) {}

    private final BenchDatabase db;
    private final BenchTenant tenant;
    private final String baseUrl;
    private final double scale;
    private final SplittableRandom random = new SplittableRandom(365);
    private final long now = System.currentTimeMillis();
    private final List<Loaded> loaded = new ArrayList<>();
    private final List<String> skipped = new ArrayList<>();
    private long[] companyIds;
    private long[] contactIds;
    private UUID[] dealIds;
    private long[] activityIds;
    private CsvRows current;

    CrmDataGenerator(BenchDatabase db, BenchTenant tenant, String baseUrl, double scale) {
        this.db = db;
        this.tenant = tenant;
        this.baseUrl = baseUrl;
        this.scale = scale;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = BenchOptions.parse(args);
        Path dataDir = Path.of(options.getOrDefault("data-dir", "target/bench-data"));
        String base = options.getOrDefault("url", "http://localhost:18365");
        double scale = Double.parseDouble(options.getOrDefault("scale", "1"));
        Path state = dataDir.resolve("bench-tenant.properties");
        BenchTenant tenant = BenchTenant.load(state);
        if (tenant == null) {
            tenant = BenchTenant.signUp(base, dataDir.resolve("server.log"));
            tenant.save(state);
        }
        new CrmDataGenerator(BenchDatabase.of(dataDir), tenant, base, scale).run(Path.of("bench/results/crm-data.json"));
    }

    /** Loads every table that exists, analyzes them, prints and writes the figures. */
    List<Loaded> run(Path result) throws Exception {
        long start = System.nanoTime();
        try (Connection c = db.connect(BenchDatabase.OWNER, tenant.tenantId())) {
            time("companies", () -> companies(c, (int) (COMPANIES * scale)));
            time("contacts", () -> contacts(c, (int) (CONTACTS * scale)));
            if (db.tableExists(c, "deals") && db.tableExists(c, "deal_contacts")) {
                List<Stage> stages = stages(c);
                time("deals", () -> deals(c, (int) (DEALS * scale), stages));
                time("deal_contacts", () -> dealContacts(c));
            } else {
                skipped.add("deals");
            }
            if (db.tableExists(c, "activities") && db.tableExists(c, "activity_links")) {
                time("activities", () -> activities(c, (int) (ACTIVITIES * scale)));
                time("activity_links", () -> activityLinks(c));
            } else {
                skipped.add("activities");
            }
            long analyzeStart = System.nanoTime();
            try (Statement s = c.createStatement()) {
                for (String table :
                        List.of("companies", "contacts", "deals", "deal_contacts", "activities", "activity_links")) {
                    if (db.tableExists(c, table)) {
                        s.execute("analyze " + table);
                    }
                }
            }
            loaded.add(new Loaded("(analyze)", 0, seconds(analyzeStart), 0, 0));
        }
        double total = seconds(start);
        StringBuilder json = new StringBuilder();
        json.append("{\n  \"benchmark\": \"synthetic CRM data through COPY\",\n");
        json.append(String.format(Locale.ROOT, "  \"scale\": %s,\n  \"tables\": [\n", scale));
        for (int i = 0; i < loaded.size(); i++) {
            Loaded l = loaded.get(i);
            json.append(String.format(
                    Locale.ROOT,
                    "    {\"table\": \"%s\", \"rows\": %d, \"seconds\": %.1f, \"copy_to_staging_seconds\": %.1f,"
                            + " \"insert_select_seconds\": %.1f, \"rows_per_second\": %.0f}%s\n",
                    l.table(),
                    l.rows(),
                    l.seconds(),
                    l.copySeconds(),
                    l.insertSeconds(),
                    l.rows() / Math.max(l.seconds(), 1e-9),
                    i + 1 < loaded.size() ? "," : ""));
        }
        json.append(String.format(Locale.ROOT, "  ],\n  \"total_seconds\": %.1f,\n", total));
        json.append("  \"not_generated\": [")
                .append(String.join(", ", skipped.stream().map(s -> "\"" + s + "\"").toList()))
                .append("]\n}\n");
        Files.createDirectories(result.getParent());
        Files.writeString(result, json);
        System.out.print(json);
        return loaded;
    }

    private interface Load {
        long run() throws Exception;
    }

    private void time(String table, Load load) throws Exception {
        long start = System.nanoTime();
        long rows = load.run();
        double s = seconds(start);
        double lastCopy = current.copySeconds();
        double lastInsert = current.insertSeconds();
        System.out.printf(
                Locale.ROOT,
                "%-14s %,10d rows in %6.1f s (generate + COPY to staging %.1f s, INSERT … SELECT %.1f s)%n",
                table,
                rows,
                s,
                lastCopy,
                lastInsert);
        loaded.add(new Loaded(table, rows, s, lastCopy, lastInsert));
    }

    private long companies(Connection c, int n) throws Exception {
        companyIds = new long[n * 2];
        String columns = "tenant_id, id, name, domain, industry, size, address_city, address_country, phone, website,"
                + " owner_id, tags, custom_fields, created_at, created_by, updated_at, updated_by";
        try (CsvRows rows = rows(c, "companies", columns)) {
            for (int i = 0; i < n; i++) {
                Instant[] times = Synthetic.createdAndUpdated(random, now);
                UUID id = Synthetic.uuid7(times[0].toEpochMilli(), i, random);
                companyIds[2 * i] = id.getMostSignificantBits();
                companyIds[2 * i + 1] = id.getLeastSignificantBits();
                String name = pick(random, Synthetic.COMPANY_WORDS) + " " + pick(random, Synthetic.COMPANY_WORDS) + " "
                        + pick(random, Synthetic.COMPANY_SUFFIXES);
                String domain = Synthetic.ascii(name.substring(0, name.lastIndexOf(' '))) + i + ".example";
                rows.add(tenant.tenantId()).add(id).add(name).add(domain);
                rows.add(pick(random, Synthetic.INDUSTRIES)).add(pick(random, Synthetic.SIZES));
                rows.add(pick(random, Synthetic.CITIES)).add(pick(random, Synthetic.COUNTRIES));
                rows.add("+49 30 " + (1_000_000 + random.nextInt(8_999_999))).add("https://www." + domain);
                rows.add(tenant.userId()).add(random.nextInt(4) == 0 ? "{customer}" : "{}").add("{}");
                rows.add(times[0]).add(tenant.userId()).add(times[1]).add(tenant.userId());
                rows.end();
            }
            return n;
        }
    }

    private long contacts(Connection c, int n) throws Exception {
        contactIds = new long[n * 2];
        String columns = "tenant_id, id, first_name, last_name, emails, phones, job_title, company_id, owner_id, tags,"
                + " source, custom_fields, created_at, created_by, updated_at, updated_by";
        int companies = companyIds.length / 2;
        try (CsvRows rows = rows(c, "contacts", columns)) {
            for (int i = 0; i < n; i++) {
                Instant[] times = Synthetic.createdAndUpdated(random, now);
                UUID id = Synthetic.uuid7(times[0].toEpochMilli(), i, random);
                contactIds[2 * i] = id.getMostSignificantBits();
                contactIds[2 * i + 1] = id.getLeastSignificantBits();
                String first = pick(random, Synthetic.FIRST_NAMES);
                String last = pick(random, Synthetic.LAST_NAMES);
                String local = Synthetic.ascii(first) + "." + Synthetic.ascii(last);
                StringBuilder emails = new StringBuilder("[");
                int emailCount = 1 + (random.nextInt(10) < 7 ? 0 : random.nextInt(1, 3));
                for (int e = 0; e < emailCount; e++) {
                    String domain = e == 0 ? "firma" + random.nextInt(5000) + ".example" : "mail.example";
                    emails.append(e == 0 ? "" : ",")
                            .append("{\"address\":\"")
                            .append(local)
                            .append(e == 0 ? "" : String.valueOf(i))
                            .append('@')
                            .append(domain)
                            .append("\",\"label\":\"")
                            .append(e == 0 ? "work" : "home")
                            .append("\",\"primary\":")
                            .append(e == 0)
                            .append('}');
                }
                StringBuilder phones = new StringBuilder("[");
                int phoneCount = random.nextInt(3);
                for (int p = 0; p < phoneCount; p++) {
                    phones.append(p == 0 ? "" : ",")
                            .append("{\"number\":\"+33 1 ")
                            .append(10_000_000 + random.nextInt(89_999_999))
                            .append("\",\"label\":\"")
                            .append(p == 0 ? "work" : "mobile")
                            .append("\"}");
                }
                UUID company = random.nextInt(10) < 8 && companies > 0 ? id(companyIds, random.nextInt(companies)) : null;
                rows.add(tenant.tenantId()).add(id).add(first).add(last);
                rows.add(emails.append(']')).add(phones.append(']'));
                rows.add(pick(random, Synthetic.JOB_TITLES)).add(company).add(tenant.userId());
                rows.add(tags()).add(pick(random, Synthetic.SOURCES)).add("{}");
                rows.add(times[0]).add(tenant.userId()).add(times[1]).add(tenant.userId());
                rows.end();
            }
            return n;
        }
    }

    private String tags() {
        StringBuilder tags = new StringBuilder("{");
        for (int t = 0; t < Synthetic.TAGS.length; t++) {
            if (random.nextInt(1000) < Synthetic.TAG_PER_MILLE[t]) {
                tags.append(tags.length() > 1 ? "," : "").append(Synthetic.TAGS[t]);
            }
        }
        return tags.append('}').toString();
    }

    record Stage(UUID pipeline, UUID id, String kind) {}

    /** The Client's pipeline stages; asking the API for the pipelines creates the default one on first use. */
    private List<Stage> stages(Connection c) throws Exception {
        HttpResponse<String> pipelines = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/pipelines"))
                                .header("Authorization", "Bearer " + tenant.token())
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        if (pipelines.statusCode() != 200) {
            throw new IllegalStateException("GET /api/v1/pipelines: " + pipelines.statusCode());
        }
        List<Stage> stages = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select pipeline_id, id, kind from pipeline_stages order by position")) {
            while (rs.next()) {
                stages.add(new Stage(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3)));
            }
        }
        if (stages.isEmpty()) {
            throw new IllegalStateException("the Client has no pipeline stages");
        }
        return stages;
    }

    private long deals(Connection c, int n, List<Stage> stages) throws Exception {
        String columns = "tenant_id, id, name, pipeline_id, stage_id, amount, currency, close_date, company_id,"
                + " owner_id, tags, custom_fields, status, closed_at, created_at, created_by, updated_at, updated_by";
        int companies = companyIds.length / 2;
        int contacts = contactIds.length / 2;
        dealIds = new UUID[n];
        try (CsvRows rows = rows(c, "deals", columns)) {
            for (int i = 0; i < n; i++) {
                Instant[] times = Synthetic.createdAndUpdated(random, now);
                UUID id = Synthetic.uuid7(times[0].toEpochMilli(), i, random);
                dealIds[i] = id;
                Stage stage = stages.get(random.nextInt(stages.size()));
                boolean closed = !stage.kind().equals("open");
                String amount = String.format(Locale.ROOT, "%d.%02d", 500 + random.nextInt(250_000), random.nextInt(100));
                LocalDate close = LocalDate.ofInstant(times[0], ZoneOffset.UTC).plusDays(random.nextInt(14, 180));
                rows.add(tenant.tenantId()).add(id);
                rows.add(pick(random, Synthetic.DEAL_WORDS) + " " + pick(random, Synthetic.COMPANY_WORDS) + " " + i);
                rows.add(stage.pipeline()).add(stage.id()).add(amount).add(random.nextInt(4) == 0 ? "USD" : "EUR");
                rows.add(close).add(companies > 0 ? id(companyIds, random.nextInt(companies)) : null);
                rows.add(tenant.userId()).add(random.nextInt(5) == 0 ? "{renewal}" : "{}").add("{}");
                rows.add(stage.kind()).add(closed ? times[1] : null);
                rows.add(times[0]).add(tenant.userId()).add(times[1]).add(tenant.userId());
                rows.end();
            }
        }
        return n;
    }

    private long dealContacts(Connection c) throws Exception {
        int contacts = contactIds.length / 2;
        long linked = 0;
        try (CsvRows rows = rows(c, "deal_contacts", "tenant_id, deal_id, contact_id, position")) {
            for (int i = 0; contacts > 0 && i < dealIds.length; i++) {
                int count = 1 + random.nextInt(3);
                int first = random.nextInt(contacts);
                for (int k = 0; k < count; k++) {
                    // consecutive contacts: distinct within a deal without remembering which were taken
                    rows.add(tenant.tenantId()).add(dealIds[i]).add(id(contactIds, (first + k) % contacts)).add(k);
                    rows.end();
                    linked++;
                }
            }
        }
        return linked;
    }

    private static final String[] ACTIVITY_TYPES = {"task", "call", "meeting", "note"};
    private static final String[] SUBJECTS = {
        "Follow up on the offer", "Rückruf wegen Angebot", "Démo produit", "Quarterly review", "Llamada de seguimiento",
        "Contract renewal", "Onboarding call", "Send the price list", "Spotkanie w Krakowie", "Kick-off meeting"
    };

    private long activities(Connection c, int n) throws Exception {
        activityIds = new long[n * 2];
        String columns = "tenant_id, id, type, subject, body, body_text, due_at, end_at, done, done_at, done_by,"
                + " owner_id, created_at, created_by, updated_at, updated_by";
        try (CsvRows rows = rows(c, "activities", columns)) {
            for (int i = 0; i < n; i++) {
                Instant[] times = Synthetic.createdAndUpdated(random, now);
                UUID id = Synthetic.uuid7(times[0].toEpochMilli(), i, random);
                activityIds[2 * i] = id.getMostSignificantBits();
                activityIds[2 * i + 1] = id.getLeastSignificantBits();
                String type = ACTIVITY_TYPES[random.nextInt(ACTIVITY_TYPES.length)];
                String subject = pick(random, SUBJECTS);
                String text = subject + ": " + pick(random, Synthetic.FIRST_NAMES) + " asked about "
                        + pick(random, Synthetic.DEAL_WORDS).toLowerCase(Locale.ROOT) + ", next step agreed.";
                Instant due = type.equals("note")
                        ? null
                        : times[0].plusSeconds(random.nextLong(-3 * 86_400, 30 * 86_400));
                Instant end = type.equals("meeting") ? due.plusSeconds(1800 + 1800L * random.nextInt(3)) : null;
                boolean done = due != null && due.toEpochMilli() < now && random.nextInt(10) < 8;
                rows.add(tenant.tenantId()).add(id).add(type).add(subject);
                rows.add(type.equals("note") ? "<p>" + text + "</p>" : text).add(text);
                rows.add(due).add(end).add(done).add(done ? due : null).add(done ? tenant.userId() : null);
                rows.add(tenant.userId()).add(times[0]).add(tenant.userId()).add(times[1]).add(tenant.userId());
                rows.end();
            }
            return n;
        }
    }

    /** Each activity on one contact; a third also on the contact's company or a deal. */
    private long activityLinks(Connection c) throws Exception {
        int activities = activityIds.length / 2;
        int contacts = contactIds.length / 2;
        int companies = companyIds.length / 2;
        int deals = dealIds == null ? 0 : dealIds.length;
        long linked = 0;
        try (CsvRows rows =
                rows(c, "activity_links", "tenant_id, activity_id, record_type, record_id, position")) {
            for (int i = 0; i < activities; i++) {
                UUID activity = id(activityIds, i);
                int position = 0;
                if (contacts > 0) {
                    rows.add(tenant.tenantId()).add(activity).add("contact");
                    rows.add(id(contactIds, random.nextInt(contacts))).add(position++);
                    rows.end();
                }
                int extra = random.nextInt(6);
                if (extra == 0 && companies > 0) {
                    rows.add(tenant.tenantId()).add(activity).add("company");
                    rows.add(id(companyIds, random.nextInt(companies))).add(position++);
                    rows.end();
                } else if (extra == 1 && deals > 0) {
                    rows.add(tenant.tenantId()).add(activity).add("deal");
                    rows.add(dealIds[random.nextInt(deals)]).add(position++);
                    rows.end();
                }
                linked += position;
            }
        }
        return linked;
    }

    private CsvRows rows(Connection c, String table, String columns) throws SQLException {
        current = new CsvRows(c, table, columns);
        return current;
    }

    private static UUID id(long[] ids, int index) {
        return new UUID(ids[2 * index], ids[2 * index + 1]);
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** How many contacts the Client has (0: generate). */
    static long contacts(BenchDatabase db, UUID tenant) throws SQLException {
        try (Connection c = db.connect(BenchDatabase.OWNER, tenant)) {
            return BenchDatabase.count(c, "contacts");
        }
    }

    static Map<String, Long> counts(BenchDatabase db, UUID tenant) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection c = db.connect(BenchDatabase.OWNER, tenant)) {
            for (String table : List.of("companies", "contacts", "deals", "deal_contacts", "activities", "activity_links")) {
                if (db.tableExists(c, table)) {
                    counts.put(table, BenchDatabase.count(c, table));
                }
            }
        }
        return counts;
    }
}
