package io.mcpruntime.bench.suite;

import io.mcpruntime.bench.Stats;
import io.mcpruntime.bench.load.LoadResult;
import io.mcpruntime.bench.report.Figure;
import java.util.List;
import java.util.Objects;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Load results of both contenders at one concurrency, over all rounds, as throughput and latency rows. */
final class LoadFigures {
    private LoadFigures() {
    }

    static List<Figure> of(String group, String level, List<LoadResult> runtime, List<LoadResult> peer) {
        double runtimeRate = median(runtime, LoadResult::callsPerSecond);
        double peerRate = median(peer, LoadResult::callsPerSecond);
        boolean met = runtimeRate >= peerRate;
        return List.of(
                new Figure(group, "tools/call throughput, " + level, "calls/s", runtimeRate, peerRate,
                        "≥ 1.0× peer", met, problems(runtime, peer)),
                new Figure(group, "tools/call p50, " + level, "ms", median(runtime, LoadResult::p50Millis),
                        median(peer, LoadResult::p50Millis), null, null, null),
                new Figure(group, "tools/call p99, " + level, "ms", median(runtime, LoadResult::p99Millis),
                        median(peer, LoadResult::p99Millis), null, null, null),
                new Figure(group, "server CPU per call, " + level, "µs",
                        median(runtime, LoadResult::serverCpuMicrosPerCall),
                        median(peer, LoadResult::serverCpuMicrosPerCall), null, null, null));
    }

    static void print(String group, String contender, String level, LoadResult result) {
        System.err.printf("  %s %s %s: %.0f calls/s, p50 %.2f ms, p99 %.2f ms, %.0f µs CPU/call%s%n", group,
                contender, level, result.callsPerSecond(), result.p50Millis(), result.p99Millis(),
                result.serverCpuMicrosPerCall(),
                result.problem() == null ? "" : " (" + result.problem() + ")");
    }

    private static double median(List<LoadResult> results, ToDoubleFunction<LoadResult> value) {
        return Stats.median(results.stream().map(r -> value.applyAsDouble(r)).toList());
    }

    /** What went wrong in which rounds, e.g. "peer: stalled: 10 calls unanswered for 5 s (3/3 rounds)". */
    private static String problems(List<LoadResult> runtime, List<LoadResult> peer) {
        String text = Stream.of(describe("runtime", runtime), describe("peer", peer)).filter(Objects::nonNull).collect(Collectors.joining("; "));
        return text.isEmpty() ? null : text;
    }

    private static String describe(String who, List<LoadResult> results) {
        List<String> problems = results.stream().map(LoadResult::problem).filter(Objects::nonNull).toList();
        return problems.isEmpty() ? null
                : who + ": " + problems.get(0) + " (" + problems.size() + "/" + results.size() + " rounds)";
    }
}
