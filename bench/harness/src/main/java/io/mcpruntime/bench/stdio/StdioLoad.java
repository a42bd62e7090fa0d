package io.mcpruntime.bench.stdio;

import io.mcpruntime.bench.JsonRpc;
import io.mcpruntime.bench.load.Latencies;
import io.mcpruntime.bench.load.LoadResult;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Closed-loop tools/call load over one stdio session with a fixed number of calls in flight: each answer sends
 * the next call. A server that answers nothing for {@link #STALL} while calls are outstanding has stalled: the
 * run ends there and says so.
 */
public final class StdioLoad {
    public static final Duration STALL = Duration.ofSeconds(5);

    private final StdioClient client;
    private final String tool;
    private final Map<Long, Long> sentAt = new ConcurrentHashMap<>();
    private final Latencies latencies = new Latencies();
    private final AtomicLong ids;
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong answered = new AtomicLong();
    private volatile long lastAnswerNanos = System.nanoTime();
    private volatile boolean running = true;
    private volatile boolean recording;
    private volatile IOException sendFailure;

    private StdioLoad(StdioClient client, String tool, AtomicLong ids) {
        this.client = client;
        this.tool = tool;
        this.ids = ids;
    }

    /** Runs load on an initialized client; {@code ids} continues across runs on the same session. */
    public static LoadResult run(StdioClient client, String tool, AtomicLong ids, int inFlight, Duration warmup,
            Duration measure) throws IOException, InterruptedException {
        return new StdioLoad(client, tool, ids).drive(inFlight, warmup, measure);
    }

    private LoadResult drive(int inFlight, Duration warmup, Duration measure)
            throws IOException, InterruptedException {
        client.listen(this::onLine);
        try {
            for (int i = 0; i < inFlight; i++) {
                sendNext();
            }
            String stall = waitWatching(warmup);
            long cpuBefore = client.server().cpuNanos();
            recording = stall == null;
            long start = System.nanoTime();
            if (stall == null) {
                stall = waitWatching(measure);
            }
            recording = false;
            double seconds = (System.nanoTime() - start) / 1e9;
            long cpu = client.server().cpuNanos() - cpuBefore;
            running = false;
            if (stall == null) {
                stall = awaitDrained();
            }
            return LoadResult.of(latencies, seconds, cpu, failures.get(), stall);
        } finally {
            client.listen(null);
        }
    }

    /** Sleeps for the duration unless the server stalls; returns what went wrong, or null. */
    private String waitWatching(Duration duration) throws IOException, InterruptedException {
        long end = System.nanoTime() + duration.toNanos();
        while (System.nanoTime() < end) {
            if (sendFailure != null) {
                throw sendFailure;
            }
            if (stalled()) {
                return stall();
            }
            Thread.sleep(50);
        }
        return null;
    }

    /** Waits until the calls still out are answered, or the server has stalled. */
    private String awaitDrained() throws InterruptedException {
        while (!sentAt.isEmpty() && !stalled()) {
            Thread.sleep(10);
        }
        return sentAt.isEmpty() ? null : stall();
    }

    private boolean stalled() {
        return !sentAt.isEmpty() && System.nanoTime() - lastAnswerNanos > STALL.toNanos();
    }

    private String stall() {
        return "stalled after " + answered.get() + " answers: " + sentAt.size() + " calls unanswered for "
                + STALL.toSeconds() + " s" + client.server().lastComplaint();
    }

    private void onLine(String line) {
        long id = JsonRpc.idOf(line);
        Long sent = id < 0 ? null : sentAt.remove(id);
        if (sent == null) {
            return; // a notification, or an answer from before this run
        }
        long now = System.nanoTime();
        lastAnswerNanos = now;
        answered.incrementAndGet();
        if (!JsonRpc.isResult(line)) {
            failures.incrementAndGet();
        } else if (recording) {
            latencies.add(now - sent);
        }
        if (running) {
            try {
                sendNext();
            } catch (IOException e) {
                sendFailure = e;
            }
        }
    }

    private void sendNext() throws IOException {
        long id = ids.getAndIncrement();
        sentAt.put(id, System.nanoTime());
        client.send(JsonRpc.callEcho(id, tool));
    }
}
