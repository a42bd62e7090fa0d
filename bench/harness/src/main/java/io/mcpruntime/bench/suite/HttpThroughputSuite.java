package io.mcpruntime.bench.suite;

import io.mcpruntime.bench.BenchContext;
import io.mcpruntime.bench.BenchSettings;
import io.mcpruntime.bench.Contender;
import io.mcpruntime.bench.CpuSplit;
import io.mcpruntime.bench.ServerProcess;
import io.mcpruntime.bench.load.HttpLoad;
import io.mcpruntime.bench.load.LoadResult;
import io.mcpruntime.bench.report.Figure;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * tools/call of the echo tool over Streamable HTTP at 1, 10 and 50 concurrent clients. Both servers run side by
 * side for the whole suite, on CPUs the load generator does not use ({@link CpuSplit}); every round measures each
 * concurrency on both, alternating which goes first.
 */
public final class HttpThroughputSuite implements Suite {
    private static final int[] CLIENTS = {1, 10, 50};
    private static final String GROUP = "HTTP";

    /** Issue 16's goals at 50 clients: a tail no longer than the peer's at 1.1 times its throughput. */
    private static Figure withTailGoal(Figure row) {
        if (row.metric().equals("tools/call p99, 50 clients")) {
            return new Figure(row.group(), row.metric(), row.unit(), row.runtime(), row.peer(), "≤ 1.0× peer",
                    row.ratio() != null && row.ratio() <= 1.0, row.note());
        }
        if (row.metric().equals("tools/call throughput, 50 clients")) {
            return new Figure(row.group(), row.metric(), row.unit(), row.runtime(), row.peer(), "≥ 1.1× peer",
                    row.ratio() != null && row.ratio() >= 1.1, row.note());
        }
        return row;
    }

    @Override
    public String id() {
        return "http";
    }

    @Override
    public String name() {
        return "tools/call over Streamable HTTP";
    }

    @Override
    public List<Figure> run(BenchContext context) throws Exception {
        BenchSettings settings = context.settings();
        try (CpuSplit split = CpuSplit.apply();
                ServerProcess runtime = ServerProcess.startHttp(split.server(context.runtime().http()));
                ServerProcess peer = ServerProcess.startHttp(split.server(context.peer().http()))) {
            Map<Contender, ServerProcess> servers = Map.of(context.runtime(), runtime, context.peer(), peer);
            HttpWarmUp.run(context, servers);
            LoadFigures load = new LoadFigures(GROUP, split.describe());
            int turn = 0;
            for (int round = 0; round < settings.rounds(); round++) {
                for (int clients : CLIENTS) {
                    for (Contender contender : context.inTurn(turn++)) {
                        ServerProcess server = servers.get(contender);
                        LoadResult result = HttpLoad.run(server.endpoint(), contender.echoTool(), server::cpuNanos,
                                clients, settings.warmup(), settings.measure());
                        load.add(contender, clients + " clients", result);
                    }
                }
            }
            List<Figure> figures = new ArrayList<>(load.figures(context.runtime(), context.peer()).stream()
                    .map(HttpThroughputSuite::withTailGoal).toList());
            double ours = runtime.residentMiB();
            double theirs = peer.residentMiB();
            figures.add(new Figure("memory", "resident after the HTTP load", "MiB", ours, theirs, "≤ 1.1× peer",
                    ours <= 1.1 * theirs, null));
            return figures;
        }
    }
}
