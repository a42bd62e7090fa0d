package io.mcpruntime.sql.resilience;

import java.time.Duration;

/**
 * A source's circuit breaker as operators see it.
 *
 * @param state CLOSED (calls flow), OPEN (calls fail at once), HALF_OPEN (the next call tests the database)
 * @param retryIn while OPEN, how long until a call may test the database again
 */
public record BreakerState(String state, Duration retryIn) {
}
