package io.mcpruntime.bench.load;

import io.mcpruntime.bench.JsonRpc;
import io.mcpruntime.bench.http.McpHttpSession;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

/**
 * Closed-loop tools/call load over Streamable HTTP: N clients, each with its own initialized session and
 * connection, each sending its next call as soon as the previous one is answered. Every call has a unique id.
 * Calls are timed only in the measuring window that follows the warm-up.
 */
public final class HttpLoad {
    private final URI endpoint;
    private final String tool;
    private final LongSupplier serverCpuNanos;
    private final AtomicLong ids = new AtomicLong(1);
    private volatile boolean running = true;
    private volatile boolean recording;

    private HttpLoad(URI endpoint, String tool, LongSupplier serverCpuNanos) {
        this.endpoint = endpoint;
        this.tool = tool;
        this.serverCpuNanos = serverCpuNanos;
    }

    /** @param serverCpuNanos the server's CPU time so far, read at the start and end of the measuring window */
    public static LoadResult run(URI endpoint, String tool, LongSupplier serverCpuNanos, int clients,
            Duration warmup, Duration measure) throws InterruptedException {
        return new HttpLoad(endpoint, tool, serverCpuNanos).drive(clients, warmup, measure);
    }

    private LoadResult drive(int clients, Duration warmup, Duration measure) throws InterruptedException {
        List<Latencies> latencies = new ArrayList<>();
        AtomicLong failures = new AtomicLong();
        AtomicReference<String> problem = new AtomicReference<>();
        CountDownLatch connected = new CountDownLatch(clients);
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Latencies mine = new Latencies();
            latencies.add(mine);
            Thread worker = new Thread(() -> work(mine, failures, problem, connected), "load-" + i);
            worker.start();
            workers.add(worker);
        }
        connected.await();
        Thread.sleep(warmup.toMillis());
        long cpuBefore = serverCpuNanos.getAsLong();
        recording = true;
        long start = System.nanoTime();
        Thread.sleep(measure.toMillis());
        recording = false;
        double seconds = (System.nanoTime() - start) / 1e9;
        long cpu = serverCpuNanos.getAsLong() - cpuBefore;
        running = false;
        for (Thread worker : workers) {
            worker.join();
        }
        return LoadResult.of(Latencies.merge(latencies), seconds, cpu, failures.get(), problem.get());
    }

    private void work(Latencies latencies, AtomicLong failures, AtomicReference<String> problem,
            CountDownLatch connected) {
        McpHttpSession opened;
        try {
            opened = McpHttpSession.open(endpoint);
        } catch (IOException e) {
            problem.compareAndSet(null, "client could not connect: " + e.getMessage());
            return;
        } finally {
            connected.countDown(); // a client that could not connect must not hold the others up
        }
        try (McpHttpSession session = opened) {
            while (running) {
                boolean timed = recording;
                long start = System.nanoTime();
                String answer = session.post(JsonRpc.callEcho(ids.getAndIncrement(), tool)).body();
                long took = System.nanoTime() - start;
                if (!JsonRpc.isResult(answer)) {
                    failures.incrementAndGet();
                } else if (timed && recording) {
                    latencies.add(took);
                }
            }
        } catch (IOException | RuntimeException e) {
            problem.compareAndSet(null, "client failed: " + e.getMessage());
        }
    }
}
