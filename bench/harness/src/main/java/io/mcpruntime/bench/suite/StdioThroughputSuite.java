package io.mcpruntime.bench.suite;

import io.mcpruntime.bench.BenchContext;
import io.mcpruntime.bench.BenchSettings;
import io.mcpruntime.bench.Contender;
import io.mcpruntime.bench.load.LoadResult;
import io.mcpruntime.bench.report.Figure;
import io.mcpruntime.bench.stdio.StdioClient;
import io.mcpruntime.bench.stdio.StdioLoad;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * tools/call of the echo tool over stdio with 1, 10 and 32 calls in flight, one spawned server per contender and
 * round (a fresh one after a stall). The SDK's stdio transport is known to stall at about ten concurrent calls:
 * the figures say so rather than hide it.
 */
public final class StdioThroughputSuite implements Suite {
    private static final int[] IN_FLIGHT = {1, 10, 32};
    private static final String GROUP = "stdio";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    @Override
    public String id() {
        return "stdio";
    }

    @Override
    public String name() {
        return "tools/call over stdio";
    }

    @Override
    public List<Figure> run(BenchContext context) throws Exception {
        BenchSettings settings = context.settings();
        LoadFigures load = new LoadFigures(GROUP);
        for (int round = 0; round < settings.rounds(); round++) {
            for (Contender contender : context.inTurn(round)) {
                StdioClient client = null;
                try {
                    AtomicLong ids = new AtomicLong(1);
                    for (int inFlight : IN_FLIGHT) {
                        if (client == null) {
                            client = started(contender, settings);
                        }
                        LoadResult result = StdioLoad.run(client, contender.echoTool(), ids, inFlight,
                                settings.warmup(), settings.measure());
                        load.add(contender, inFlight + " in flight", result);
                        if (result.problem() != null) { // a stalled server is useless: the next level gets a new one
                            client.close();
                            client = null;
                        }
                    }
                } finally {
                    if (client != null) {
                        client.close();
                    }
                }
            }
        }
        List<Figure> figures = new ArrayList<>(load.figures(context.runtime(), context.peer()));
        long runtimeStalls = stalls(load.all(context.runtime()));
        figures.add(new Figure(GROUP, "runs that stalled", "", (double) runtimeStalls,
                (double) stalls(load.all(context.peer())), "runtime never stalls", runtimeStalls == 0,
                "no answer for " + StdioLoad.STALL.toSeconds() + " s with calls outstanding"));
        return figures;
    }

    /**
     * A freshly started server, initialized and warmed up with one call in flight (more would stall the peer), for a
     * third of the HTTP warm-up: one client needs less compiled code than fifty.
     */
    private static StdioClient started(Contender contender, BenchSettings settings) throws Exception {
        StdioClient client = StdioClient.start(contender.stdio());
        client.initialize(START_TIMEOUT);
        StdioLoad.run(client, contender.echoTool(), new AtomicLong(1_000_000_000L), 1,
                settings.jitWarmup().dividedBy(3), Duration.ofSeconds(1));
        return client;
    }

    private static long stalls(List<LoadResult> results) {
        return results.stream().filter(r -> r.problem() != null && r.problem().startsWith("stalled")).count();
    }
}
