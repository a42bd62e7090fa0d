package io.mcpruntime.sql.resilience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.failsafe.CircuitBreakerOpenException;
import dev.failsafe.FailsafeException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The two breakers the issue asks for (N failures in a row, or an error rate) and the retry in front of them. */
class ResilienceTest {
    private static final SQLException DOWN = new SQLException("connection refused", "08001");
    private static final SQLException WRONG = new SQLException("syntax error", "42601");

    private static Object fail(SQLException failure) throws SQLException {
        throw failure;
    }

    @Test
    void retriesTransientFailuresOnlyThenOpensAfterConsecutiveFailures() {
        Resilience resilience = new Resilience("t", 3, Duration.ofMillis(1), 5, 1.0, Duration.ofMinutes(5));
        AtomicInteger attempts = new AtomicInteger();
        assertThrows(FailsafeException.class, () -> resilience.retried(() -> {
            attempts.incrementAndGet();
            return fail(DOWN);
        }));
        assertEquals(3, attempts.get(), "three attempts");
        attempts.set(0);
        assertThrows(FailsafeException.class, () -> resilience.retried(() -> {
            attempts.incrementAndGet();
            return fail(WRONG);
        }));
        assertEquals(1, attempts.get(), "a wrong statement is not retried");

        // the wrong statement proved the database answers: the count of failures in a row starts again
        for (int failures = 0; failures < 4; failures++) {
            assertThrows(FailsafeException.class, () -> resilience.once(() -> fail(DOWN)));
        }
        assertEquals("CLOSED", resilience.breaker().state(), "four connection failures in a row: still closed");
        assertThrows(FailsafeException.class, () -> resilience.once(() -> fail(DOWN)));
        assertEquals("OPEN", resilience.breaker().state());
        assertTrue(resilience.breaker().retryIn().compareTo(Duration.ofMinutes(4)) > 0);
        assertThrows(CircuitBreakerOpenException.class, () -> resilience.once(() -> "never runs"));
    }

    @Test
    void opensWhenTheErrorRatePassesItsThreshold() throws Exception {
        Resilience resilience = new Resilience("t", 1, Duration.ofMillis(1), 1000, 0.1, Duration.ofMinutes(5));
        for (int call = 0; call < Resilience.RATE_MIN_CALLS - 3; call++) {
            resilience.once(() -> "ok");
        }
        assertThrows(FailsafeException.class, () -> resilience.once(() -> fail(DOWN)));
        assertThrows(FailsafeException.class, () -> resilience.once(() -> fail(DOWN)));
        assertEquals("CLOSED", resilience.breaker().state(), "19 calls are too few to judge a rate");
        assertThrows(FailsafeException.class, () -> resilience.once(() -> fail(DOWN)));
        assertEquals("OPEN", resilience.breaker().state(), "3 failures in 20 calls is over 10 %");
    }
}
