package io.team365.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged server, started as users start it ({@code java -Xmx512m -jar target/team365-*.jar}) with its own data
 * directory, so the generated dataset survives between runs. Its heap is read from its own GC log (heap in use before
 * and after every collection), which costs the server nothing; sampling {@code /actuator/prometheus} instead costs an
 * Argon2 check of the scrape password per sample (Basic auth), which showed up as a fifth of the server's CPU samples
 * at one scrape a second.
 */
final class ServerProcess implements AutoCloseable {

    private static final Pattern GC_LINE = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");

    private final Process process;
    private final String base;
    private final Path gcLog;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ServerProcess(Process process, String base, Path gcLog) {
        this.process = process;
        this.base = base;
        this.gcLog = gcLog;
    }

    /** @param properties more {@code --name=value} arguments for this benchmark's server */
    static ServerProcess start(Path jar, Path dataDir, int port, String heap, Path flightRecording, String... properties)
            throws IOException {
        Files.createDirectories(dataDir);
        Path gcLog = dataDir.resolve("gc.log").toAbsolutePath();
        Files.deleteIfExists(gcLog);
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap,
                "-Xlog:gc:file=" + gcLog));
        if (flightRecording != null) {
            // where the server's time goes: `jfr view hot-methods <file>` after the run
            command.add("-XX:StartFlightRecording=settings=profile,filename=" + flightRecording.toAbsolutePath());
        }
        command.addAll(List.of(
                "-jar",
                jar.toString(),
                // one token drives the whole load: lift the per-token limit (600 a minute) for this process only
                "--team365.rate-limits.token-per-minute=1000000000"));
        command.addAll(List.of(properties));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(dataDir.resolve("server.log").toFile());
        builder.environment().put("PORT", String.valueOf(port));
        builder.environment().put("TEAM365_DATA_DIR", dataDir.toAbsolutePath().toString());
        System.out.println("starting: " + String.join(" ", command) + " (log in " + dataDir.resolve("server.log") + ")");
        return new ServerProcess(builder.start(), "http://localhost:" + port, gcLog);
    }

    String base() {
        return base;
    }

    long pid() {
        return process.pid();
    }

    void awaitHealthy(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the server exited with " + process.exitValue() + "; see its log");
            }
            try {
                HttpResponse<String> health = http.send(
                        HttpRequest.newBuilder(URI.create(base + "/actuator/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200 && health.body().contains("UP")) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the server did not become healthy within " + timeout);
    }

    /** From the GC log so far: the largest heap in use (before a collection), and how many collections. */
    record Heap(long maxUsedMiB, long maxCommittedMiB, long collections) {}

    Heap heap() throws IOException {
        long used = 0;
        long committed = 0;
        long collections = 0;
        for (String line : Files.readAllLines(gcLog)) {
            Matcher m = GC_LINE.matcher(line);
            if (m.find()) {
                used = Math.max(used, Long.parseLong(m.group(1)));
                committed = Math.max(committed, Long.parseLong(m.group(3)));
                collections++;
            }
        }
        return new Heap(used, committed, collections);
    }

    boolean alive() {
        return process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
