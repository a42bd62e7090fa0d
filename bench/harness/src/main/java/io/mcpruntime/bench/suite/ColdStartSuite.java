package io.mcpruntime.bench.suite;

import io.mcpruntime.bench.BenchContext;
import io.mcpruntime.bench.Contender;
import io.mcpruntime.bench.Stats;
import io.mcpruntime.bench.report.Figure;
import io.mcpruntime.bench.stdio.StdioClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Process start to the first {@code initialize} answered, over stdio as a desktop client spawns a server: the
 * request is written at once, so the time includes the JVM, the framework, the bundled plugins and the transport.
 */
public final class ColdStartSuite implements Suite {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final double GOAL_MILLIS = 1000;

    @Override
    public String id() {
        return "cold-start";
    }

    @Override
    public String name() {
        return "cold start";
    }

    @Override
    public List<Figure> run(BenchContext context) throws Exception {
        List<Double> runtime = new ArrayList<>();
        List<Double> peer = new ArrayList<>();
        for (int start = 0; start < context.settings().starts(); start++) {
            for (Contender contender : context.inTurn(start)) {
                double millis = timeToInitialize(contender.stdio());
                System.err.printf("  %s: initialize answered %.0f ms after process start%n", contender.name(), millis);
                (contender == context.runtime() ? runtime : peer).add(millis);
            }
        }
        double median = Stats.median(runtime);
        return List.of(new Figure("start", "process start → initialize answered (bundled plugins)", "ms", median,
                Stats.median(peer), "≤ " + (int) GOAL_MILLIS + " ms", median <= GOAL_MILLIS,
                "median; runtime " + Stats.spread(runtime, "ms") + ", peer " + Stats.spread(peer, "ms")));
    }

    /** Starts the command and times process start to the answer of an initialize written at once. */
    static double timeToInitialize(List<String> command) throws Exception {
        try (StdioClient client = StdioClient.start(command)) {
            long answered = client.initialize(TIMEOUT);
            return (answered - client.server().startedNanos()) / 1e6;
        }
    }
}
