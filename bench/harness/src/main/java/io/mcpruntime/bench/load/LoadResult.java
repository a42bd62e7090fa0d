package io.mcpruntime.bench.load;

/**
 * What one measured stretch of closed-loop load gave.
 *
 * @param problem null, or what went wrong (failed calls, a stall) in words for the table
 */
public record LoadResult(double callsPerSecond, double p50Millis, double p99Millis, long calls, long failures,
        String problem) {

    public static LoadResult of(Latencies latencies, double seconds, long failures, String problem) {
        String trouble = problem != null ? problem : failures > 0 ? failures + " failed calls" : null;
        return new LoadResult(latencies.count() / seconds, latencies.percentileMillis(0.50),
                latencies.percentileMillis(0.99), latencies.count(), failures, trouble);
    }
}
