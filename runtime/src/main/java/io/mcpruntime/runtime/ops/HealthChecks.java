package io.mcpruntime.runtime.ops;

import io.mcpruntime.api.HealthCheck;
import io.mcpruntime.api.HealthStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The health checks plugins contribute ({@link HealthCheck} services), run on demand with a time limit: a check that
 * hangs or throws reports DOWN instead of hanging or breaking the health endpoint.
 */
public final class HealthChecks {
    private static final Duration LIMIT = Duration.ofSeconds(2);

    private final ServiceTracker<HealthCheck, HealthCheck> tracker;
    private final ExecutorService workers;

    public HealthChecks(BundleContext context, ExecutorService workers) {
        this.tracker = new ServiceTracker<>(context, HealthCheck.class, null);
        this.workers = workers;
        tracker.open();
    }

    /**
     * Every plugin's checks, all started at once and given one time limit together (so a plugin's slow check costs a
     * health request at most the limit, however many plugins there are): per bundle id, the worst status with the
     * messages of all its checks. Plugins without a check are absent.
     */
    public Map<Long, HealthStatus> byPlugin() {
        Map<Long, List<Future<HealthStatus>>> started = new HashMap<>();
        tracker.getTracked().forEach((reference, check) -> {
            Bundle bundle = reference.getBundle();
            if (bundle != null) {
                started.computeIfAbsent(bundle.getBundleId(), id -> new ArrayList<>())
                        .add(workers.submit(check::check));
            }
        });
        long deadline = System.nanoTime() + LIMIT.toNanos();
        Map<Long, HealthStatus> results = new HashMap<>();
        started.forEach((bundleId, checks) -> {
            List<HealthStatus> statuses = checks.stream().map(check -> result(check, deadline)).toList();
            HealthStatus.State worst = statuses.stream().map(HealthStatus::state).max(Comparator.naturalOrder())
                    .orElseThrow();
            results.put(bundleId, new HealthStatus(worst, String.join("; ",
                    statuses.stream().map(HealthStatus::message).toList())));
        });
        return results;
    }

    private static HealthStatus result(Future<HealthStatus> check, long deadline) {
        try {
            HealthStatus status = check.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            return status == null ? HealthStatus.down("the health check returned nothing") : status;
        } catch (TimeoutException e) {
            check.cancel(true);
            return HealthStatus.down("the health check did not answer within " + LIMIT.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return HealthStatus.down("interrupted");
        } catch (Exception e) {
            return HealthStatus.down("the health check failed");
        }
    }
}
