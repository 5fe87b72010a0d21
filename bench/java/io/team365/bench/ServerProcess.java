package io.team365.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The packaged server, started as users start it ({@code java -Xmx512m -jar target/team365-*.jar}) with its own data
 * directory, so the generated dataset survives between runs. Its heap is sampled every second through the
 * Prometheus endpoint (opened with a password chosen for this run) while it runs.
 */
final class ServerProcess implements AutoCloseable {

    private final Process process;
    private final String base;
    private final String metricsAuthorization;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicLong maxHeapUsed = new AtomicLong();
    private final AtomicLong lastHeapUsed = new AtomicLong();
    private final AtomicLong samples = new AtomicLong();
    private volatile long heapMax = -1;
    private final Thread sampler;

    private ServerProcess(Process process, String base, String metricsPassword) {
        this.process = process;
        this.base = base;
        this.metricsAuthorization = "Basic "
                + Base64.getEncoder()
                        .encodeToString(("prometheus:" + metricsPassword).getBytes(StandardCharsets.UTF_8));
        this.sampler = Thread.ofPlatform().daemon().name("heap-sampler").start(this::sampleForever);
    }

    static ServerProcess start(Path jar, Path dataDir, int port, String heap) throws IOException {
        Files.createDirectories(dataDir);
        String password = HexFormat.of().formatHex(randomBytes());
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap,
                "-jar",
                jar.toString(),
                // one token drives the whole load: lift the per-token limit (600 a minute) for this process only
                "--team365.rate-limits.token-per-minute=1000000000"));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(dataDir.resolve("server.log").toFile());
        builder.environment().put("PORT", String.valueOf(port));
        builder.environment().put("TEAM365_DATA_DIR", dataDir.toAbsolutePath().toString());
        builder.environment().put("TEAM365_METRICS_PASSWORD", password);
        System.out.println("starting: " + String.join(" ", command) + " (log in " + dataDir.resolve("server.log") + ")");
        return new ServerProcess(builder.start(), "http://localhost:" + port, password);
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

    /** The largest heap in use seen so far, in bytes (sum of the heap pools). */
    long maxHeapUsed() {
        return maxHeapUsed.get();
    }

    long heapMax() {
        return heapMax;
    }

    long samples() {
        return samples.get();
    }

    boolean alive() {
        return process.isAlive();
    }

    private void sampleForever() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Thread.sleep(1000);
                sampleOnce();
            } catch (InterruptedException e) {
                return;
            } catch (Exception notUpYet) {
                // the endpoint is not there before the server is
            }
        }
    }

    private void sampleOnce() throws Exception {
        HttpResponse<String> metrics = http.send(
                HttpRequest.newBuilder(URI.create(base + "/actuator/prometheus"))
                        .header("Authorization", metricsAuthorization)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (metrics.statusCode() != 200) {
            return;
        }
        double used = 0;
        double max = 0;
        for (String line : metrics.body().split("\n")) {
            if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
                used += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            } else if (line.startsWith("jvm_memory_max_bytes{") && line.contains("area=\"heap\"")) {
                double pool = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                max += Math.max(pool, 0);
            }
        }
        lastHeapUsed.set((long) used);
        maxHeapUsed.accumulateAndGet((long) used, Math::max);
        heapMax = (long) max;
        samples.incrementAndGet();
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[16];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }

    @Override
    public void close() throws InterruptedException {
        sampler.interrupt();
        process.destroy();
        if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
