package io.mcpruntime.sql.resilience;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/**
 * Which failures are worth retrying and count against a source's circuit breaker: the database was unreachable,
 * busy, failing over or throttling, not the statement being wrong. A query that ran past its timeout is not
 * retried: it would only time out again.
 */
public final class TransientFailures {
    /** SQL Server and Azure SQL error numbers that mean "try again". */
    private static final Set<Integer> SQL_SERVER_ERRORS = Set.of(
            40613, 40197, 40501, 49918, 49919, 49920, 1205, 4060, 4221, 10928, 10929, 40143, 40540, 233, 64, 20,
            10053, 10054, 10060);
    /** Standard and PostgreSQL SQLStates for deadlocks, serialization failures, shutdowns and restarts. */
    private static final Set<String> STATES = Set.of("40001", "40P01", "57P01", "57P02", "57P03", "53300");
    /** Cancelled because the query timeout passed (SQLState used by PostgreSQL and by SQL Server's driver). */
    private static final Set<String> TIMEOUT_STATES = Set.of("57014", "HY008", "HYT00");

    private TransientFailures() {
    }

    public static boolean isTransient(Throwable failure) {
        if (isTimeout(failure)) {
            return false;
        }
        SQLException innermost = null;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof SocketTimeoutException) {
                return true;
            }
            if (t instanceof SQLException sql) {
                innermost = sql;
            }
        }
        // the driver's own exception decides, not the pool's wrapper of it (a wrong login is not transient)
        return innermost != null && (innermost instanceof SQLTransientConnectionException
                || innermost instanceof SQLRecoverableException || isTransient(innermost));
    }

    /** The statement ran past the source's query timeout and was cancelled. */
    public static boolean isTimeout(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLTimeoutException
                    || t instanceof SQLException sql && TIMEOUT_STATES.contains(String.valueOf(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isTransient(SQLException failure) {
        String state = failure.getSQLState();
        return state != null && (state.startsWith("08") || STATES.contains(state))
                || SQL_SERVER_ERRORS.contains(failure.getErrorCode());
    }
}
