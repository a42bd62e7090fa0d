package io.mcpruntime.runtime.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.mcpruntime.runtime.ops.KernelMetrics.CallTotals;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CallHistoryTest {

    @Test
    void ratesAndMeanLatenciesComeFromTheDifferenceBetweenSamples() {
        Deque<Map<String, CallTotals>> totals = new ArrayDeque<>(List.of(
                Map.of(),
                Map.of("a_tool", new CallTotals(4, 40)),
                Map.of("a_tool", new CallTotals(4, 40), "b_tool", new CallTotals(1, 7)),
                Map.of("a_tool", new CallTotals(10, 100), "b_tool", new CallTotals(1, 7))));
        CallHistory history = new CallHistory(totals::removeFirst);
        history.sample();
        history.sample();
        history.sample();

        CallHistory.History seen = history.history();
        assertEquals(CallHistory.INTERVAL_SECONDS, seen.intervalSeconds());
        CallHistory.Series a = seen.tools().get(0);
        assertEquals("a_tool", a.tool());
        assertEquals(List.of(4.0 / CallHistory.INTERVAL_SECONDS, 0.0, 6.0 / CallHistory.INTERVAL_SECONDS),
                a.callsPerSecond());
        assertEquals(10.0, a.latencyMillis().get(0));
        assertNull(a.latencyMillis().get(1), "no calls, no latency");
        assertEquals(10.0, a.latencyMillis().get(2));
        CallHistory.Series b = seen.tools().get(1);
        assertEquals(List.of(0.0, 1.0 / CallHistory.INTERVAL_SECONDS, 0.0), b.callsPerSecond());
        assertEquals(7.0, b.latencyMillis().get(1));
    }

    @Test
    void onlyTheLastFiveMinutesAreKept() {
        long[] count = {0};
        CallHistory history = new CallHistory(() -> Map.of("t", new CallTotals(count[0]++, 0)));
        for (int i = 0; i < 400; i++) {
            history.sample();
        }
        assertEquals(5 * 60 / CallHistory.INTERVAL_SECONDS, history.history().tools().get(0).callsPerSecond().size());
    }
}
