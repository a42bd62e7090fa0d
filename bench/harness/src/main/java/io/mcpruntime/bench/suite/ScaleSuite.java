package io.mcpruntime.bench.suite;

import io.mcpruntime.bench.BenchContext;
import io.mcpruntime.bench.Contender;
import io.mcpruntime.bench.JsonRpc;
import io.mcpruntime.bench.PluginJars;
import io.mcpruntime.bench.ServerProcess;
import io.mcpruntime.bench.Stats;
import io.mcpruntime.bench.floor.FelixFloor;
import io.mcpruntime.bench.http.McpHttpSession;
import io.mcpruntime.bench.load.Latencies;
import io.mcpruntime.bench.report.Figure;
import io.mcpruntime.bench.stdio.StdioClient;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * 100 plugins of 10 tools each in the folder at start: how long the runtime takes to boot with them (over stdio,
 * the client connected from the first moment), how many list_changed that client hears during boot, and how fast
 * tools/list answers with 1,000 tools over HTTP. The peer is the SDK server with 1,000 echo tools built in.
 */
public final class ScaleSuite implements Suite {
    private static final int PLUGINS = 100;
    private static final int TOOLS = PLUGINS * 10;
    private static final Pattern PLUGIN_TOOL = Pattern.compile("\"name\":\"p\\d{3}_t\\d{2}\"");
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    /** How long the client keeps listening after all tools are listed, for late notifications. */
    private static final Duration LISTEN_AFTER = Duration.ofSeconds(2);
    private static final int LIST_WARMUP = 50;
    private static final double LIST_GOAL_MILLIS = 10;

    @Override
    public String id() {
        return "scale";
    }

    @Override
    public String name() {
        return "100 plugins × 10 tools";
    }

    @Override
    public List<Figure> run(BenchContext context) throws Exception {
        Path plugins = pluginsFolder(context);
        List<Contender> contenders = List.of(context.runtime(), context.runtimeWithArchive(), context.peer());
        List<String> peerCommand = context.peer().stdio("--extra-tools", Integer.toString(TOOLS));
        List<String> floorCommand = floorCommand(context, plugins);
        List<Double> floorBoots = new ArrayList<>();
        Map<Contender, List<Double>> boots = new HashMap<>();
        Map<Contender, List<Double>> allListed = new HashMap<>();
        int mostNotifications = 0;
        for (int boot = 0; boot < context.settings().starts(); boot++) {
            for (Contender contender : BenchContext.rotated(contenders, boot)) {
                if (contender == context.peer()) {
                    boots.computeIfAbsent(contender, k -> new ArrayList<>())
                            .add(ColdStartSuite.timeToInitialize(peerCommand));
                    floorBoots.add(timeToReady(floorCommand));
                    continue;
                }
                try (StdioClient client = StdioClient.start(contender.stdio("--plugins", plugins.toString()))) {
                    boots.computeIfAbsent(contender, k -> new ArrayList<>())
                            .add(millisSinceStart(client, client.initialize(TIMEOUT)));
                    allListed.computeIfAbsent(contender, k -> new ArrayList<>())
                            .add(millisSinceStart(client, awaitAllListed(client)));
                    Thread.sleep(LISTEN_AFTER.toMillis());
                    mostNotifications = Math.max(mostNotifications, client.toolsListChanged());
                }
            }
        }
        System.err.printf("  boots: %s, all listed %s; list_changed during boot: %d%n", boots, allListed,
                mostNotifications);
        double peer = Stats.median(boots.get(context.peer()));
        List<Figure> figures = new ArrayList<>();
        for (Contender runtime : contenders.subList(0, 2)) {
            String start = runtime == context.runtime() ? "first start" : "later start (archive in place)";
            figures.add(new Figure("scale", "boot with 1,000 tools → initialize answered, " + start, "ms",
                    Stats.median(boots.get(runtime)), peer, "≤ 1.5× peer",
                    Stats.median(boots.get(runtime)) <= 1.5 * peer, "median of " + boots.get(runtime).size()
                    + "; peer: the SDK server with 1,000 tools built in"));
            figures.add(new Figure("scale", "boot → all 1,000 plugin tools in tools/list, " + start, "ms",
                    Stats.median(allListed.get(runtime)), null, null, null, null));
        }
        figures.add(new Figure("scale", "the floor: bare Felix, SCR and FileInstall starting the 100 plugins", "ms",
                Stats.median(floorBoots), peer, null, null, "median of " + floorBoots.size() + "; process start to the "
                + "100 plugin services registered, nothing else (no MCP server, schemas, command line, logging)"));
        figures.add(new Figure("scale", "tools/list_changed per session during boot", "", (double) mostNotifications,
                null, "≤ 1", mostNotifications <= 1, "most in any boot; client connected over stdio from "
                + "process start, listening until " + LISTEN_AFTER.toSeconds() + " s after all tools listed"));
        figures.add(listLatency(context, plugins));
        return figures;
    }

