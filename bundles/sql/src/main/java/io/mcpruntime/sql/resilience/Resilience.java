package io.mcpruntime.sql.resilience;

import dev.failsafe.CircuitBreaker;
import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeExecutor;
import dev.failsafe.RetryPolicy;
import dev.failsafe.function.CheckedSupplier;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One source's retry and circuit breakers (Failsafe). Transient failures (see {@link TransientFailures}) are
 * retried with exponential backoff and jitter, and count against two breakers: one that opens after N
 * consecutive failures, one that opens when the failure rate over the last minute passes a threshold (once at
 * least {@value #RATE_MIN_CALLS} calls were made). An open breaker fails calls at once until its cooldown has
 * passed; then one call tests the database and closes it again.
 */
public final class Resilience {
    private static final Logger LOG = LoggerFactory.getLogger(Resilience.class);
    static final int RATE_MIN_CALLS = 20;
    private static final Duration RATE_PERIOD = Duration.ofMinutes(1);
    private static final double JITTER = 0.25;
    private static final int BACKOFF_CAP_FACTOR = 16;

    private final CircuitBreaker<Object> consecutive;
    private final CircuitBreaker<Object> rate;
    private final FailsafeExecutor<Object> retried;
    private final FailsafeExecutor<Object> once;

    /**
     * @param source the source's name, for log lines
     */
    public Resilience(String source, int attempts, Duration firstDelay, int failures, double errorRate,
            Duration cooldown) {
        consecutive = breaker(source, cooldown).withFailureThreshold(failures).build();
        rate = breaker(source, cooldown)
                .withFailureRateThreshold(Math.max(1, (int) Math.round(errorRate * 100)), RATE_MIN_CALLS, RATE_PERIOD)
                .build();
        RetryPolicy<Object> retry = RetryPolicy.builder()
                .handleIf(TransientFailures::isTransient)
                .withMaxAttempts(attempts)
                .withBackoff(firstDelay, firstDelay.multipliedBy(BACKOFF_CAP_FACTOR))
                .withJitter(JITTER)
                .onRetry(event -> LOG.warn("Source {}: attempt {} failed ({}); retrying", source,
                        event.getAttemptCount(), event.getLastException().getMessage()))
                .build();
        retried = Failsafe.with(retry, rate, consecutive);
        once = Failsafe.with(rate, consecutive);
    }

    private static dev.failsafe.CircuitBreakerBuilder<Object> breaker(String source, Duration cooldown) {
        return CircuitBreaker.builder()
                .handleIf(TransientFailures::isTransient)
                .withDelay(cooldown)
                .withSuccessThreshold(1)
                .onOpen(event -> LOG.warn("Source {}: circuit breaker open for {} s", source, cooldown.toSeconds()))
                .onHalfOpen(event -> LOG.info("Source {}: circuit breaker half-open; the next call tests the database",
                        source))
                .onClose(event -> LOG.info("Source {}: circuit breaker closed", source));
    }

    /** Runs the work with retries and breakers. Checked failures arrive wrapped in a FailsafeException. */
    @SuppressWarnings("unchecked")
    public <T> T retried(CheckedSupplier<T> work) {
        return (T) retried.get((CheckedSupplier<Object>) work);
    }

    /** Runs the work once, through the breakers only (health probes; statements that must not run twice). */
    @SuppressWarnings("unchecked")
    public <T> T once(CheckedSupplier<T> work) {
        return (T) once.get((CheckedSupplier<Object>) work);
    }

    /** The worse of the two breakers. */
    public BreakerState breaker() {
        CircuitBreaker<Object> worst = consecutive.isOpen() ? consecutive
                : rate.isOpen() ? rate
                : consecutive.isHalfOpen() ? consecutive : rate;
        return new BreakerState(worst.getState().name(), worst.isOpen() ? worst.getRemainingDelay() : Duration.ZERO);
    }
}
