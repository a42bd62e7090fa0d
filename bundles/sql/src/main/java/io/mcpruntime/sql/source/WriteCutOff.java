package io.mcpruntime.sql.source;

import java.sql.SQLException;

/**
 * The connection failed while a write ran: it ran once, was not retried, and may or may not have been applied.
 * Still transient for the breakers and health, through its cause.
 */
final class WriteCutOff extends SQLException {
    WriteCutOff(SQLException cause) {
        super(cause.getMessage(), cause.getSQLState(), cause.getErrorCode(), cause);
    }
}
