package io.mcpruntime.sql.source;

import dev.failsafe.CircuitBreakerOpenException;
import dev.failsafe.FailsafeException;
import io.mcpruntime.api.ToolException;
import io.mcpruntime.sql.resilience.TransientFailures;
import java.sql.SQLException;

/** Turns a failure of a source into the one message a client reads: what happened, never a stack trace. */
public final class SqlFailures {
    private SqlFailures() {
    }

    public static ToolException describe(Source source, Throwable failure) {
        Throwable cause = failure instanceof FailsafeException && !(failure instanceof CircuitBreakerOpenException)
                && failure.getCause() != null ? failure.getCause() : failure;
        String name = "source '" + source.name() + "'";
        if (cause instanceof CircuitBreakerOpenException) {
            return new ToolException("The " + name + " is unavailable: repeated connection failures opened its "
                    + "circuit breaker; it will be tried again in " + source.breaker().retryIn().toSeconds()
                    + " s. " + source.health().message());
        }
        if (TransientFailures.isTimeout(cause)) {
            return new ToolException("The statement ran longer than the query timeout of " + name + " ("
                    + source.settings().queryTimeout().toSeconds() + " s) and was cancelled.");
        }
        if (cause instanceof WriteCutOff) {
            return new ToolException("The write on " + name + " failed while it ran and was not retried (a write "
                    + "runs once; it may or may not have been applied): " + rootMessage(cause));
        }
        if (TransientFailures.isTransient(cause)) {
            return new ToolException("Cannot reach " + name + " after " + source.settings().retryAttempts()
                    + " attempt(s) (login timeout " + source.settings().loginTimeout().toSeconds() + " s each): "
                    + rootMessage(cause));
        }
        if (cause instanceof SQLException sql) {
            return new ToolException("The database of " + name + " refused the statement: " + sql.getMessage()
                    + state(sql));
        }
        if (cause instanceof InterruptedException) {
            Thread.currentThread().interrupt();
            return new ToolException("The call was cancelled.");
        }
        if (cause instanceof IllegalArgumentException) {
            return new ToolException("The " + name + " is misconfigured: " + cause.getMessage());
        }
        return new ToolException("The " + name + " failed: " + rootMessage(cause));
    }

    /** The innermost database message: the driver's own reason rather than the pool's summary of it. */
    static String rootMessage(Throwable failure) {
        String message = failure.getMessage();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getMessage() != null && (t instanceof SQLException || message == null)) {
                message = t.getMessage();
            }
        }
        return message == null ? failure.getClass().getSimpleName() : message;
    }

    private static String state(SQLException failure) {
        return failure.getSQLState() == null ? "" : " (SQLState " + failure.getSQLState() + ")";
    }
}
