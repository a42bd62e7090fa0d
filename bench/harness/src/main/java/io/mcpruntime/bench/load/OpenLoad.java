package io.mcpruntime.bench.load;

import io.mcpruntime.bench.JsonRpc;
import io.mcpruntime.bench.http.McpHttpSession;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * An open-loop load: each client sends on a fixed schedule whatever the server does, so that together they offer
 * {@code rate} calls a second, and a call's latency runs from when it was due, not from when it could be sent (a
 * server that stalls is charged for every call it held up, which a closed loop hides).
 */
public final class OpenLoad {
    private OpenLoad() {
    }

    public static Latencies run(URI endpoint, String tool, int clients, int rate, Duration measure) throws Exception {
        long period = 1_000_000_000L * clients / rate;
        AtomicLong ids = new AtomicLong(1);
        List<McpHttpSession> sessions = new ArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(clients);
        try {
            for (int i = 0; i < clients; i++) {
                sessions.add(McpHttpSession.open(endpoint));
            }
            long start = System.nanoTime() + 100_000_000L;
            long end = start + measure.toNanos();
            List<Future<Latencies>> parts = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                McpHttpSession session = sessions.get(i);
                long first = start + period * i / clients; // spread evenly over a period
                parts.add(threads.submit(() -> {
                    Latencies latencies = new Latencies();
                    for (long due = first; due < end; due += period) {
                        awaitNanoTime(due);
                        session.post(JsonRpc.callEcho(ids.incrementAndGet(), tool));
                        latencies.add(System.nanoTime() - due);
                    }
                    return latencies;
                }));
            }
            List<Latencies> all = new ArrayList<>();
            for (Future<Latencies> part : parts) {
                all.add(part.get());
            }
            return Latencies.merge(all);
        } finally {
            threads.shutdownNow();
            for (McpHttpSession session : sessions) {
                session.close();
            }
        }
    }

    /** Parks until shortly before, then spins: parking alone wakes up to tens of µs late. */
    private static void awaitNanoTime(long due) {
        for (long left; (left = due - System.nanoTime()) > 0; ) {
            if (left > 200_000) {
                LockSupport.parkNanos(left - 100_000);
            } else {
                Thread.onSpinWait();
            }
        }
    }
}
