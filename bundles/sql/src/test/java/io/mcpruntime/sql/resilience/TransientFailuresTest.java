package io.mcpruntime.sql.resilience;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Which failures are retried and count against the breakers, as the issue and the README list them. */
class TransientFailuresTest {

    @ParameterizedTest
    @ValueSource(ints = {40613, 40197, 40501, 49918, 1205, 4060})
    void sqlServerErrorNumbersThatMeanTryAgainAreTransient(int number) {
        assertTrue(TransientFailures.isTransient(new SQLException("Azure says later", "S0001", number)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"08001", "08006", "08S01", "57P01", "40001", "40P01"})
    void connectionClassAndRestartStatesAreTransient(String state) {
        assertTrue(TransientFailures.isTransient(new SQLException("gone", state)));
    }

    @Test
    void theDriversReasonDecidesNotThePoolsWrapper() {
        SQLException wrongLogin = new SQLException("Login failed for user 'reader'.", "S0001", 18456);
        assertFalse(TransientFailures.isTransient(new SQLTransientConnectionException("pool timed out", wrongLogin)),
                "a wrong login is not retried");
        assertTrue(TransientFailures.isTransient(new SQLTransientConnectionException("pool timed out",
                new SQLException("refused", new ConnectException("Connection refused")))));
        assertTrue(TransientFailures.isTransient(new SQLTransientConnectionException("pool timed out")));
    }

    @Test
    void wrongStatementsAndQueryTimeoutsAreNotRetried() {
        assertFalse(TransientFailures.isTransient(new SQLException("Invalid object name 'nope'.", "S0002", 208)));
        assertFalse(TransientFailures.isTransient(new SQLException("syntax error", "42601")));
        SQLException cancelled = new SQLException("canceling statement due to statement timeout", "57014");
        assertTrue(TransientFailures.isTimeout(cancelled));
        assertFalse(TransientFailures.isTransient(cancelled), "it would only time out again");
        assertTrue(TransientFailures.isTimeout(new SQLTimeoutException("The query has timed out.")));
        assertFalse(TransientFailures.isTimeout(new SQLException("gone", "08006")));
    }
}
