package io.mcpruntime.bench.load;

/**
 * What one measured stretch of closed-loop load gave.
 *
 * @param serverCpuMicrosPerCall the server's CPU time in the measuring window divided by the calls answered
 * @param problem null, or what went wrong (failed calls, a stall) in words for the table
 */
public record LoadResult(double callsPerSecond, double p50Millis, double p99Millis, double serverCpuMicrosPerCall,
        long calls, long failures, String problem) {

    public static LoadResult of(Latencies latencies, double seconds, long serverCpuNanos, long failures,
            String problem) {
        String trouble = problem != null ? problem : failures > 0 ? failures + " failed calls" : null;
        double cpuPerCall = latencies.count() == 0 ? Double.NaN : serverCpuNanos / 1e3 / latencies.count();
        return new LoadResult(latencies.count() / seconds, latencies.percentileMillis(0.50),
                latencies.percentileMillis(0.99), cpuPerCall, latencies.count(), failures, trouble);
    }
}
