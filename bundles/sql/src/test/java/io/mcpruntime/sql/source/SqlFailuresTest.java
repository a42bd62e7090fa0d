package io.mcpruntime.sql.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** What a client reads when a source fails. */
class SqlFailuresTest {

    @Test
    void aWriteCutOffWhileRunningSaysItRanOnceNotThatTheSourceWasUnreachable() {
        Map<String, String> values = Map.of("url", "jdbc:h2:mem:failures;DB_CLOSE_DELAY=-1", "user", "sa",
                "retryAttempts", "3", "retryDelay", "0.01");
        AtomicInteger runs = new AtomicInteger();
        try (Source source = new Source(SourceSettings.read("w", values::get, Map.of()), () -> { }, () -> { })) {
            SQLException failure = assertThrows(SQLException.class, () -> source.write(connection -> {
                runs.incrementAndGet();
                throw new SQLTransientConnectionException("connection reset");
            }));
            assertEquals(1, runs.get(), "a write is not retried");
            assertEquals("The write on source 'w' failed while it ran and was not retried (a write runs once; it "
                    + "may or may not have been applied): connection reset",
                    SqlFailures.describe(source, failure).getMessage());
            assertEquals(Health.State.DOWN, source.health().state(), "the failure still counts as the source's");
        }
    }
}
