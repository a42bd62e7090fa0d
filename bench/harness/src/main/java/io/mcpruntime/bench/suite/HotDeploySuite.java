package io.mcpruntime.bench.suite;

import io.mcpruntime.bench.BenchContext;
import io.mcpruntime.bench.JsonRpc;
import io.mcpruntime.bench.PluginJars;
import io.mcpruntime.bench.ServerProcess;
import io.mcpruntime.bench.Stats;
import io.mcpruntime.bench.http.McpHttpSession;
import io.mcpruntime.bench.http.NotificationStream;
import io.mcpruntime.bench.report.Figure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Time from a plugin jar landing in the watched folder (an atomic move, as a deployment tool would do it) to
 * {@code notifications/tools/list_changed} at a connected HTTP client, and from its deletion to the next one.
 * Every drop is a new plugin (its own symbolic name and namespace). Runtime only: the peer cannot do this.
 */
public final class HotDeploySuite implements Suite {
    private static final Duration SETTLE = Duration.ofMillis(300);
    private static final Duration TIMEOUT = Duration.ofSeconds(15);
    private static final double DEPLOY_P50_GOAL = 100;
    private static final double DEPLOY_P99_GOAL = 300;
    private static final double REMOVAL_P50_GOAL = 300;

    private interface FileAction {
        void run() throws IOException;
    }

    @Override
    public String id() {
        return "hot-deploy";
    }

    @Override
    public String name() {
        return "hot deploy";
    }

    @Override
    public List<Figure> run(BenchContext context) throws Exception {
        Path plugins = context.examplePluginsFolder("hot-deploy");
        Path staging = Files.createDirectories(context.work().resolve("hot-deploy/staging"));
        List<Double> deploys = new ArrayList<>();
        List<Double> removals = new ArrayList<>();
        int unlisted = 0;
        try (ServerProcess server = ServerProcess.startHttp(context.runtime().http("--plugins", plugins.toString()));
                McpHttpSession session = McpHttpSession.open(server.endpoint());
                NotificationStream stream = new NotificationStream(server.endpoint(), session.sessionId())) {
            for (int drop = 0; drop < context.settings().drops(); drop++) {
                String namespace = "drop" + drop;
                Path staged = PluginJars.variant(context.pluginTemplate(), namespace,
                        staging.resolve(namespace + ".jar"));
                Path deployed = plugins.resolve(namespace + ".jar");
                deploys.add(untilListChanged(stream,
                        () -> Files.move(staged, deployed, StandardCopyOption.ATOMIC_MOVE)));
                if (!session.post(JsonRpc.listTools(drop + 1)).body().contains(namespace + "_t01")) {
                    unlisted++;
                }
                removals.add(untilListChanged(stream, () -> Files.delete(deployed)));
                System.err.printf("  drop %d: listed after %.0f ms, gone after %.0f ms%n", drop,
                        deploys.get(drop), removals.get(drop));
            }
        }
        double deployMedian = Stats.median(deploys);
        double deployP99 = Stats.quantile(deploys, 0.99);
        double removalMedian = Stats.median(removals);
        String missed = unlisted == 0 ? null : unlisted + " drops not in tools/list after their list_changed";
        return List.of(
                new Figure("hot deploy", "jar dropped → list_changed, p50", "ms", deployMedian, null,
                        "≤ " + (int) DEPLOY_P50_GOAL + " ms", deployMedian <= DEPLOY_P50_GOAL, missed),
                new Figure("hot deploy", "jar dropped → list_changed, p99", "ms", deployP99, null,
                        "≤ " + (int) DEPLOY_P99_GOAL + " ms", deployP99 <= DEPLOY_P99_GOAL, deploys.size() + " drops"),
                new Figure("hot deploy", "jar deleted → list_changed, p50", "ms", removalMedian, null,
                        "≤ " + (int) REMOVAL_P50_GOAL + " ms", removalMedian <= REMOVAL_P50_GOAL,
                        "a deleted plugin goes at once; only a replaced one is awaited back (the swap grace)"),
                new Figure("hot deploy", "jar deleted → list_changed, p99", "ms", Stats.quantile(removals, 0.99),
                        null, null, null, null));
    }

    /** Milliseconds from the action to the next tools/list_changed; NaN if none came. */
    private static double untilListChanged(NotificationStream stream, FileAction action)
            throws IOException, InterruptedException {
        Thread.sleep(SETTLE.toMillis());
        stream.clear();
        long start = System.nanoTime();
        action.run();
        long arrived = stream.awaitToolsListChanged(TIMEOUT);
        return arrived < 0 ? Double.NaN : (arrived - start) / 1e6;
    }
}
