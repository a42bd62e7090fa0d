package io.mcpruntime.api;

/**
 * The result of a {@link HealthCheck}: a state and a short message saying why, for the operator.
 */
public record HealthStatus(State state, String message) {

    public static HealthStatus up(String message) {
        return new HealthStatus(State.UP, message);
    }

    public static HealthStatus degraded(String message) {
        return new HealthStatus(State.DEGRADED, message);
    }

    public static HealthStatus down(String message) {
        return new HealthStatus(State.DOWN, message);
    }

    /** From best to worst. */
    public enum State { UP, DEGRADED, DOWN }
}
