package io.mcpruntime.bench.suite;

import io.mcpruntime.bench.BenchContext;
import io.mcpruntime.bench.Contender;
import io.mcpruntime.bench.CpuSplit;
import io.mcpruntime.bench.ServerProcess;
import io.mcpruntime.bench.Stats;
import io.mcpruntime.bench.load.Latencies;
import io.mcpruntime.bench.load.OpenLoad;
import io.mcpruntime.bench.report.Figure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * tools/call latency over Streamable HTTP under an open-loop load both servers can carry (50 clients offering
 * {@value #RATE} calls a second together): the tail a stall causes for every call due meanwhile, which the closed
 * loop of the throughput suite hides (there a stalled server only holds up the 50 calls in flight).
 */
public final class OpenLoopSuite implements Suite {
    private static final int CLIENTS = 50;
    private static final int RATE = 20_000;
    private static final Duration WINDOW = Duration.ofSeconds(4);
    private static final Map<Double, String> PERCENTILES = new TreeMap<>(Map.of(0.5, "p50", 0.99, "p99",
            0.999, "p99.9"));

    @Override
    public String id() {
        return "open-loop";
    }

    @Override
    public String name() {
        return "tools/call over Streamable HTTP, open loop";
    }

    @Override
    public List<Figure> run(BenchContext context) throws Exception {
        try (CpuSplit split = CpuSplit.apply();
                ServerProcess runtime = ServerProcess.startHttp(split.server(context.runtime().http()));
                ServerProcess peer = ServerProcess.startHttp(split.server(context.peer().http()))) {
            Map<Contender, ServerProcess> servers = Map.of(context.runtime(), runtime, context.peer(), peer);
            // a server still compiling falls behind an open load and never catches up: warmed by the open load too
            HttpWarmUp.run(context, servers);
            for (Contender contender : context.inTurn(0)) {
                OpenLoad.run(servers.get(contender).endpoint(), contender.echoTool(), CLIENTS, RATE,
                        WINDOW.multipliedBy(2));
            }
            Map<Contender, Map<Double, List<Double>>> percentiles = new HashMap<>();
            for (int round = 0; round < context.settings().rounds(); round++) {
                for (Contender contender : context.inTurn(round)) {
                    Latencies latencies = OpenLoad.run(servers.get(contender).endpoint(), contender.echoTool(),
                            CLIENTS, RATE, WINDOW);
                    for (double q : PERCENTILES.keySet()) {
                        percentiles.computeIfAbsent(contender, k -> new HashMap<>())
                                .computeIfAbsent(q, k -> new ArrayList<>()).add(latencies.percentileMillis(q));
                    }
                }
            }
            List<Figure> figures = new ArrayList<>();
            for (double q : PERCENTILES.keySet()) {
                List<Double> ours = percentiles.get(context.runtime()).get(q);
                figures.add(new Figure("HTTP open loop", "tools/call " + PERCENTILES.get(q) + ", " + RATE
                        + " calls/s offered by " + CLIENTS + " clients", "ms", Stats.median(ours),
                        Stats.median(percentiles.get(context.peer()).get(q)), null, null,
                        "medians of " + ours.size() + " windows of " + WINDOW.toSeconds() + " s; runtime "
                        + Stats.spread(ours, "ms") + "; " + split.describe()));
            }
            return figures;
        }
    }
}