    /** {@link FelixFloor} on the distribution's class path (Felix, the API, SLF4J) with its system bundles. */
    private static List<String> floorCommand(BenchContext context, Path plugins) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path harness = Path.of(FelixFloor.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        String classPath = context.runtimeHome().resolve("lib") + "/*" + File.pathSeparator + harness;
        return List.of(java.toString(), "-cp", classPath, FelixFloor.class.getName(),
                context.runtimeHome().resolve("system").toString(), plugins.toString(),
                Integer.toString(PLUGINS));
    }

    /** Process start to its {@code ready} line on stdout; then it is let stop by itself. */
    private static double timeToReady(List<String> command) throws Exception {
        try (ServerProcess process = ServerProcess.start(command);
                BufferedReader out = new BufferedReader(new InputStreamReader(process.process().getInputStream(),
                        StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                if (line.equals("ready")) {
                    double millis = (System.nanoTime() - process.startedNanos()) / 1e6;
                    process.process().waitFor(15, TimeUnit.SECONDS); // it stops and deletes its bundle cache
                    return millis;
                }
            }
            throw new IllegalStateException("The floor never got ready: " + process.stderr());
        }
    }

    private static Path pluginsFolder(BenchContext context) throws IOException {
        Path plugins = Files.createDirectories(context.work().resolve("scale/plugins"));
        for (int i = 0; i < PLUGINS; i++) {
            String namespace = String.format("p%03d", i);
            PluginJars.variant(context.pluginTemplate(), namespace, plugins.resolve(namespace + ".jar"));
        }
        return plugins;
    }

    private static double millisSinceStart(StdioClient client, long nanos) {
        return (nanos - client.server().startedNanos()) / 1e6;
    }

    /** Lists tools until all plugin tools are there; returns when they were. */
    private static long awaitAllListed(StdioClient client) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        int listed = 0;
        for (long id = 1; System.nanoTime() < deadline; id++) {
            client.send(JsonRpc.listTools(id));
            listed = countPluginTools(client.awaitAnswer(id, TIMEOUT));
            if (listed == TOOLS) {
                return System.nanoTime();
            }
            Thread.sleep(20);
        }
        throw new IOException("Only " + listed + " of " + TOOLS + " plugin tools were listed within " + TIMEOUT
                + client.server().lastComplaint());
    }

    private static int countPluginTools(String answer) {
        Matcher matcher = PLUGIN_TOOL.matcher(answer);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }

    /** tools/list over HTTP with 1,000 tools, both servers side by side, timed in alternating blocks. */
    private static Figure listLatency(BenchContext context, Path plugins) throws Exception {
        int samples = context.settings().listSamples();
        try (ServerProcess runtime = ServerProcess.startHttp(context.runtime().http("--plugins", plugins.toString()));
                ServerProcess peer = ServerProcess.startHttp(context.peer().http("--extra-tools",
                        Integer.toString(TOOLS)));
                McpHttpSession runtimeSession = McpHttpSession.open(runtime.endpoint());
                McpHttpSession peerSession = McpHttpSession.open(peer.endpoint())) {
            time(runtimeSession, LIST_WARMUP, new Latencies());
            time(peerSession, LIST_WARMUP, new Latencies());
            Latencies runtimeLatencies = new Latencies();
            Latencies peerLatencies = new Latencies();
            for (int block = 0; block < samples / 10; block++) {
                time(runtimeSession, 10, runtimeLatencies);
                time(peerSession, 10, peerLatencies);
            }
            double p50 = runtimeLatencies.percentileMillis(0.5);
            int size = runtimeSession.post(JsonRpc.listTools(0)).body().length();
            int peerSize = peerSession.post(JsonRpc.listTools(0)).body().length();
            return new Figure("scale", "tools/list with 1,000 tools (HTTP), p50", "ms", p50,
                    peerLatencies.percentileMillis(0.5), "≤ " + (int) LIST_GOAL_MILLIS + " ms", p50 <= LIST_GOAL_MILLIS,
                    String.format("p99 %.1f ms vs %.1f ms; answer %d KiB vs %d KiB",
                            runtimeLatencies.percentileMillis(0.99), peerLatencies.percentileMillis(0.99),
                            size / 1024, peerSize / 1024));
        }
    }

    private static void time(McpHttpSession session, int requests, Latencies latencies) throws IOException {
        for (int i = 0; i < requests; i++) {
            long start = System.nanoTime();
            String answer = session.post(JsonRpc.listTools(i + 1)).body();
            long took = System.nanoTime() - start;
            if (!JsonRpc.isResult(answer)) {
                throw new IOException("tools/list failed: " + answer);
            }
            latencies.add(took);
        }
    }
}
