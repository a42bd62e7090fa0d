package io.mcpruntime.runtime.console;

import io.mcpruntime.runtime.ops.KernelMetrics.CallTotals;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Calls per second and mean latency of each tool over the last minutes, from samples of the kernel's call timers
 * (the meters behind /metrics) taken every {@link #INTERVAL_SECONDS} seconds.
 */
final class CallHistory {
    static final int INTERVAL_SECONDS = 2;
    private static final int SAMPLES = 150; // five minutes

    private final Supplier<Map<String, CallTotals>> totals;
    private final Deque<Map<String, CallTotals>> samples = new ArrayDeque<>();

    CallHistory(Supplier<Map<String, CallTotals>> totals) {
        this.totals = totals;
        sample();
    }

    /** One tool's rate (calls/s) and mean latency (ms, {@code null} where it had no calls) per interval. */
    record Series(String tool, List<Double> callsPerSecond, List<Double> latencyMillis) {
    }

    record History(int intervalSeconds, List<Series> tools) {
    }

    synchronized void sample() {
        samples.addLast(totals.get());
        while (samples.size() > SAMPLES + 1) {
            samples.removeFirst();
        }
    }

    synchronized History history() {
        Map<String, Series> series = new TreeMap<>();
        Iterator<Map<String, CallTotals>> it = samples.iterator();
        Map<String, CallTotals> previous = it.next();
        int interval = 0;
        int intervals = samples.size() - 1;
        while (it.hasNext()) {
            Map<String, CallTotals> current = it.next();
            for (Map.Entry<String, CallTotals> tool : current.entrySet()) {
                CallTotals before = previous.getOrDefault(tool.getKey(), new CallTotals(0, 0));
                long calls = tool.getValue().count() - before.count();
                Series s = series.computeIfAbsent(tool.getKey(), name -> emptySeries(name, intervals));
                s.callsPerSecond().set(interval, (double) calls / INTERVAL_SECONDS);
                s.latencyMillis().set(interval,
                        calls == 0 ? null : (tool.getValue().totalMillis() - before.totalMillis()) / calls);
            }
            previous = current;
            interval++;
        }
        return new History(INTERVAL_SECONDS, List.copyOf(series.values()));
    }

    private static Series emptySeries(String tool, int intervals) {
        List<Double> rates = new ArrayList<>();
        List<Double> latencies = new ArrayList<>();
        for (int i = 0; i < intervals; i++) {
            rates.add(0.0);
            latencies.add(null);
        }
        return new Series(tool, rates, latencies);
    }
}
