package io.team365.bench;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Mail sync (issue 6): a GreenMail IMAP server in this JVM holds {@code --messages} messages (mixed sizes, 20% with
 * an attachment, over {@code --folders} folders, {@link MailCorpus}); first a raw Jakarta Mail client fetches and
 * reads every message fully (the baseline, {@link MailRawFetch}), then the packaged server at {@code -Xmx512m}
 * syncs the same mailbox, connected through {@code POST /api/v1/mail/accounts} and {@code POST
 * /api/v1/mail/accounts/{id}/sync}, timed from the account's creation until every message is stored and the
 * account is {@code ok}. Writes {@code bench/results/mail.json}. Run with {@code bench/mail.sh}; see {@code
 * bench/README.md}.
 */
public final class MailBenchmark {

    private static final String PASSWORD = "bench mailbox secret";

    public static void main(String[] args) throws Exception {
        Map<String, String> o = BenchOptions.parse(args);
        int count = Integer.parseInt(o.getOrDefault("messages", "10000"));
        int folders = Integer.parseInt(o.getOrDefault("folders", "10"));
        // a long-running server has compiled its code paths; a benchmark started with the server would otherwise
        // time the JIT compiler too (a third of the server's CPU in the first 10,000 messages): a smaller mailbox of
        // another user is synced first, and fetched raw first likewise, both untimed (0 turns the warm-up off)
        int warmup = Integer.parseInt(o.getOrDefault("warmup", "5000"));
        String heap = o.getOrDefault("heap", "512m");
        int port = Integer.parseInt(o.getOrDefault("port", "18367"));
        Path dataDir = Path.of(o.getOrDefault("data-dir", "target/bench-data-mail"));
        Path jfr = o.containsKey("jfr") ? dataDir.resolve("server.jfr") : null;
        Files.createDirectories(dataDir);
        Load load = new Load();

        // the server starts (embedded PostgreSQL, migrations) while the mailbox is loaded; it is idle by the time
        // the baseline runs
        // the mailbox is on this machine (loopback), which a deployment refuses unless it allows private mail hosts
        ServerProcess server = ServerProcess.start(
                jar(Path.of("target")), dataDir, port, heap, jfr, "--team365.mail.allow-private-hosts=true");
        GreenMail mail = new GreenMail(new ServerSetup[] {
            new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
            new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_IMAP)
        });
        mail.start();
        try {
            String address = "bench-" + System.currentTimeMillis() + "@mail.bench.test";
            GreenMailUser user = mail.setUser(address, address, PASSWORD);
            long t = System.nanoTime();
            MailCorpus.Loaded loaded = MailCorpus.deliver(
                    mail.getManagers().getImapHostManager(), user, address, count, folders, 20261202L);
            double loadSeconds = (System.nanoTime() - t) / 1e9;
            System.out.printf(Locale.ROOT, "loaded %d messages (%d with attachments, %.1f MB) into %d folders in %.1f s%n",
                    count, loaded.withAttachments(), loaded.bytes() / 1e6, folders, loadSeconds);
            String warmAddress = "warmup-" + System.currentTimeMillis() + "@mail.bench.test";
            MailCorpus.Loaded warm = null;
            if (warmup > 0) {
                GreenMailUser warmUser = mail.setUser(warmAddress, warmAddress, PASSWORD);
                warm = MailCorpus.deliver(mail.getManagers().getImapHostManager(), warmUser, warmAddress, warmup,
                        Math.max(1, warmup / 1000), 20261129L);
            }
            int imapPort = mail.getImap().getPort();
            int smtpPort = mail.getSmtp().getPort();

            if (warm != null) {
                MailRawFetch.run("127.0.0.1", imapPort, warmAddress, PASSWORD, warm.folders());
            }
            load.sample();
            MailRawFetch.Result raw = MailRawFetch.run("127.0.0.1", imapPort, address, PASSWORD, loaded.folders());
            load.sample();
            System.out.printf(Locale.ROOT, "raw fetch: %d messages, %.1f MB in %.1f s = %.1f msg/s (load %s)%n",
                    raw.messages(), raw.bytes() / 1e6, raw.seconds(), raw.messages() / raw.seconds(), Load.now());

            try (server) {
                server.awaitHealthy(Duration.ofMinutes(15));
                BenchTenant tenant = BenchTenant.signUp(server.base(), dataDir.resolve("server.log"));
                BenchDatabase db = BenchDatabase.of(dataDir);
                double coldRate = 0;
                if (warm != null) {
                    long warmStart = System.nanoTime();
                    UUID warmAccount = connect(server.base(), tenant, warmAddress, imapPort, mail.getSmtp().getPort());
                    try (Connection c = db.connect(BenchDatabase.OWNER, tenant.tenantId())) {
                        while (countMessages(c, warmAccount) < warmup || !"ok".equals(status(c, warmAccount))) {
                            if (!server.alive() || (System.nanoTime() - warmStart) / 1e9 > 1800) {
                                throw new IllegalStateException("the warm-up sync did not finish; see the server log");
                            }
                            Thread.sleep(200);
                        }
                    }
                    coldRate = warmup / ((System.nanoTime() - warmStart) / 1e9);
                    System.out.printf(Locale.ROOT, "warm-up: %d messages of another mailbox synced first, %.1f msg/s "
                            + "(cold server)%n", warmup, coldRate);
                }
                long start = System.nanoTime();
                UUID account = connect(server.base(), tenant, address, imapPort, smtpPort);
                double seconds;
                long stored;
                long attachments;
                try (Connection c = db.connect(BenchDatabase.OWNER, tenant.tenantId())) {
                    long lastReport = start;
                    while (true) {
                        stored = countMessages(c, account);
                        String status = status(c, account);
                        if (stored >= count && "ok".equals(status)) {
                            break;
                        }
                        if (!server.alive()) {
                            throw new IllegalStateException("the server died; see its log");
                        }
                        if ("error".equals(status) || "auth_failed".equals(status)) {
                            System.out.println("account status " + status + " (" + lastError(c, account) + ")");
                        }
                        long now = System.nanoTime();
                        if ((now - start) / 1e9 > 3600) {
                            throw new IllegalStateException("no complete sync within an hour: " + stored);
                        }
                        if ((now - lastReport) / 1e9 >= 15) {
                            load.sample();
                            System.out.printf(Locale.ROOT, "  %.0f s: %d stored (%s), load %s%n",
                                    (now - start) / 1e9, stored, status, Load.now());
                            lastReport = now;
                        }
                        Thread.sleep(200);
                    }
                    seconds = (System.nanoTime() - start) / 1e9;
                    stored = countMessages(c, account);
                    attachments = countAttachments(c, account);
                }
                load.sample();
                ServerProcess.Heap h = server.heap();
                double rawRate = raw.messages() / raw.seconds();
                double syncRate = stored / seconds;
                System.out.printf(Locale.ROOT, "server sync: %d messages in %.1f s = %.1f msg/s (%.2f of raw)%n",
                        stored, seconds, syncRate, syncRate / rawRate);
                System.out.printf(Locale.ROOT, "server heap: largest in use %d MiB (committed %d MiB, -Xmx%s)%n",
                        h.maxUsedMiB(), h.maxCommittedMiB(), heap);
                String json = String.format(Locale.ROOT, """
                        {
                          "benchmark": "mail sync",
                          "messages": %d, "with_attachments": %d, "corpus_mb": %.1f, "folders": %d,
                          "corpus": "MailCorpus seed 20261202: 60%% 1-4 KB, 30%% 5-30 KB, 5%% 50-200 KB of text, every fifth with a 10-100 KB binary attachment, every fourth a reply; %d folders of %d",
                          "greenmail": "2.1.13 in the benchmark JVM, loaded in %.1f s",
                          "raw_fetch": {"seconds": %.2f, "messages_per_second": %.1f, "mb": %.1f,
                                        "how": "Jakarta Mail, per folder 100 messages per FETCH (ENVELOPE FLAGS RFC822.SIZE UID BODY.PEEK[]), writeTo of every message"},
                          "server_sync": {"seconds": %.2f, "messages_per_second": %.1f, "stored": %d, "attachments_stored": %d,
                                          "account_created_through": "POST /api/v1/mail/accounts, then POST /api/v1/mail/accounts/{id}/sync",
                                          "timed": "from the account's creation until every message is stored and the account is ok"},
                          "warmup": {"messages": %d, "messages_per_second_cold": %.1f,
                                     "how": "another user's mailbox synced by the same server just before (untimed for the ratio), and fetched raw before the baseline likewise"},
                          "ratio": %.3f, "goal": 0.5,
                          "server_heap": {"xmx": "%s", "max_used_mib": %d, "max_committed_mib": %d, "collections": %d,
                                          "source": "GC log (-Xlog:gc): heap in use before each collection"},
                          "load_average_1m": {"start": %.2f, "max": %.2f, "mean": %.2f, "end": %.2f, "cores": %d}
                        }
                        """, count, loaded.withAttachments(), loaded.bytes() / 1e6, folders, folders, count / folders,
                        loadSeconds, raw.seconds(), rawRate, raw.bytes() / 1e6, seconds, syncRate, stored,
                        attachments, warmup, coldRate, syncRate / rawRate, heap, h.maxUsedMiB(), h.maxCommittedMiB(), h.collections(),
                        load.first(), load.max(), load.mean(), load.last(), Runtime.getRuntime().availableProcessors());
                Files.createDirectories(Path.of("bench/results"));
                Files.writeString(Path.of("bench/results/mail.json"), json);
                System.out.println(json);
            }
        } finally {
            mail.stop();
            server.close();
        }
    }

    /** Connects the mailbox through the API as a user would, then asks for a sync now. */
    private static UUID connect(String base, BenchTenant tenant, String address, int imapPort, int smtpPort)
            throws Exception {
        String body = """
                {"provider": "imap", "email": "%s", "username": "%s", "password": "%s",
                 "imap": {"host": "127.0.0.1", "port": %d, "security": "none"},
                 "smtp": {"host": "127.0.0.1", "port": %d, "security": "none"}}
                """.formatted(address, address, PASSWORD, imapPort, smtpPort);
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> created = http.send(
                HttpRequest.newBuilder(URI.create(base + "/api/v1/mail/accounts"))
                        .header("Authorization", "Bearer " + tenant.token())
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() != 201) {
            throw new IllegalStateException(
                    "POST /api/v1/mail/accounts answered " + created.statusCode() + ": " + created.body());
        }
        UUID id = UUID.fromString(BenchTenant.field(created.body(), "id"));
        HttpResponse<String> sync = http.send(
                HttpRequest.newBuilder(URI.create(base + "/api/v1/mail/accounts/" + id + "/sync"))
                        .header("Authorization", "Bearer " + tenant.token())
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (sync.statusCode() != 202) {
            throw new IllegalStateException("POST .../sync answered " + sync.statusCode() + ": " + sync.body());
        }
        return id;
    }

    private static long countMessages(Connection c, UUID account) throws Exception {
        return single(c, "select count(*) from mail_messages where account_id = ?", account);
    }

    private static long countAttachments(Connection c, UUID account) throws Exception {
        return single(c, """
                select count(*) from mail_attachments a join mail_messages m
                  on m.tenant_id = a.tenant_id and m.id = a.message_id where m.account_id = ?
                """, account);
    }

    private static long single(Connection c, String sql, UUID account) throws Exception {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, account);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static String status(Connection c, UUID account) throws Exception {
        try (PreparedStatement s = c.prepareStatement("select status from mail_accounts where id = ?")) {
            s.setObject(1, account);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static String lastError(Connection c, UUID account) throws Exception {
        try (PreparedStatement s = c.prepareStatement("select last_error from mail_accounts where id = ?")) {
            s.setObject(1, account);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static Path jar(Path target) throws Exception {
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(target, "team365-*.jar")) {
            for (Path p : jars) {
                if (!p.toString().endsWith("-plain.jar")) {
                    return p;
                }
            }
        }
        throw new IllegalStateException("no target/team365-*.jar: run with BUILD=1");
    }

    static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The machine's 1-minute load average (/proc/loadavg), sampled during the run: other work shares the cores. */
    static final class Load {
        private final List<Double> samples = new ArrayList<>();

        void sample() {
            double now = now();
            if (now >= 0) {
                samples.add(now);
            }
        }

        static double now() {
            try {
                return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
            } catch (Exception e) {
                return -1;
            }
        }

        double first() {
            return samples.isEmpty() ? -1 : samples.getFirst();
        }

        double last() {
            return samples.isEmpty() ? -1 : samples.getLast();
        }

        double max() {
            return samples.stream().mapToDouble(Double::doubleValue).max().orElse(-1);
        }

        double mean() {
            return samples.stream().mapToDouble(Double::doubleValue).average().orElse(-1);
        }
    }

    /** Discards what it is given, counting it. */
    static final class Counting extends OutputStream {
        long bytes;

        @Override
        public void write(int b) {
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
        }
    }
}
