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
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Mail sync (issue 6): a GreenMail IMAP server in this JVM holds {@code --messages} messages (mixed sizes, 20% with
 * an attachment, {@link MailCorpus}); first a raw Jakarta Mail loop fetches and reads every message fully (the
 * baseline), then the packaged server at {@code -Xmx512m} syncs the same mailbox as a connected account, timed from
 * the account's creation until every message is stored. Writes {@code bench/results/mail.json}. Run with
 * {@code bench/mail.sh}; see {@code bench/README.md}.
 */
public final class MailBenchmark {

    private static final String PASSWORD = "bench mailbox secret";

    public static void main(String[] args) throws Exception {
        Map<String, String> o = BenchOptions.parse(args);
        int count = Integer.parseInt(o.getOrDefault("messages", "10000"));
        String heap = o.getOrDefault("heap", "512m");
        int port = Integer.parseInt(o.getOrDefault("port", "18367"));
        Path dataDir = Path.of(o.getOrDefault("data-dir", "target/bench-data-mail"));
        Files.createDirectories(dataDir);

        GreenMail mail = new GreenMail(new ServerSetup[] {
            new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
            new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_IMAP)
        });
        mail.start();
        try {
            String address = "bench-" + System.currentTimeMillis() + "@mail.bench.test";
            GreenMailUser user = mail.setUser(address, address, PASSWORD);
            long t = System.nanoTime();
            MailCorpus.Loaded loaded = MailCorpus.deliver(user, address, count, 20261202L);
            System.out.printf(Locale.ROOT, "loaded %d messages (%d with attachments, %.1f MB) in %.1f s%n",
                    count, loaded.withAttachments(), loaded.bytes() / 1e6, (System.nanoTime() - t) / 1e9);
            int imapPort = mail.getImap().getPort();

            MailRawFetch.Result raw = MailRawFetch.run("127.0.0.1", imapPort, address, PASSWORD);
            System.out.printf(Locale.ROOT, "raw fetch: %d messages, %.1f MB in %.1f s = %.0f msg/s%n",
                    raw.messages(), raw.bytes() / 1e6, raw.seconds(), raw.messages() / raw.seconds());

            try (ServerProcess server = ServerProcess.start(jar(Path.of("target")), dataDir, port, heap, null)) {
                server.awaitHealthy(Duration.ofMinutes(5));
                BenchTenant tenant = BenchTenant.signUp(server.base(), dataDir.resolve("server.log"));
                BenchDatabase db = BenchDatabase.of(dataDir);
                long start = System.nanoTime();
                UUID account = connect(server.base(), tenant, db, address, imapPort, dataDir);
                double seconds;
                long stored;
                try (Connection c = db.connect(BenchDatabase.OWNER, tenant.tenantId())) {
                    while (true) {
                        stored = countMessages(c, account);
                        String status = status(c, account);
                        if (stored >= count && "ok".equals(status)) {
                            break;
                        }
                        if (!server.alive()) {
                            throw new IllegalStateException("the server died; see its log");
                        }
                        if ((System.nanoTime() - start) / 1e9 > 3600) {
                            throw new IllegalStateException("no complete sync within an hour: " + stored);
                        }
                        Thread.sleep(250);
                    }
                    seconds = (System.nanoTime() - start) / 1e9;
                    stored = countMessages(c, account);
                }
                ServerProcess.Heap h = server.heap();
                double rawRate = raw.messages() / raw.seconds();
                double syncRate = stored / seconds;
                System.out.printf(Locale.ROOT, "server sync: %d messages in %.1f s = %.0f msg/s (%.2f of raw)%n",
                        stored, seconds, syncRate, syncRate / rawRate);
                System.out.printf(Locale.ROOT, "server heap: largest in use %d MiB (committed %d MiB, -Xmx%s)%n",
                        h.maxUsedMiB(), h.maxCommittedMiB(), heap);
                String json = String.format(Locale.ROOT, """
                        {
                          "benchmark": "mail sync",
                          "messages": %d, "with_attachments": %d, "corpus_mb": %.1f, "heap": "%s",
                          "raw_fetch": {"seconds": %.2f, "messages_per_second": %.1f, "mb": %.1f},
                          "server_sync": {"seconds": %.2f, "messages_per_second": %.1f, "stored": %d,
                                          "account_created_through": "%s"},
                          "ratio": %.3f, "goal": 0.5,
                          "server_heap": {"max_used_mib": %d, "max_committed_mib": %d, "collections": %d}
                        }
                        """, count, loaded.withAttachments(), loaded.bytes() / 1e6, heap, raw.seconds(), rawRate,
                        raw.bytes() / 1e6, seconds, syncRate, stored, createdThrough, syncRate / rawRate,
                        h.maxUsedMiB(), h.maxCommittedMiB(), h.collections());
                Files.createDirectories(Path.of("bench/results"));
                Files.writeString(Path.of("bench/results/mail.json"), json);
                System.out.println(json);
            }
        } finally {
            mail.stop();
        }
    }

    private static String createdThrough = "api";

    /**
     * Connects the mailbox through {@code POST /api/v1/mail/accounts}. Where that API is not in the build (the
     * accounts part is merged separately), a bench-only path stores the account directly: the password sealed with
     * the Client's key by the server's own {@code TenantCrypto} code, loaded in this JVM ({@link BenchMailAccount}).
     */
    private static UUID connect(
            String base, BenchTenant tenant, BenchDatabase db, String address, int imapPort, Path dataDir)
            throws Exception {
        String body = """
                {"provider": "imap", "email": "%s", "username": "%s", "password": "%s",
                 "imap": {"host": "127.0.0.1", "port": %d, "security": "none"},
                 "smtp": {"host": "127.0.0.1", "port": %d, "security": "none"}}
                """.formatted(address, address, PASSWORD, imapPort, imapPort);
        HttpResponse<String> created = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(base + "/api/v1/mail/accounts"))
                                .header("Authorization", "Bearer " + tenant.token())
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() == 201) {
            return UUID.fromString(BenchTenant.field(created.body(), "id"));
        }
        System.out.println("POST /api/v1/mail/accounts answered " + created.statusCode()
                + ": storing the account through the bench-only path");
        createdThrough = "bench-only SQL path (accounts API not in this build)";
        return BenchMailAccount.insert(db, tenant, address, PASSWORD, imapPort, dataDir);
    }

    private static long countMessages(Connection c, UUID account) throws Exception {
        try (PreparedStatement s = c.prepareStatement("select count(*) from mail_messages where account_id = ?")) {
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
