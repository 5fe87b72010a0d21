package io.team365.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * N clients on virtual threads, each doing one operation after another for a fixed time; the latency of every
 * operation is kept, so percentiles are exact. A warm-up of the same shape runs first and is thrown away.
 */
final class LoadRun {

    /** One client's next operation; false counts as an error (a wrong status, an empty answer). */
    interface Operation {
        boolean run() throws Exception;
    }

    record Result(long operations, long errors, double seconds, double p50, double p95, double p99, double mean) {

        double throughput() {
            return operations / seconds;
        }

        String json() {
            return String.format(
                    Locale.ROOT,
                    "{\"ops_per_second\": %.1f, \"p50_ms\": %.2f, \"p95_ms\": %.2f, \"p99_ms\": %.2f,"
                            + " \"mean_ms\": %.2f, \"operations\": %d, \"errors\": %d}",
                    throughput(),
                    p50,
                    p95,
                    p99,
                    mean,
                    operations,
                    errors);
        }

        String line() {
            return String.format(
                    Locale.ROOT,
                    "%9.1f ops/s  p50 %7.2f ms  p95 %7.2f ms  p99 %7.2f ms  (%d ops, %d errors)",
                    throughput(),
                    p50,
                    p95,
                    p99,
                    operations,
                    errors);
        }
    }

    private LoadRun() {}

    /** The warm-up's figures beside the measured ones: how a server that just started answers. */
    record Phases(Result warmup, Result measured) {}

    static Result measure(int clients, double warmupSeconds, double seconds, IntFunction<Operation> client)
            throws InterruptedException {
        return measurePhases(clients, warmupSeconds, seconds, client).measured();
    }

    static Phases measurePhases(int clients, double warmupSeconds, double seconds, IntFunction<Operation> client)
            throws InterruptedException {
        List<Operation> operations = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            operations.add(client.apply(i));
        }
        Result warmup = run(operations, warmupSeconds);
        return new Phases(warmup, run(operations, seconds));
    }

    private static Result run(List<Operation> operations, double seconds) throws InterruptedException {
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        long[][] latencies = new long[operations.size()][];
        int[] counts = new int[operations.size()];
        AtomicLong errors = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < operations.size(); i++) {
            int index = i;
            threads.add(Thread.ofVirtual().start(() -> {
                long[] mine = new long[1 << 14];
                int n = 0;
                Operation op = operations.get(index);
                long now = System.nanoTime();
                while (now < end) {
                    boolean ok;
                    try {
                        ok = op.run();
                    } catch (Exception e) {
                        ok = false;
                        if (errors.get() < 5) {
                            System.err.println("operation failed: " + e);
                        }
                    }
                    long done = System.nanoTime();
                    if (!ok) {
                        errors.incrementAndGet();
                    }
                    if (n == mine.length) {
                        mine = Arrays.copyOf(mine, n * 2);
                    }
                    mine[n++] = done - now;
                    now = done;
                }
                latencies[index] = mine;
                counts[index] = n;
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        for (int i = 0; i < latencies.length; i++) {
            System.arraycopy(latencies[i], 0, all, at, counts[i]);
            at += counts[i];
        }
        Arrays.sort(all);
        double mean = total == 0 ? 0 : Arrays.stream(all).average().orElse(0) / 1e6;
        return new Result(
                total, errors.get(), elapsed, pct(all, 0.50), pct(all, 0.95), pct(all, 0.99), mean);
    }

    private static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }
}
