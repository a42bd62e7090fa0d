package io.mcpruntime.sql.source;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Probes each source in the background: every health interval while it answers, and with exponential backoff
 * (from the retry delay up to the interval) while it does not, so a recovered database is noticed early and the
 * breakers close. The first probe comes one interval after a source appears: starting never connects.
 */
final class HealthMonitor implements AutoCloseable {
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "sql-health");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<Source, ScheduledFuture<?>> probes = new ConcurrentHashMap<>();

    void watch(Source source) {
        probes.put(source, schedule(source, source.settings().healthInterval(), 0));
    }

    void forget(Source source) {
        ScheduledFuture<?> probe = probes.remove(source);
        if (probe != null) {
            probe.cancel(false);
        }
    }

    private ScheduledFuture<?> schedule(Source source, Duration delay, int failures) {
        return scheduler.schedule(() -> probe(source, failures), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void probe(Source source, int failures) {
        boolean up = source.probe().state() == Health.State.UP;
        int failed = up ? 0 : failures + 1;
        Duration next = up ? source.settings().healthInterval() : backoff(source, failed);
        // a source forgotten meanwhile stays forgotten
        probes.computeIfPresent(source, (watched, done) -> schedule(source, next, failed));
    }

    private static Duration backoff(Source source, int failures) {
        Duration interval = source.settings().healthInterval();
        Duration delay = source.settings().retryDelay().multipliedBy(1L << Math.min(failures - 1, 20));
        return delay.compareTo(interval) < 0 ? delay : interval;
    }

    @Override
    public void close() {
        probes.clear();
        scheduler.shutdownNow();
    }
}
