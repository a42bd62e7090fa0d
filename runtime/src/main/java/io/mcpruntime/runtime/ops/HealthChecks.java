package io.mcpruntime.runtime.ops;

import io.mcpruntime.api.HealthCheck;
import io.mcpruntime.api.HealthStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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

    /** The worst status of the plugin's checks, with their messages, or null if it contributes none. */
    public HealthStatus of(long bundleId) {
        List<HealthStatus> results = new ArrayList<>();
        tracker.getTracked().forEach((reference, check) -> {
            if (reference.getBundle() != null && reference.getBundle().getBundleId() == bundleId) {
                results.add(run(check));
            }
        });
        if (results.isEmpty()) {
            return null;
        }
        HealthStatus.State worst = results.stream().map(HealthStatus::state).max(Comparator.naturalOrder())
                .orElseThrow();
        return new HealthStatus(worst, String.join("; ", results.stream().map(HealthStatus::message).toList()));
    }

    private HealthStatus run(HealthCheck check) {
        Future<HealthStatus> result = workers.submit(check::check);
        try {
            HealthStatus status = result.get(LIMIT.toMillis(), TimeUnit.MILLISECONDS);
            return status == null ? HealthStatus.down("the health check returned nothing") : status;
        } catch (TimeoutException e) {
            result.cancel(true);
            return HealthStatus.down("the health check did not answer within " + LIMIT.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return HealthStatus.down("interrupted");
        } catch (Exception e) {
            return HealthStatus.down("the health check failed");
        }
    }
}
