package io.mcpruntime.bench.suite;

import io.mcpruntime.bench.Contender;
import io.mcpruntime.bench.Stats;
import io.mcpruntime.bench.load.LoadResult;
import io.mcpruntime.bench.report.Figure;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The load results of a suite, per contender and level (clients, calls in flight) over all rounds: printed as they
 * come, then turned into throughput, latency and CPU rows per level.
 */
final class LoadFigures {
    private final String group;
    /** How the load was run, for the throughput rows' notes (e.g. how the CPUs were split), or null. */
    private final String conditions;
    /** Per contender, the levels in the order they were first measured, each with one result per round. */
    private final Map<Contender, Map<String, List<LoadResult>>> results = new HashMap<>();

    LoadFigures(String group) {
        this(group, null);
    }

    LoadFigures(String group, String conditions) {
        this.group = group;
        this.conditions = conditions;
    }

    void add(Contender contender, String level, LoadResult result) {
        System.err.printf("  %s %s %s: %.0f calls/s, p50 %.2f ms, p99 %.2f ms, %.0f µs CPU/call%s%n", group,
                contender.name(), level, result.callsPerSecond(), result.p50Millis(), result.p99Millis(),
                result.serverCpuMicrosPerCall(),
                result.problem() == null ? "" : " (" + result.problem() + ")");
        results.computeIfAbsent(contender, c -> new LinkedHashMap<>())
                .computeIfAbsent(level, l -> new ArrayList<>()).add(result);
    }

    /** Every result of the contender, at any level. */
    List<LoadResult> all(Contender contender) {
        return results.getOrDefault(contender, Map.of()).values().stream().flatMap(List::stream).toList();
    }

    /** Four rows per level, runtime against peer: throughput (goal: at least the peer's), p50, p99, CPU per call. */
    List<Figure> figures(Contender runtime, Contender peer) {
        List<Figure> figures = new ArrayList<>();
        results.get(runtime).forEach((level, ours) -> figures.addAll(
                rows(level, runtime, ours, peer, results.get(peer).get(level))));
        return figures;
    }

    private List<Figure> rows(String level, Contender runtime, List<LoadResult> ours, Contender peer,
            List<LoadResult> theirs) {
        double runtimeRate = median(ours, LoadResult::callsPerSecond);
        double peerRate = median(theirs, LoadResult::callsPerSecond);
        return List.of(
                new Figure(group, "tools/call throughput, " + level, "calls/s", runtimeRate, peerRate,
                        "≥ 1.0× peer", runtimeRate >= peerRate, problems(runtime, ours, peer, theirs)),
                new Figure(group, "tools/call p50, " + level, "ms", median(ours, LoadResult::p50Millis),
                        median(theirs, LoadResult::p50Millis), null, null, null),
                new Figure(group, "tools/call p99, " + level, "ms", median(ours, LoadResult::p99Millis),
                        median(theirs, LoadResult::p99Millis), null, null, null),
                new Figure(group, "server CPU per call, " + level, "µs",
                        median(ours, LoadResult::serverCpuMicrosPerCall),
                        median(theirs, LoadResult::serverCpuMicrosPerCall), null, null, null));
    }

    private static double median(List<LoadResult> results, ToDoubleFunction<LoadResult> value) {
        return Stats.median(results.stream().map(r -> value.applyAsDouble(r)).toList());
    }

    /**
     * The conditions, then what went wrong in which rounds, e.g. "peer: stalled: 10 calls unanswered for 5 s
     * (3/3 rounds)".
     */
    private String problems(Contender runtime, List<LoadResult> ours, Contender peer, List<LoadResult> theirs) {
        String text = Stream.of(conditions, describe(runtime, ours), describe(peer, theirs)).filter(Objects::nonNull)
                .collect(Collectors.joining("; "));
        return text.isEmpty() ? null : text;
    }

    private static String describe(Contender who, List<LoadResult> results) {
        List<String> problems = results.stream().map(LoadResult::problem).filter(Objects::nonNull).toList();
        return problems.isEmpty() ? null
                : who.name() + ": " + problems.get(0) + " (" + problems.size() + "/" + results.size() + " rounds)";
    }
}
