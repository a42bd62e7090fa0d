package io.mcpruntime.bench.suite;

import io.mcpruntime.bench.BenchContext;
import io.mcpruntime.bench.BenchSettings;
import io.mcpruntime.bench.Contender;
import io.mcpruntime.bench.PluginJars;
import io.mcpruntime.bench.ServerProcess;
import io.mcpruntime.bench.Stats;
import io.mcpruntime.bench.http.McpHttpSession;
import io.mcpruntime.bench.http.NotificationStream;
import io.mcpruntime.bench.load.HttpLoad;
import io.mcpruntime.bench.report.Figure;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Three kernels behind nginx (bin/mcp-cluster) against one kernel reached directly, in the same run: tools/call
 * throughput at 10 and 50 clients (the "peer" column is the single kernel), and the time from one jar dropped into
 * the shared plugins folder to list_changed at a session on every node (the slowest of the three per drop).
 * Needs nginx; on a machine of few cores the kernels share them, so the throughput ratio says what the proxy costs
 * more than what more machines would give.
 */
public final class ClusterSuite implements Suite {
    private static final int NODES = 3;
    private static final int[] CLIENTS = {10, 50};
    private static final String GROUP = "cluster";
    private static final Duration SETTLE = Duration.ofMillis(300);
    private static final Duration TIMEOUT = Duration.ofSeconds(15);
    private static final double ALL_NODES_P99_GOAL = 2000;

    @Override
    public String id() {
        return "cluster";
    }

    @Override
    public String name() {
        return NODES + " kernels behind nginx";
    }

    @Override
    public List<Figure> run(BenchContext context) throws Exception {
        Path plugins = context.examplePluginsFolder("cluster");
        Path staging = Files.createDirectories(context.work().resolve("cluster/staging"));
        Contender cluster = new Contender(NODES + " nodes via nginx", context.runtime().echoTool(), List.of("env",
                "MCP_CDS=off", "sh", context.runtimeHome().resolve("bin/mcp-cluster").toString()), List.of());
        try (ServerProcess proxy = ServerProcess.startHttp(cluster.http("--nodes", Integer.toString(NODES),
                        "--port", Integer.toString(freePort()), "--run", context.work().resolve("cluster/run").toString(),
                        "--", "--plugins", plugins.toString()));
                ServerProcess single = ServerProcess.startHttp(context.runtime().http())) {
            List<Figure> figures = new ArrayList<>(throughput(context.settings(), cluster, proxy, context.runtime(),
                    single));
            figures.addAll(dropToAllNodes(context, proxy.endpoint(), plugins, staging));
            return figures;
        }
    }

    private static List<Figure> throughput(BenchSettings settings, Contender cluster, ServerProcess proxy,
            Contender runtime, ServerProcess single) throws InterruptedException {
        // the CPU of nginx and every kernel: all the processes the script started
        Map<Contender, ServerProcess> servers = Map.of(cluster, proxy, runtime, single);
        Map<Contender, LongSupplier> cpu = Map.of(cluster, () -> descendantsCpuNanos(proxy),
                runtime, single::cpuNanos);
        // JIT warm-up, not recorded: each kernel of the cluster gets as many calls as the single one
        HttpLoad.run(proxy.endpoint(), cluster.echoTool(), cpu.get(cluster), 10,
                settings.jitWarmup().multipliedBy(NODES), Duration.ofSeconds(1));
        HttpLoad.run(single.endpoint(), runtime.echoTool(), cpu.get(runtime), 10, settings.jitWarmup(),
                Duration.ofSeconds(1));
        LoadFigures load = new LoadFigures(GROUP);
        int turn = 0;
        for (int round = 0; round < settings.rounds(); round++) {
            for (int clients : CLIENTS) {
                for (Contender contender : BenchContext.rotated(List.of(cluster, runtime), turn++)) {
                    load.add(contender, clients + " clients", HttpLoad.run(servers.get(contender).endpoint(),
                            contender.echoTool(), cpu.get(contender), clients, settings.warmup(), settings.measure()));
                }
            }
        }
        return load.figures(cluster, runtime);
    }

    private static long descendantsCpuNanos(ServerProcess proxy) {
        return proxy.process().descendants()
                .mapToLong(p -> p.info().totalCpuDuration().map(Duration::toNanos).orElse(0L)).sum();
    }

    /** One session per node through the proxy (new sessions go round-robin), each holding its GET stream. */
    private static List<Figure> dropToAllNodes(BenchContext context, URI endpoint, Path plugins, Path staging)
            throws Exception {
        List<McpHttpSession> sessions = new ArrayList<>();
        List<NotificationStream> streams = new ArrayList<>();
        List<Double> deploys = new ArrayList<>();
        int missed = 0;
        try {
            for (int i = 0; i < NODES; i++) {
                McpHttpSession session = McpHttpSession.open(endpoint);
                sessions.add(session);
                streams.add(new NotificationStream(endpoint, session.sessionId()));
            }
            for (int drop = 0; drop < context.settings().drops(); drop++) {
                String namespace = "cluster" + drop;
                Path staged = PluginJars.variant(context.pluginTemplate(), namespace,
                        staging.resolve(namespace + ".jar"));
                Path deployed = plugins.resolve(namespace + ".jar");
                Thread.sleep(SETTLE.toMillis());
                streams.forEach(NotificationStream::clear);
                long start = System.nanoTime();
                Files.move(staged, deployed, StandardCopyOption.ATOMIC_MOVE);
                long last = start;
                for (NotificationStream stream : streams) {
                    long arrived = stream.awaitToolsListChanged(TIMEOUT);
                    missed += arrived < 0 ? 1 : 0;
                    last = Math.max(last, arrived);
                }
                deploys.add((last - start) / 1e6);
                System.err.printf("  drop %d: list_changed at all %d nodes after %.0f ms%n", drop, NODES,
                        deploys.get(drop));
            }
        } finally {
            streams.forEach(NotificationStream::close);
            for (McpHttpSession session : sessions) {
                session.close();
            }
        }
        double p99 = Stats.quantile(deploys, 0.99);
        String note = sessions.stream().map(s -> s.sessionId().substring(0, s.sessionId().indexOf('.')))
                .distinct().count() + " nodes held the sessions" + (missed == 0 ? "" : "; " + missed + " missed");
        return List.of(
                new Figure(GROUP, "jar dropped → list_changed at every node, p50", "ms", Stats.median(deploys), null,
                        null, null, deploys.size() + " drops, the slowest of " + NODES + " sessions each"),
                new Figure(GROUP, "jar dropped → list_changed at every node, p99", "ms", p99, null,
                        "≤ " + (int) ALL_NODES_P99_GOAL + " ms", missed == 0 && p99 <= ALL_NODES_P99_GOAL, note));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
