package io.mcpruntime.bench.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

/**
 * Closed-loop load, of wrk's design: N clients, each connected once and sending its next call as soon as the
 * previous one is answered, every call with its own id. Either timed in a measuring window that follows a warm-up
 * ({@link #run}), or until a fixed number of calls is made ({@link #count}).
 */
public final class ClosedLoop {
    private final AtomicLong ids = new AtomicLong();
    private volatile boolean running = true;
    private volatile boolean recording;

    /** One client: connected once, then called in a loop from its own thread. */
    public interface Client extends AutoCloseable {
        /** Makes the call with this id (0, 1, 2, ... across all clients); whether it succeeded. */
        boolean call(long id) throws Exception;

        @Override
        default void close() throws Exception {
        }
    }

    /** Connects one client. */
    @FunctionalInterface
    public interface Connector {
        Client connect() throws Exception;
    }

    private ClosedLoop() {
    }

    /** @param serverCpuNanos the server's CPU time so far, read at the start and end of the measuring window */
    public static LoadResult run(Connector connector, LongSupplier serverCpuNanos, int clients, Duration warmup,
            Duration measure) throws InterruptedException {
        ClosedLoop load = new ClosedLoop();
        return load.drive(connector, clients, Long.MAX_VALUE, workers -> {
            Thread.sleep(warmup.toMillis());
            long cpuBefore = serverCpuNanos.getAsLong();
            load.recording = true;
            long start = System.nanoTime();
            Thread.sleep(measure.toMillis());
            load.recording = false;
            double seconds = (System.nanoTime() - start) / 1e9;
            long cpu = serverCpuNanos.getAsLong() - cpuBefore;
            load.running = false;
            join(workers);
            return new Window(seconds, cpu);
        });
    }

    /** Makes exactly {@code calls} calls (ids 0 to calls - 1), all timed, the rate over the whole stretch. */
    public static LoadResult count(Connector connector, LongSupplier serverCpuNanos, int clients, long calls)
            throws InterruptedException {
        ClosedLoop load = new ClosedLoop();
        load.recording = true;
        long cpuBefore = serverCpuNanos.getAsLong();
        long start = System.nanoTime();
        return load.drive(connector, clients, calls, workers -> {
            join(workers);
            return new Window((System.nanoTime() - start) / 1e9, serverCpuNanos.getAsLong() - cpuBefore);
        });
    }

    private record Window(double seconds, long serverCpuNanos) {
    }

    /** What the caller's thread does while the clients run, until they have ended: what it measured. */
    private interface Measurement {
        Window take(List<Thread> workers) throws InterruptedException;
    }

    private static void join(List<Thread> workers) throws InterruptedException {
        for (Thread worker : workers) {
            worker.join();
        }
    }

    private LoadResult drive(Connector connector, int clients, long calls, Measurement measurement)
            throws InterruptedException {
        List<Latencies> latencies = new ArrayList<>();
        AtomicLong failures = new AtomicLong();
        AtomicReference<String> problem = new AtomicReference<>();
        CountDownLatch connected = new CountDownLatch(clients);
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Latencies mine = new Latencies();
            latencies.add(mine);
            Thread worker = new Thread(() -> work(connector, calls, mine, failures, problem, connected), "load-" + i);
            worker.start();
            workers.add(worker);
        }
        connected.await();
        Window window = measurement.take(workers);
        return LoadResult.of(Latencies.merge(latencies), window.seconds(), window.serverCpuNanos(), failures.get(),
                problem.get());
    }

    private void work(Connector connector, long calls, Latencies latencies, AtomicLong failures,
            AtomicReference<String> problem, CountDownLatch connected) {
        Client opened;
        try {
            opened = connector.connect();
        } catch (Exception e) {
            problem.compareAndSet(null, "client could not connect: " + e.getMessage());
            return;
        } finally {
            connected.countDown(); // a client that could not connect must not hold the others up
        }
        try (Client client = opened) {
            for (long id = ids.getAndIncrement(); running && id < calls; id = ids.getAndIncrement()) {
                boolean timed = recording;
                long start = System.nanoTime();
                boolean answered = client.call(id);
                long took = System.nanoTime() - start;
                if (!answered) {
                    failures.incrementAndGet();
                } else if (timed && recording) {
                    latencies.add(took);
                }
            }
        } catch (Exception e) {
            problem.compareAndSet(null, "client failed: " + e.getMessage());
        }
    }
}
